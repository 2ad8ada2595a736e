-- Frontline's person-name keys beside this source, as beside the PostgreSQL sources
-- (org.frontline.match.NameKeys; db/sources/common): per record, for each of its names, the normalised
-- name (n), its full key (f), pair keys (p) and part keys (t), each "key=normalised name", computed in
-- Java and written by our tooling, which sets @frontline_name_keys = 'written' in its session. A person
-- or alias written any other way (the source's own clerk) fires the triggers below: its keys are
-- replaced by its raw names, lower-cased (r), which the connector searches by substring, so such a
-- record is always found, by the slower path. born: the year of birth, Gregorian (a Hijri year read
-- approximately, within a year: the search reads born one year either side).
CREATE TABLE frontline_name_key (
    record_ref  BIGINT NOT NULL,
    key_kind    CHAR(1) NOT NULL,
    `key`       VARCHAR(600) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,   -- byte order: read by key range
    born        INT,
    INDEX frontline_name_key_lookup (key_kind, `key`(200), record_ref),
    INDEX frontline_name_key_born (key_kind, born, `key`(200), record_ref),
    INDEX frontline_name_key_record (record_ref)
) ENGINE = InnoDB;

-- How common each full key (f) and part key (t) is, and the population ('*', ''): written by the
-- tooling after each load (AimcSeeder counts them as it writes the keys).
CREATE TABLE frontline_name_frequency (
    key_kind  CHAR(1) NOT NULL,
    `key`     VARCHAR(600) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    holders   BIGINT NOT NULL,
    PRIMARY KEY (key_kind, `key`(200))
) ENGINE = InnoDB;

CREATE FUNCTION frontline_birth_year(birth_date VARCHAR(10), birth_calendar CHAR(1)) RETURNS INT DETERMINISTIC
RETURN CASE
    WHEN birth_date IS NULL OR birth_date NOT REGEXP '^[0-9]{4}(-|$)' THEN NULL
    WHEN birth_calendar = 'H' THEN FLOOR(CAST(LEFT(birth_date, 4) AS INT) * 0.970229 + 621.5643)
    WHEN CAST(LEFT(birth_date, 4) AS INT) BETWEEN 1 AND 9999 THEN CAST(LEFT(birth_date, 4) AS INT)
END;

DELIMITER //
CREATE PROCEDURE frontline_raw_name_keys(ref BIGINT)
BEGIN
    DELETE FROM frontline_name_key WHERE record_ref = ref;
    INSERT INTO frontline_name_key (record_ref, key_kind, `key`, born)
    SELECT person_id, 'r', LOWER(CONCAT_WS(' ', given_latin, family_latin)), frontline_birth_year(birth_date, birth_calendar)
      FROM aimc_person WHERE person_id = ref AND (given_latin IS NOT NULL OR family_latin IS NOT NULL)
    UNION
    SELECT a.person_id, 'r', LOWER(a.alias_latin), frontline_birth_year(p.birth_date, p.birth_calendar)
      FROM aimc_person_alias a JOIN aimc_person p ON p.person_id = a.person_id
     WHERE a.person_id = ref AND a.alias_latin IS NOT NULL;
END //
DELIMITER ;

DELIMITER //
CREATE TRIGGER aimc_person_name_keys_insert AFTER INSERT ON aimc_person FOR EACH ROW
BEGIN
    IF @frontline_name_keys IS NULL OR @frontline_name_keys <> 'written' THEN
        CALL frontline_raw_name_keys(NEW.person_id);
    END IF;
END //

CREATE TRIGGER aimc_person_name_keys_update AFTER UPDATE ON aimc_person FOR EACH ROW
BEGIN
    IF NOT (OLD.person_id <=> NEW.person_id AND OLD.name_ar <=> NEW.name_ar AND OLD.given_latin <=> NEW.given_latin
            AND OLD.family_latin <=> NEW.family_latin)
       AND (@frontline_name_keys IS NULL OR @frontline_name_keys <> 'written') THEN
        IF OLD.person_id <> NEW.person_id THEN CALL frontline_raw_name_keys(OLD.person_id); END IF;
        CALL frontline_raw_name_keys(NEW.person_id);
    ELSEIF NOT (OLD.birth_date <=> NEW.birth_date AND OLD.birth_calendar <=> NEW.birth_calendar) THEN
        -- a clerk's correction of the date of birth: the keys stay, their year follows
        UPDATE frontline_name_key SET born = frontline_birth_year(NEW.birth_date, NEW.birth_calendar)
         WHERE record_ref = NEW.person_id;
    END IF;
END //

CREATE TRIGGER aimc_person_name_keys_delete AFTER DELETE ON aimc_person FOR EACH ROW
BEGIN
    IF @frontline_name_keys IS NULL OR @frontline_name_keys <> 'written' THEN
        CALL frontline_raw_name_keys(OLD.person_id);
    END IF;
END //

CREATE TRIGGER aimc_person_alias_name_keys_insert AFTER INSERT ON aimc_person_alias FOR EACH ROW
BEGIN
    IF @frontline_name_keys IS NULL OR @frontline_name_keys <> 'written' THEN
        CALL frontline_raw_name_keys(NEW.person_id);
    END IF;
END //

CREATE TRIGGER aimc_person_alias_name_keys_update AFTER UPDATE ON aimc_person_alias FOR EACH ROW
BEGIN
    IF @frontline_name_keys IS NULL OR @frontline_name_keys <> 'written' THEN
        IF OLD.person_id <> NEW.person_id THEN CALL frontline_raw_name_keys(OLD.person_id); END IF; CALL frontline_raw_name_keys(NEW.person_id);
    END IF;
END //

CREATE TRIGGER aimc_person_alias_name_keys_delete AFTER DELETE ON aimc_person_alias FOR EACH ROW
BEGIN
    IF @frontline_name_keys IS NULL OR @frontline_name_keys <> 'written' THEN
        CALL frontline_raw_name_keys(OLD.person_id);
    END IF;
END //
DELIMITER ;
