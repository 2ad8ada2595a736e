-- This schema's part of the year of birth beside each name key (issue #18; the column, its upkeep
-- and its index are db/sources/shared/V6 and V8): how persona holds a date of birth, read as a
-- year, once (frontline_birth_year_of; null when the source does not know it or holds something
-- unreadable or outside the years 1 to 9999, never an error), the look-up by record the shared triggers use, the trigger that
-- follows a clerk's correction of the date, and the fill of the keys present when this runs.
CREATE FUNCTION frontline_birth_year_of(t persona) RETURNS INT LANGUAGE sql IMMUTABLE AS $$
    SELECT frontline_plausible_year(coalesce(extract(year FROM t.fecha_nacimiento)::int, t.anio_nacimiento::int))
$$;

CREATE FUNCTION frontline_birth_year(ref BIGINT) RETURNS INT LANGUAGE sql STABLE AS $$
    SELECT frontline_birth_year_of(t) FROM persona t WHERE t.id_persona = ref
$$;

CREATE TRIGGER frontline_name_key_reborn AFTER UPDATE OF fecha_nacimiento, anio_nacimiento ON persona
    FOR EACH ROW EXECUTE FUNCTION frontline_name_key_reborn('id_persona');

UPDATE frontline_name_key k SET born = frontline_birth_year_of(t) FROM persona t WHERE t.id_persona = k.record_ref;
