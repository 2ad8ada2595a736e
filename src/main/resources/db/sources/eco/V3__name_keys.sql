-- Frontline's person-name keys beside this source (org.frontline.match.NameKeys explains them), as for every
-- PostgreSQL source: written by our tooling (SyntheticSeeder) for the partner's seeded records; a subject or
-- alias written any other way (the partner's clerk) gets its raw names (r), found by trigram. The partner's
-- API searches its subjects with them (SqlSupport.personCandidates): the search is the partner's, the
-- statement is ours because the partner ships in this project.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE frontline_name_key (
    record_ref  BIGINT NOT NULL,
    key_kind    CHAR(1) NOT NULL CHECK (key_kind IN ('n', 'f', 'p', 't', 'r')),
    key         TEXT COLLATE "C" NOT NULL   -- byte order: f, p and t rows are read by key range
);

CREATE FUNCTION frontline_raw_name_keys(ref BIGINT) RETURNS void LANGUAGE sql AS $$
    DELETE FROM frontline_name_key WHERE record_ref = ref;
    INSERT INTO frontline_name_key (record_ref, key_kind, key)
    SELECT subject_id, 'r', lower(forenames || coalesce(' ' || patronymic, '') || coalesce(' ' || surname, '')) FROM eco_subject WHERE subject_id = ref
    UNION
    SELECT a.subject_id, 'r', lower(a.alias) FROM eco_subject_alias a
     WHERE a.subject_id = ref AND EXISTS (SELECT 1 FROM eco_subject p WHERE p.subject_id = ref);
$$;

CREATE FUNCTION frontline_name_keys_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM frontline_raw_name_keys(OLD.subject_id);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM frontline_raw_name_keys(NEW.subject_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER frontline_name_keys_person AFTER INSERT OR DELETE OR UPDATE OF subject_id, forenames, patronymic, surname, name_native ON eco_subject
    FOR EACH ROW WHEN (current_setting('frontline.name_keys', true) IS DISTINCT FROM 'written')
    EXECUTE FUNCTION frontline_name_keys_stale();
CREATE TRIGGER frontline_name_keys_alias AFTER INSERT OR DELETE OR UPDATE OF subject_id, alias ON eco_subject_alias
    FOR EACH ROW WHEN (current_setting('frontline.name_keys', true) IS DISTINCT FROM 'written')
    EXECUTE FUNCTION frontline_name_keys_stale();

CREATE INDEX frontline_name_key_lookup ON frontline_name_key (key_kind, key, record_ref) WHERE key_kind IN ('f', 'p', 't');
CREATE INDEX frontline_name_key_record ON frontline_name_key (record_ref);
CREATE INDEX frontline_name_key_trgm ON frontline_name_key USING gin (key gin_trgm_ops) WHERE key_kind = 'n';
CREATE INDEX frontline_name_key_raw_trgm ON frontline_name_key USING gin (key gin_trgm_ops) WHERE key_kind = 'r';
