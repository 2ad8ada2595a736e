-- The year of birth beside each name key (issue #18), filled and kept current by each schema's V7
-- (frontline_birth_year reads the schema's own date of birth) and indexed by V8. A key row's born is
-- updated in place when the record's date of birth changes; its name (record_ref, key_kind, key) is
-- still only ever deleted and inserted, which the frequency counts of V4 rely on.
ALTER TABLE frontline_name_key ADD COLUMN born SMALLINT;

DROP TRIGGER frontline_name_frequency_update ON frontline_name_key;
CREATE TRIGGER frontline_name_frequency_update BEFORE UPDATE OF record_ref, key_kind, key ON frontline_name_key
    FOR EACH ROW EXECUTE FUNCTION frontline_name_frequency_track();
