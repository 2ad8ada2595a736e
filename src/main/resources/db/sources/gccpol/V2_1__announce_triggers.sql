-- gccpol: which of its tables announce their changes, and with which keys (the function that sends the
-- announcement is common, db/sources/common/V2__announce_changes.sql). OR REPLACE: a database migrated
-- before the split already has these triggers from its own V2, and takes this script out of order
-- (org.frontline.sourcedata.SourceSchemas explains).

CREATE OR REPLACE TRIGGER frontline_announce AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON gcc_individual
    FOR EACH STATEMENT EXECUTE FUNCTION frontline_announce_change('PERSON');

CREATE OR REPLACE TRIGGER frontline_announce AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON gcc_individual_alias
    FOR EACH STATEMENT EXECUTE FUNCTION frontline_announce_change('PERSON');

CREATE OR REPLACE TRIGGER frontline_announce AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON gcc_circular
    FOR EACH STATEMENT EXECUTE FUNCTION frontline_announce_change('PERSON');

CREATE OR REPLACE TRIGGER frontline_announce AFTER INSERT OR UPDATE OR DELETE ON gcc_document
    FOR EACH ROW EXECUTE FUNCTION frontline_announce_change('DOCUMENT', 'issuing_state', 'document_no');
CREATE OR REPLACE TRIGGER frontline_announce_truncate AFTER TRUNCATE ON gcc_document
    FOR EACH STATEMENT EXECUTE FUNCTION frontline_announce_change('DOCUMENT');

CREATE OR REPLACE TRIGGER frontline_announce AFTER INSERT OR UPDATE OR DELETE ON gcc_vehicle
    FOR EACH ROW EXECUTE FUNCTION frontline_announce_change('VEHICLE', 'plate_state', 'plate_no', 'vin');
CREATE OR REPLACE TRIGGER frontline_announce_truncate AFTER TRUNCATE ON gcc_vehicle
    FOR EACH STATEMENT EXECUTE FUNCTION frontline_announce_change('VEHICLE');
