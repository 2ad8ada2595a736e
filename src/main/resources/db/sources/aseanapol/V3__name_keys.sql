-- Frontline's person-name keys beside this source (org.frontline.match.NameKeys explains them):
-- per record, for its name and each alias, the normalised name (n), all its part keys (f), pairs of
-- part keys (p) and single part keys (t), computed in Java and written by our tooling (SyntheticSeeder,
-- JsonLinesLoader), which sets frontline.name_keys = 'written' for its transaction. A person or alias
-- written any other way (the source's own clerk) fires the triggers below: the record's keys are
-- replaced by its raw names, lower-cased (r), which the connector searches by trigram as it searched
-- the name columns before, so such a record is always found, by the slower path. Records present
-- when this runs get r keys.
-- No foreign key: the connector joins back to subject, which drops any stale key.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE frontline_name_key (
    record_ref  TEXT NOT NULL,
    key_kind    CHAR(1) NOT NULL CHECK (key_kind IN ('n', 'f', 'p', 't', 'r')),
    key         TEXT COLLATE "C" NOT NULL   -- byte order: f, p and t rows are read by key range
);

CREATE FUNCTION frontline_raw_name_keys(ref TEXT) RETURNS void LANGUAGE sql AS $$
    DELETE FROM frontline_name_key WHERE record_ref = ref;
    INSERT INTO frontline_name_key (record_ref, key_kind, key)
    SELECT subject_no, 'r', lower(full_name) FROM subject WHERE subject_no = ref
    UNION
    SELECT a.subject_no, 'r', lower(a.aka_name) FROM subject_aka a
     WHERE a.subject_no = ref AND EXISTS (SELECT 1 FROM subject p WHERE p.subject_no = ref);
$$;

CREATE FUNCTION frontline_name_keys_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM frontline_raw_name_keys(OLD.subject_no);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM frontline_raw_name_keys(NEW.subject_no);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER frontline_name_keys_person AFTER INSERT OR DELETE OR UPDATE OF subject_no, full_name ON subject
    FOR EACH ROW WHEN (current_setting('frontline.name_keys', true) IS DISTINCT FROM 'written')
    EXECUTE FUNCTION frontline_name_keys_stale();
CREATE TRIGGER frontline_name_keys_alias AFTER INSERT OR DELETE OR UPDATE OF subject_no, aka_name ON subject_aka
    FOR EACH ROW WHEN (current_setting('frontline.name_keys', true) IS DISTINCT FROM 'written')
    EXECUTE FUNCTION frontline_name_keys_stale();

INSERT INTO frontline_name_key (record_ref, key_kind, key)
SELECT subject_no, 'r', lower(full_name) FROM subject
UNION
SELECT subject_no, 'r', lower(aka_name) FROM subject_aka;

CREATE INDEX frontline_name_key_lookup ON frontline_name_key (key_kind, key, record_ref) WHERE key_kind IN ('f', 'p', 't');
CREATE INDEX frontline_name_key_record ON frontline_name_key (record_ref);
CREATE INDEX frontline_name_key_trgm ON frontline_name_key USING gin (key gin_trgm_ops) WHERE key_kind = 'n';
CREATE INDEX frontline_name_key_raw_trgm ON frontline_name_key USING gin (key gin_trgm_ops) WHERE key_kind = 'r';
