-- ameripol: which of its tables announce their changes, and with which keys (the function that sends the
-- announcement is common, db/sources/common/V2__announce_changes.sql). OR REPLACE: a database migrated
-- before the split already has these triggers from its own V2, and takes this script out of order
-- (org.frontline.sourcedata.SourceSchemas explains).

CREATE OR REPLACE TRIGGER frontline_announce AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON persona
    FOR EACH STATEMENT EXECUTE FUNCTION frontline_announce_change('PERSON');

CREATE OR REPLACE TRIGGER frontline_announce AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON persona_alias
    FOR EACH STATEMENT EXECUTE FUNCTION frontline_announce_change('PERSON');

CREATE OR REPLACE TRIGGER frontline_announce AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON alerta
    FOR EACH STATEMENT EXECUTE FUNCTION frontline_announce_change('PERSON');

CREATE OR REPLACE TRIGGER frontline_announce AFTER INSERT OR UPDATE OR DELETE ON documento_viaje
    FOR EACH ROW EXECUTE FUNCTION frontline_announce_change('DOCUMENT', 'pais_emisor', 'numero');
CREATE OR REPLACE TRIGGER frontline_announce_truncate AFTER TRUNCATE ON documento_viaje
    FOR EACH STATEMENT EXECUTE FUNCTION frontline_announce_change('DOCUMENT');

CREATE OR REPLACE TRIGGER frontline_announce AFTER INSERT OR UPDATE OR DELETE ON vehiculo
    FOR EACH ROW EXECUTE FUNCTION frontline_announce_change('VEHICLE', 'pais_matricula', 'placa', 'numero_vin');
CREATE OR REPLACE TRIGGER frontline_announce_truncate AFTER TRUNCATE ON vehiculo
    FOR EACH STATEMENT EXECUTE FUNCTION frontline_announce_change('VEHICLE');
