-- This schema's part of the year of birth beside each name key (issue #18; the column, its upkeep
-- and its index are db/sources/shared/V6 and V8): how gcc_individual holds a date of birth, read as a
-- year, once (frontline_birth_year_of; null when the source does not know it or holds something
-- unreadable or outside the years 1 to 9999, never an error), the look-up by record the shared triggers use, the trigger that
-- follows a clerk's correction of the date, and the fill of the keys present when this runs.
CREATE FUNCTION frontline_birth_year_of(t gcc_individual) RETURNS INT LANGUAGE sql IMMUTABLE AS $$
    SELECT frontline_plausible_year(CASE WHEN t.birth_date ~ '^\s*\d{4}(-|\s*$)' THEN substr(btrim(t.birth_date), 1, 4)::int END)
$$;

CREATE FUNCTION frontline_birth_year(ref BIGINT) RETURNS INT LANGUAGE sql STABLE AS $$
    SELECT frontline_birth_year_of(t) FROM gcc_individual t WHERE t.individual_id = ref
$$;

CREATE TRIGGER frontline_name_key_reborn AFTER UPDATE OF birth_date ON gcc_individual
    FOR EACH ROW EXECUTE FUNCTION frontline_name_key_reborn('individual_id');

UPDATE frontline_name_key k SET born = frontline_birth_year_of(t) FROM gcc_individual t WHERE t.individual_id = k.record_ref;
