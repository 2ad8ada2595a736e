-- eco (the partner's database; the partner API turns these notifications into its change feed): announce every change to the services that cache this source's answers.
--
-- Each change to a table sends NOTIFY on channel frontline_changes with a JSON payload:
--   {"table": ..., "kind": "PERSON" | "DOCUMENT" | "VEHICLE" | "*", "op": "INSERT" | ..., "new": {keys}, "old": {keys}}
-- Person tables announce once per statement (person queries are fuzzy: any change invalidates every
-- cached person answer of the source, so keys would buy nothing). Document and vehicle tables
-- announce per row with the keys a look-up uses, in this source's own formats. NOTIFY is delivered at
-- commit, only if the transaction commits, and identical payloads of one transaction are folded.
-- Bulk loads (SyntheticSeeder) disable these triggers around COPY and send one kind "*" instead.

CREATE OR REPLACE FUNCTION frontline_announce_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    payload jsonb := jsonb_build_object('table', TG_TABLE_NAME, 'kind', TG_ARGV[0], 'op', TG_OP);
    new_row jsonb;
    old_row jsonb;
    new_keys jsonb := '{}';
    old_keys jsonb := '{}';
BEGIN
    IF TG_LEVEL = 'ROW' THEN
        IF TG_OP <> 'DELETE' THEN
            new_row := to_jsonb(NEW);
        END IF;
        IF TG_OP <> 'INSERT' THEN
            old_row := to_jsonb(OLD);
        END IF;
        FOR i IN 1 .. TG_NARGS - 1 LOOP
            IF new_row IS NOT NULL THEN
                new_keys := new_keys || jsonb_build_object(TG_ARGV[i], new_row ->> TG_ARGV[i]);
            END IF;
            IF old_row IS NOT NULL THEN
                old_keys := old_keys || jsonb_build_object(TG_ARGV[i], old_row ->> TG_ARGV[i]);
            END IF;
        END LOOP;
        IF new_row IS NOT NULL THEN
            payload := payload || jsonb_build_object('new', new_keys);
        END IF;
        IF old_row IS NOT NULL THEN
            payload := payload || jsonb_build_object('old', old_keys);
        END IF;
    END IF;
    PERFORM pg_notify('frontline_changes', payload::text);
    RETURN NULL;
END
$$;


CREATE TRIGGER frontline_announce AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON eco_subject
    FOR EACH STATEMENT EXECUTE FUNCTION frontline_announce_change('PERSON');

CREATE TRIGGER frontline_announce AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON eco_subject_alias
    FOR EACH STATEMENT EXECUTE FUNCTION frontline_announce_change('PERSON');

CREATE TRIGGER frontline_announce AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON eco_notice
    FOR EACH STATEMENT EXECUTE FUNCTION frontline_announce_change('PERSON');

CREATE TRIGGER frontline_announce AFTER INSERT OR UPDATE OR DELETE ON eco_document
    FOR EACH ROW EXECUTE FUNCTION frontline_announce_change('DOCUMENT', 'doc_country', 'doc_number');
CREATE TRIGGER frontline_announce_truncate AFTER TRUNCATE ON eco_document
    FOR EACH STATEMENT EXECUTE FUNCTION frontline_announce_change('DOCUMENT');

CREATE TRIGGER frontline_announce AFTER INSERT OR UPDATE OR DELETE ON eco_vehicle
    FOR EACH ROW EXECUTE FUNCTION frontline_announce_change('VEHICLE', 'plate_country', 'plate', 'vin');
CREATE TRIGGER frontline_announce_truncate AFTER TRUNCATE ON eco_vehicle
    FOR EACH STATEMENT EXECUTE FUNCTION frontline_announce_change('VEHICLE');
