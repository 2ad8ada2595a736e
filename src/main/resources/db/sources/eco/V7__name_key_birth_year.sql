-- This schema's part of the year of birth beside each name key (db/sources/common/V6 and V8): how eco_subject
-- holds a date of birth ("DD.MM.YYYY" or "YYYY"), read as a year, once.
CREATE FUNCTION frontline_birth_year_of(t eco_subject) RETURNS INT LANGUAGE sql IMMUTABLE AS $$
    SELECT frontline_plausible_year(CASE
        WHEN t.birth_date ~ '^\s*\d{2}\.\d{2}\.\d{4}\s*$' THEN substr(btrim(t.birth_date), 7, 4)::int
        WHEN t.birth_date ~ '^\s*\d{4}\s*$' THEN btrim(t.birth_date)::int END)
$$;

CREATE FUNCTION frontline_birth_year(ref BIGINT) RETURNS INT LANGUAGE sql STABLE AS $$
    SELECT frontline_birth_year_of(t) FROM eco_subject t WHERE t.subject_id = ref
$$;

CREATE TRIGGER frontline_name_key_reborn AFTER UPDATE OF birth_date ON eco_subject
    FOR EACH ROW EXECUTE FUNCTION frontline_name_key_reborn('subject_id');

UPDATE frontline_name_key k SET born = frontline_birth_year_of(t) FROM eco_subject t WHERE t.subject_id = k.record_ref;
