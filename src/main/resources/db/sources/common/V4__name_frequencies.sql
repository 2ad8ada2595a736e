-- How common each name key is in this source: the term-frequency side of the person answer (a name
-- or name part that many persons carry is weak evidence, a rare one strong). One file for every
-- schema (SourceSchemas migrates db/sources/shared beside db/sources/<schema>): it touches only
-- frontline_name_key (V3), which has the same shape everywhere but for the type of record_ref.
--
-- frontline_name_frequency holds, for this source:
--   ('f', full key) -> persons holding that order-free full key (the f row's key before '=');
--   ('t', part key) -> persons with that part key in any of their names: the parts of their f keys,
--                      so a one-letter part (Li -> l, Wei -> i, Ali -> l), which makes no t row, is
--                      counted too;
--   ('*', '')       -> the population: persons with a searchable name (an n row, or a raw-name r
--                      row when a clerk wrote the record).
-- Persons, not rows: a record whose name and alias share a part counts once for it.
--
-- Built in one set-based statement (frontline_name_frequency_rebuild) by this migration and after
-- every bulk load (SyntheticSeeder, JsonLinesLoader write the keys by COPY with this table's trigger
-- disabled); kept current row by row by the trigger below for every other write: a clerk's insert
-- or rename (V3's triggers replace the record's keys by raw-name r rows: its f parts stop counting,
-- it stays in the population), a deletion, keys written one statement at a time.
CREATE TABLE frontline_name_frequency (
    key_kind  CHAR(1) NOT NULL CHECK (key_kind IN ('f', 't', '*')),
    key       TEXT COLLATE "C" NOT NULL,
    holders   BIGINT NOT NULL,
    PRIMARY KEY (key_kind, key)
);

CREATE FUNCTION frontline_name_frequency_rebuild() RETURNS void LANGUAGE sql AS $$
    DELETE FROM frontline_name_frequency;
    INSERT INTO frontline_name_frequency (key_kind, key, holders)
    SELECT 'f', k, count(*) FROM (SELECT DISTINCT record_ref, split_part(key, '=', 1) AS k
                                    FROM frontline_name_key WHERE key_kind = 'f') f GROUP BY k
    UNION ALL
    SELECT 't', p, count(*) FROM (SELECT DISTINCT record_ref, p
                                    FROM frontline_name_key, unnest(string_to_array(split_part(key, '=', 1), ' ')) p
                                   WHERE key_kind = 'f') t GROUP BY p
    UNION ALL
    SELECT '*', '', count(DISTINCT record_ref) FROM frontline_name_key WHERE key_kind IN ('n', 'r');
$$;

-- adds delta holders to each of these keys of one kind; a key nobody holds any more leaves the table
CREATE FUNCTION frontline_name_frequency_add(kind CHAR(1), keys TEXT[], delta INTEGER) RETURNS void LANGUAGE sql AS $$
    INSERT INTO frontline_name_frequency AS q (key_kind, key, holders)
    SELECT kind, k, delta FROM (SELECT DISTINCT unnest(keys) AS k) u
    ON CONFLICT (key_kind, key) DO UPDATE SET holders = q.holders + EXCLUDED.holders;
    DELETE FROM frontline_name_frequency WHERE key_kind = kind AND key = ANY (keys) AND holders <= 0;
$$;

-- BEFORE each row: the queries below see the rows an earlier row of the same statement inserted or
-- deleted but not this one, so "does the record already / still hold this key" is exact for
-- multi-row statements too (V3's raw-name function deletes and inserts several rows at once).
-- Row updates are refused: every writer replaces keys by DELETE and INSERT.
CREATE FUNCTION frontline_name_frequency_track() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    full_key TEXT;
    parts TEXT[];
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'frontline_name_key rows are deleted and inserted, never updated (frontline_name_frequency counts them)';
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.key_kind IN ('n', 'r') AND NOT EXISTS (SELECT 1 FROM frontline_name_key
                WHERE record_ref = NEW.record_ref AND key_kind IN ('n', 'r')) THEN
            PERFORM frontline_name_frequency_add('*', ARRAY[''], 1);
        END IF;
        IF NEW.key_kind = 'f' THEN
            full_key := split_part(NEW.key, '=', 1);
            IF NOT EXISTS (SELECT 1 FROM frontline_name_key
                    WHERE record_ref = NEW.record_ref AND key_kind = 'f' AND split_part(key, '=', 1) = full_key) THEN
                PERFORM frontline_name_frequency_add('f', ARRAY[full_key], 1);
            END IF;
            SELECT array_agg(p) INTO parts FROM unnest(string_to_array(full_key, ' ')) p
             WHERE NOT EXISTS (SELECT 1 FROM frontline_name_key WHERE record_ref = NEW.record_ref AND key_kind = 'f'
                                  AND p = ANY (string_to_array(split_part(key, '=', 1), ' ')));
            IF parts IS NOT NULL THEN
                PERFORM frontline_name_frequency_add('t', parts, 1);
            END IF;
        END IF;
        RETURN NEW;
    END IF;
    -- DELETE: the row is still there, so "the record's last row with this key" is a count of one
    IF OLD.key_kind IN ('n', 'r') AND (SELECT count(*) FROM frontline_name_key
            WHERE record_ref = OLD.record_ref AND key_kind IN ('n', 'r')) = 1 THEN
        PERFORM frontline_name_frequency_add('*', ARRAY[''], -1);
    END IF;
    IF OLD.key_kind = 'f' THEN
        full_key := split_part(OLD.key, '=', 1);
        IF (SELECT count(*) FROM frontline_name_key
                WHERE record_ref = OLD.record_ref AND key_kind = 'f' AND split_part(key, '=', 1) = full_key) = 1 THEN
            PERFORM frontline_name_frequency_add('f', ARRAY[full_key], -1);
        END IF;
        SELECT array_agg(p) INTO parts FROM unnest(string_to_array(full_key, ' ')) p
         WHERE (SELECT count(*) FROM frontline_name_key WHERE record_ref = OLD.record_ref AND key_kind = 'f'
                   AND p = ANY (string_to_array(split_part(key, '=', 1), ' '))) = 1;
        IF parts IS NOT NULL THEN
            PERFORM frontline_name_frequency_add('t', parts, -1);
        END IF;
    END IF;
    RETURN OLD;
END
$$;

-- only the kinds counted fire it (p and t rows, most of a record's rows, do not): a clerk's rename
-- of a keyed record costs ~2 ms instead of ~10 ms at 100,000 persons
CREATE TRIGGER frontline_name_frequency_insert BEFORE INSERT ON frontline_name_key
    FOR EACH ROW WHEN (NEW.key_kind IN ('f', 'n', 'r')) EXECUTE FUNCTION frontline_name_frequency_track();
CREATE TRIGGER frontline_name_frequency_delete BEFORE DELETE ON frontline_name_key
    FOR EACH ROW WHEN (OLD.key_kind IN ('f', 'n', 'r')) EXECUTE FUNCTION frontline_name_frequency_track();
CREATE TRIGGER frontline_name_frequency_update BEFORE UPDATE ON frontline_name_key
    FOR EACH ROW EXECUTE FUNCTION frontline_name_frequency_track();

CREATE FUNCTION frontline_name_frequency_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM frontline_name_frequency;
    RETURN NULL;
END
$$;

CREATE TRIGGER frontline_name_frequency_truncated AFTER TRUNCATE ON frontline_name_key
    FOR EACH STATEMENT EXECUTE FUNCTION frontline_name_frequency_truncated();

SELECT frontline_name_frequency_rebuild();
