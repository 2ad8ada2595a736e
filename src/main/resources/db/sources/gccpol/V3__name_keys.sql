-- Frontline's person-name keys beside this source (org.frontline.match.NameKeys explains them):
-- per record, for its name and each alias, the normalised name (n), all its part keys (f), pairs of
-- part keys (p) and single part keys (t), computed in Java and written by our tooling (SyntheticSeeder,
-- JsonLinesLoader), which sets frontline.name_keys = 'written' for its transaction. A person or alias
-- written any other way (the source's own clerk) fires the triggers below: the record's keys are
-- replaced by its raw names, lower-cased (r), which the connector searches by trigram as it searched
-- the name columns before, so such a record is always found, by the slower path. Records present
-- when this runs get r keys.
-- No foreign key: the connector joins back to gcc_individual, which drops any stale key.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE frontline_name_key (
    record_ref  BIGINT NOT NULL,
    key_kind    CHAR(1) NOT NULL CHECK (key_kind IN ('n', 'f', 'p', 't', 'r')),
    key         TEXT COLLATE "C" NOT NULL   -- byte order: f, p and t rows are read by key range
);

CREATE FUNCTION frontline_raw_name_keys(ref BIGINT) RETURNS void LANGUAGE sql AS $$
    DELETE FROM frontline_name_key WHERE record_ref = ref;
    INSERT INTO frontline_name_key (record_ref, key_kind, key)
    SELECT individual_id, 'r', lower(first_name || coalesce(' ' || father_name, '') || coalesce(' ' || grandfather_name, '') || coalesce(' ' || family_name, '')) FROM gcc_individual WHERE individual_id = ref
    UNION
    SELECT a.individual_id, 'r', lower(a.alias_name) FROM gcc_individual_alias a
     WHERE a.individual_id = ref AND EXISTS (SELECT 1 FROM gcc_individual p WHERE p.individual_id = ref);
$$;

CREATE FUNCTION frontline_name_keys_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM frontline_raw_name_keys(OLD.individual_id);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM frontline_raw_name_keys(NEW.individual_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER frontline_name_keys_person AFTER INSERT OR DELETE OR UPDATE OF individual_id, first_name, father_name, grandfather_name, family_name, name_ar ON gcc_individual
    FOR EACH ROW WHEN (current_setting('frontline.name_keys', true) IS DISTINCT FROM 'written')
    EXECUTE FUNCTION frontline_name_keys_stale();
CREATE TRIGGER frontline_name_keys_alias AFTER INSERT OR DELETE OR UPDATE OF individual_id, alias_name ON gcc_individual_alias
    FOR EACH ROW WHEN (current_setting('frontline.name_keys', true) IS DISTINCT FROM 'written')
    EXECUTE FUNCTION frontline_name_keys_stale();

INSERT INTO frontline_name_key (record_ref, key_kind, key)
SELECT individual_id, 'r', lower(first_name || coalesce(' ' || father_name, '') || coalesce(' ' || grandfather_name, '') || coalesce(' ' || family_name, '')) FROM gcc_individual
UNION
SELECT individual_id, 'r', lower(alias_name) FROM gcc_individual_alias;

CREATE INDEX frontline_name_key_lookup ON frontline_name_key (key_kind, key, record_ref) WHERE key_kind IN ('f', 'p', 't');
CREATE INDEX frontline_name_key_record ON frontline_name_key (record_ref);
CREATE INDEX frontline_name_key_trgm ON frontline_name_key USING gin (key gin_trgm_ops) WHERE key_kind = 'n';
CREATE INDEX frontline_name_key_raw_trgm ON frontline_name_key USING gin (key gin_trgm_ops) WHERE key_kind = 'r';
