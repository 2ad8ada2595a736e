-- The year of birth beside each name key (issue #18): at a million persons a common name has hundreds
-- of holders, and the person search must find among them those born when the officer says, not the
-- first few hundred by spelling. frontline_name_key.born is this record's year of birth as this
-- schema holds it (frontline_birth_year: the one place that reads eis_person's date of birth for us;
-- null when the source does not know it or holds something unreadable, never an error), indexed
-- with the key by db/sources/shared/V8__name_key_birth_year_index.sql; the column itself is
-- db/sources/shared/V6__name_key_born_column.sql.
--
-- Kept current: our tooling writes it with the keys (SourceWriter; a test pins the two together);
-- any other insert of a key row takes it from the record (trigger below); a clerk's change of the date
-- of birth rewrites it for all the record's keys. Rows present when this runs are filled here.
CREATE FUNCTION frontline_birth_year(ref TEXT) RETURNS INT LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN t.dob_text ~ '^\s*\d{2}\.\d{2}\.\d{4}\s*$' THEN substring(btrim(t.dob_text) FROM 7 FOR 4)::int WHEN t.dob_text ~ '^\s*\d{4}\s*$' THEN btrim(t.dob_text)::int END
      FROM eis_person t WHERE t.person_ref = ref
$$;

CREATE FUNCTION frontline_name_key_born() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.born := frontline_birth_year(NEW.record_ref);
    RETURN NEW;
END
$$;

CREATE TRIGGER frontline_name_key_born BEFORE INSERT ON frontline_name_key
    FOR EACH ROW WHEN (NEW.born IS NULL) EXECUTE FUNCTION frontline_name_key_born();

CREATE FUNCTION frontline_name_key_reborn() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE frontline_name_key SET born = frontline_birth_year(NEW.person_ref) WHERE record_ref = NEW.person_ref;
    RETURN NULL;
END
$$;

CREATE TRIGGER frontline_name_key_reborn AFTER UPDATE OF dob_text ON eis_person
    FOR EACH ROW EXECUTE FUNCTION frontline_name_key_reborn();

UPDATE frontline_name_key k SET born = CASE WHEN t.dob_text ~ '^\s*\d{2}\.\d{2}\.\d{4}\s*$' THEN substring(btrim(t.dob_text) FROM 7 FOR 4)::int WHEN t.dob_text ~ '^\s*\d{4}\s*$' THEN btrim(t.dob_text)::int END
  FROM eis_person t WHERE t.person_ref = k.record_ref;
