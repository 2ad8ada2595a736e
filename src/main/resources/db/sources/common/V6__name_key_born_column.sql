-- The year of birth beside each name key (issue #18): at a million persons a common name has hundreds
-- of holders, and the person search must find among them those born when the officer says, not the
-- first few hundred by spelling. frontline_name_key.born is the record's year of birth as the source
-- holds it, read by the schema's own frontline_birth_year (db/sources/<schema>/V7, which also fills
-- the rows present) and indexed by V8.
--
-- Kept current: our tooling writes it with the keys (SourceWriter; BirthYearCandidatesTest pins the
-- two together); any other insert of a key row takes it from the record (frontline_name_key_born); a
-- clerk's change of a date of birth rewrites it for all the record's keys (frontline_name_key_reborn,
-- attached by each schema to its person table with the name of its key column). A key row's born is
-- updated in place; its name (record_ref, key_kind, key) is still only ever deleted and inserted,
-- which the frequency counts of V4 rely on.
ALTER TABLE frontline_name_key ADD COLUMN born SMALLINT;

DROP TRIGGER frontline_name_frequency_update ON frontline_name_key;
CREATE TRIGGER frontline_name_frequency_update BEFORE UPDATE OF record_ref, key_kind, key ON frontline_name_key
    FOR EACH ROW EXECUTE FUNCTION frontline_name_frequency_track();

-- A year a source may hold but no person was born in (a DATE of year 40000 or before Christ) is no
-- year: it must neither overflow born, which would refuse the source's own clerk's insert, nor rank.
CREATE FUNCTION frontline_plausible_year(y INT) RETURNS INT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN y BETWEEN 1 AND 9999 THEN y END
$$;

CREATE FUNCTION frontline_name_key_born() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.born := frontline_birth_year(NEW.record_ref);
    RETURN NEW;
END
$$;

CREATE TRIGGER frontline_name_key_born BEFORE INSERT ON frontline_name_key
    FOR EACH ROW WHEN (NEW.born IS NULL) EXECUTE FUNCTION frontline_name_key_born();

-- TG_ARGV[0]: the person table's key column; the value takes record_ref's type, whatever the schema's
CREATE FUNCTION frontline_name_key_reborn() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ref frontline_name_key.record_ref%TYPE := to_jsonb(NEW) ->> TG_ARGV[0];
BEGIN
    UPDATE frontline_name_key SET born = frontline_birth_year(ref) WHERE record_ref = ref;
    RETURN NULL;
END
$$;
