-- aimc: announce every change to the services that cache this source's answers. MariaDB has no
-- LISTEN/NOTIFY: each change appends a row to frontline_change (in the writer's transaction, so it is
-- visible exactly when the change is), and every service instance polls the table at a short interval
-- (org.frontline.cache.ChangePoller), moving the source's generation of the kind named on. Row
-- triggers only (MariaDB has no statement triggers and no TRUNCATE triggers: a TRUNCATE is not
-- announced; the tooling's loads announce kind '*' themselves). A bulk load sets @frontline_bulk in its
-- session to silence the triggers and appends one '*' row at the end.
CREATE TABLE frontline_change (
    change_id   BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind        VARCHAR(8) NOT NULL,                 -- PERSON, DOCUMENT, VEHICLE or *
    table_name  VARCHAR(64) NOT NULL,
    op          VARCHAR(6) NOT NULL,                 -- INSERT, UPDATE, DELETE, LOAD
    changed_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    INDEX frontline_change_at (changed_at)
) ENGINE = InnoDB;

CREATE TRIGGER aimc_person_announce_insert AFTER INSERT ON aimc_person FOR EACH ROW
    INSERT INTO frontline_change (kind, table_name, op) SELECT 'PERSON', 'aimc_person', 'INSERT' FROM DUAL WHERE @frontline_bulk IS NULL;

CREATE TRIGGER aimc_person_announce_update AFTER UPDATE ON aimc_person FOR EACH ROW
    INSERT INTO frontline_change (kind, table_name, op) SELECT 'PERSON', 'aimc_person', 'UPDATE' FROM DUAL WHERE @frontline_bulk IS NULL;

CREATE TRIGGER aimc_person_announce_delete AFTER DELETE ON aimc_person FOR EACH ROW
    INSERT INTO frontline_change (kind, table_name, op) SELECT 'PERSON', 'aimc_person', 'DELETE' FROM DUAL WHERE @frontline_bulk IS NULL;

CREATE TRIGGER aimc_person_alias_announce_insert AFTER INSERT ON aimc_person_alias FOR EACH ROW
    INSERT INTO frontline_change (kind, table_name, op) SELECT 'PERSON', 'aimc_person_alias', 'INSERT' FROM DUAL WHERE @frontline_bulk IS NULL;

CREATE TRIGGER aimc_person_alias_announce_update AFTER UPDATE ON aimc_person_alias FOR EACH ROW
    INSERT INTO frontline_change (kind, table_name, op) SELECT 'PERSON', 'aimc_person_alias', 'UPDATE' FROM DUAL WHERE @frontline_bulk IS NULL;

CREATE TRIGGER aimc_person_alias_announce_delete AFTER DELETE ON aimc_person_alias FOR EACH ROW
    INSERT INTO frontline_change (kind, table_name, op) SELECT 'PERSON', 'aimc_person_alias', 'DELETE' FROM DUAL WHERE @frontline_bulk IS NULL;

CREATE TRIGGER aimc_bulletin_announce_insert AFTER INSERT ON aimc_bulletin FOR EACH ROW
    INSERT INTO frontline_change (kind, table_name, op) SELECT 'PERSON', 'aimc_bulletin', 'INSERT' FROM DUAL WHERE @frontline_bulk IS NULL;

CREATE TRIGGER aimc_bulletin_announce_update AFTER UPDATE ON aimc_bulletin FOR EACH ROW
    INSERT INTO frontline_change (kind, table_name, op) SELECT 'PERSON', 'aimc_bulletin', 'UPDATE' FROM DUAL WHERE @frontline_bulk IS NULL;

CREATE TRIGGER aimc_bulletin_announce_delete AFTER DELETE ON aimc_bulletin FOR EACH ROW
    INSERT INTO frontline_change (kind, table_name, op) SELECT 'PERSON', 'aimc_bulletin', 'DELETE' FROM DUAL WHERE @frontline_bulk IS NULL;

CREATE TRIGGER aimc_document_announce_insert AFTER INSERT ON aimc_document FOR EACH ROW
    INSERT INTO frontline_change (kind, table_name, op) SELECT 'DOCUMENT', 'aimc_document', 'INSERT' FROM DUAL WHERE @frontline_bulk IS NULL;

CREATE TRIGGER aimc_document_announce_update AFTER UPDATE ON aimc_document FOR EACH ROW
    INSERT INTO frontline_change (kind, table_name, op) SELECT 'DOCUMENT', 'aimc_document', 'UPDATE' FROM DUAL WHERE @frontline_bulk IS NULL;

CREATE TRIGGER aimc_document_announce_delete AFTER DELETE ON aimc_document FOR EACH ROW
    INSERT INTO frontline_change (kind, table_name, op) SELECT 'DOCUMENT', 'aimc_document', 'DELETE' FROM DUAL WHERE @frontline_bulk IS NULL;

CREATE TRIGGER aimc_vehicle_announce_insert AFTER INSERT ON aimc_vehicle FOR EACH ROW
    INSERT INTO frontline_change (kind, table_name, op) SELECT 'VEHICLE', 'aimc_vehicle', 'INSERT' FROM DUAL WHERE @frontline_bulk IS NULL;

CREATE TRIGGER aimc_vehicle_announce_update AFTER UPDATE ON aimc_vehicle FOR EACH ROW
    INSERT INTO frontline_change (kind, table_name, op) SELECT 'VEHICLE', 'aimc_vehicle', 'UPDATE' FROM DUAL WHERE @frontline_bulk IS NULL;

CREATE TRIGGER aimc_vehicle_announce_delete AFTER DELETE ON aimc_vehicle FOR EACH ROW
    INSERT INTO frontline_change (kind, table_name, op) SELECT 'VEHICLE', 'aimc_vehicle', 'DELETE' FROM DUAL WHERE @frontline_bulk IS NULL;
