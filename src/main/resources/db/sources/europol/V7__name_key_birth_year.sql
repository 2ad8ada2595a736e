-- This schema's part of the year of birth beside each name key (issue #18; the column, its upkeep
-- and its index are db/sources/shared/V6 and V8): how eis_person holds a date of birth, read as a
-- year, once (frontline_birth_year_of; null when the source does not know it or holds something
-- unreadable or outside the years 1 to 9999, never an error), the look-up by record the shared triggers use, the trigger that
-- follows a clerk's correction of the date, and the fill of the keys present when this runs.
CREATE FUNCTION frontline_birth_year_of(t eis_person) RETURNS INT LANGUAGE sql IMMUTABLE AS $$
    SELECT frontline_plausible_year(CASE WHEN t.dob_text ~ '^\s*\d{2}\.\d{2}\.\d{4}\s*$' THEN substring(btrim(t.dob_text) FROM 7 FOR 4)::int
                WHEN t.dob_text ~ '^\s*\d{4}\s*$' THEN btrim(t.dob_text)::int END)
$$;

CREATE FUNCTION frontline_birth_year(ref TEXT) RETURNS INT LANGUAGE sql STABLE AS $$
    SELECT frontline_birth_year_of(t) FROM eis_person t WHERE t.person_ref = ref
$$;

CREATE TRIGGER frontline_name_key_reborn AFTER UPDATE OF dob_text ON eis_person
    FOR EACH ROW EXECUTE FUNCTION frontline_name_key_reborn('person_ref');

UPDATE frontline_name_key k SET born = frontline_birth_year_of(t) FROM eis_person t WHERE t.person_ref = k.record_ref;
