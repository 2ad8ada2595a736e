-- aseanapol: which of its tables announce their changes, and with which keys (the function that sends the
-- announcement is common, db/sources/common/V2__announce_changes.sql). OR REPLACE: a database migrated
-- before the split already has these triggers from its own V2, and takes this script out of order
-- (org.frontline.sourcedata.SourceSchemas explains).

CREATE OR REPLACE TRIGGER frontline_announce AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON subject
    FOR EACH STATEMENT EXECUTE FUNCTION frontline_announce_change('PERSON');

CREATE OR REPLACE TRIGGER frontline_announce AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON subject_aka
    FOR EACH STATEMENT EXECUTE FUNCTION frontline_announce_change('PERSON');

CREATE OR REPLACE TRIGGER frontline_announce AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON watchlist_entry
    FOR EACH STATEMENT EXECUTE FUNCTION frontline_announce_change('PERSON');

CREATE OR REPLACE TRIGGER frontline_announce AFTER INSERT OR UPDATE OR DELETE ON travel_document
    FOR EACH ROW EXECUTE FUNCTION frontline_announce_change('DOCUMENT', 'issuer_icao', 'td_number');
CREATE OR REPLACE TRIGGER frontline_announce_truncate AFTER TRUNCATE ON travel_document
    FOR EACH STATEMENT EXECUTE FUNCTION frontline_announce_change('DOCUMENT');

CREATE OR REPLACE TRIGGER frontline_announce AFTER INSERT OR UPDATE OR DELETE ON conveyance
    FOR EACH ROW EXECUTE FUNCTION frontline_announce_change('VEHICLE', 'reg_icao', 'reg_no', 'chassis_no');
CREATE OR REPLACE TRIGGER frontline_announce_truncate AFTER TRUNCATE ON conveyance
    FOR EACH STATEMENT EXECUTE FUNCTION frontline_announce_change('VEHICLE');
