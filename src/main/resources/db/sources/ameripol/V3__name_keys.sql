-- Frontline's person-name keys beside this source (org.frontline.match.NameKeys explains them):
-- per record, for its name and each alias, the normalised name (n), all its part keys (f), pairs of
-- part keys (p) and single part keys (t), computed in Java and written by our tooling (SyntheticSeeder,
-- JsonLinesLoader), which sets frontline.name_keys = 'written' for its transaction. A person or alias
-- written any other way (the source's own clerk) fires the triggers below: the record's keys are
-- replaced by its raw names, lower-cased (r), which the connector searches by trigram as it searched
-- the name columns before, so such a record is always found, by the slower path. Records present
-- when this runs get r keys.
-- No foreign key: the connector joins back to persona, which drops any stale key.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE frontline_name_key (
    record_ref  BIGINT NOT NULL,
    key_kind    CHAR(1) NOT NULL CHECK (key_kind IN ('n', 'f', 'p', 't', 'r')),
    key         TEXT COLLATE "C" NOT NULL   -- byte order: f, p and t rows are read by key range
);

CREATE FUNCTION frontline_raw_name_keys(ref BIGINT) RETURNS void LANGUAGE sql AS $$
    DELETE FROM frontline_name_key WHERE record_ref = ref;
    INSERT INTO frontline_name_key (record_ref, key_kind, key)
    SELECT id_persona, 'r', lower(nombres || ' ' || primer_apellido || coalesce(' ' || segundo_apellido, '')) FROM persona WHERE id_persona = ref
    UNION
    SELECT a.id_persona, 'r', lower(a.nombre_completo) FROM persona_alias a
     WHERE a.id_persona = ref AND EXISTS (SELECT 1 FROM persona p WHERE p.id_persona = ref);
$$;

CREATE FUNCTION frontline_name_keys_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM frontline_raw_name_keys(OLD.id_persona);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM frontline_raw_name_keys(NEW.id_persona);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER frontline_name_keys_person AFTER INSERT OR DELETE OR UPDATE OF id_persona, nombres, primer_apellido, segundo_apellido ON persona
    FOR EACH ROW WHEN (current_setting('frontline.name_keys', true) IS DISTINCT FROM 'written')
    EXECUTE FUNCTION frontline_name_keys_stale();
CREATE TRIGGER frontline_name_keys_alias AFTER INSERT OR DELETE OR UPDATE OF id_persona, nombre_completo ON persona_alias
    FOR EACH ROW WHEN (current_setting('frontline.name_keys', true) IS DISTINCT FROM 'written')
    EXECUTE FUNCTION frontline_name_keys_stale();

INSERT INTO frontline_name_key (record_ref, key_kind, key)
SELECT id_persona, 'r', lower(nombres || ' ' || primer_apellido || coalesce(' ' || segundo_apellido, '')) FROM persona
UNION
SELECT id_persona, 'r', lower(nombre_completo) FROM persona_alias;

CREATE INDEX frontline_name_key_lookup ON frontline_name_key (key_kind, key, record_ref) WHERE key_kind IN ('f', 'p', 't');
CREATE INDEX frontline_name_key_record ON frontline_name_key (record_ref);
CREATE INDEX frontline_name_key_trgm ON frontline_name_key USING gin (key gin_trgm_ops) WHERE key_kind = 'n';
CREATE INDEX frontline_name_key_raw_trgm ON frontline_name_key USING gin (key gin_trgm_ops) WHERE key_kind = 'r';
