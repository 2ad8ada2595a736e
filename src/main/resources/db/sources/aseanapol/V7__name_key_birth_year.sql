-- The year of birth beside each name key (issue #18): at a million persons a common name has hundreds
-- of holders, and the person search must find among them those born when the officer says, not the
-- first few hundred by spelling. frontline_name_key.born is this record's year of birth as this
-- schema holds it (frontline_birth_year: the one place that reads subject's date of birth for us;
-- null when the source does not know it or holds something unreadable, never an error), indexed
-- with the key by db/sources/shared/V8__name_key_birth_year_index.sql; the column itself is
-- db/sources/shared/V6__name_key_born_column.sql.
--
-- Kept current: our tooling writes it with the keys (SourceWriter; a test pins the two together);
-- any other insert of a key row takes it from the record (trigger below); a clerk's change of the date
-- of birth rewrites it for all the record's keys. Rows present when this runs are filled here.
CREATE FUNCTION frontline_birth_year(ref TEXT) RETURNS INT LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN t.dob ~ '^\d{8}$' AND substr(t.dob, 1, 4) <> '0000' THEN substr(t.dob, 1, 4)::int END
      FROM subject t WHERE t.subject_no = ref
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
    UPDATE frontline_name_key SET born = frontline_birth_year(NEW.subject_no) WHERE record_ref = NEW.subject_no;
    RETURN NULL;
END
$$;

CREATE TRIGGER frontline_name_key_reborn AFTER UPDATE OF dob ON subject
    FOR EACH ROW EXECUTE FUNCTION frontline_name_key_reborn();

UPDATE frontline_name_key k SET born = CASE WHEN t.dob ~ '^\d{8}$' AND substr(t.dob, 1, 4) <> '0000' THEN substr(t.dob, 1, 4)::int END
  FROM subject t WHERE t.subject_no = k.record_ref;
