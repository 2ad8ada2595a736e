-- INTERPOL-style source: notices on subjects, SLTD (stolen and lost travel documents), SMV (stolen
-- motor vehicles). English vocabulary, names split forename / family name, dates as DATE (with a
-- separate birth year when only the year is known), countries as ISO 3166-1 alpha-3.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE notice_subject (
    subject_id   BIGINT PRIMARY KEY,
    family_name  TEXT NOT NULL,
    forename     TEXT,
    birth_date   DATE,
    birth_year   SMALLINT,
    sex          CHAR(1) CHECK (sex IN ('M', 'F', 'U')),
    nationality  CHAR(3)
);

CREATE TABLE subject_alias (
    alias_id     BIGSERIAL PRIMARY KEY,
    subject_id   BIGINT NOT NULL REFERENCES notice_subject (subject_id) ON DELETE CASCADE,
    family_name  TEXT NOT NULL,
    forename     TEXT
);

-- One notice per subject and purpose. Colours follow INTERPOL's notice system.
CREATE TABLE notice (
    notice_id        TEXT PRIMARY KEY,                       -- e.g. A-12345/6-2024
    subject_id       BIGINT NOT NULL REFERENCES notice_subject (subject_id) ON DELETE CASCADE,
    colour           TEXT NOT NULL CHECK (colour IN ('RED', 'YELLOW', 'BLUE', 'GREEN', 'ORANGE', 'DIFFUSION')),
    requested_action TEXT NOT NULL CHECK (requested_action IN ('PROVISIONAL_ARREST', 'LOCATE', 'DISCREET_CHECK', 'REPORT', 'NONE')),
    caution          TEXT[] NOT NULL DEFAULT '{}',           -- ARMED, VIOLENT, ESCAPE_RISK, SUICIDAL, CONTAGIOUS
    issued_on        DATE NOT NULL,
    restricted_to    CHAR(3)[],                              -- NULL: all member countries
    min_clearance    TEXT NOT NULL DEFAULT 'UNCLASSIFIED' CHECK (min_clearance IN ('UNCLASSIFIED', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET')),
    if_restricted    TEXT NOT NULL DEFAULT 'HIDE' CHECK (if_restricted IN ('HIDE', 'CONTACT_ONLY')),
    ncb_contact      TEXT NOT NULL                           -- the National Central Bureau that confirms a hit
);

CREATE TABLE sltd_document (
    document_number   TEXT NOT NULL,
    issuing_country   CHAR(3) NOT NULL,
    document_type     TEXT NOT NULL CHECK (document_type IN ('PASSPORT', 'ID_CARD', 'VISA', 'TRAVEL_DOCUMENT')),
    status            TEXT NOT NULL CHECK (status IN ('STOLEN', 'LOST', 'REVOKED')),
    reported_on       DATE NOT NULL,
    holder_subject_id BIGINT REFERENCES notice_subject (subject_id) ON DELETE SET NULL,
    restricted_to     CHAR(3)[],
    reporting_ncb     TEXT NOT NULL,
    PRIMARY KEY (issuing_country, document_number)
);

CREATE TABLE smv_vehicle (
    vehicle_id           BIGINT PRIMARY KEY,
    plate                TEXT,
    registration_country CHAR(3),
    vin                  CHAR(17),
    make                 TEXT,
    model                TEXT,
    colour               TEXT,
    reported_stolen_on   DATE NOT NULL,
    restricted_to        CHAR(3)[],
    reporting_ncb        TEXT NOT NULL
);

CREATE INDEX notice_subject_idx ON notice (subject_id);
CREATE INDEX subject_alias_subject_idx ON subject_alias (subject_id);
CREATE INDEX smv_plate_idx ON smv_vehicle (registration_country, upper(regexp_replace(plate, '[^A-Za-z0-9]', '', 'g')));
CREATE INDEX smv_vin_idx ON smv_vehicle (vin);
CREATE INDEX sltd_holder_idx ON sltd_document (holder_subject_id);
-- name search: trigrams over the lower-cased "forename family" form
CREATE INDEX notice_subject_name_trgm ON notice_subject
    USING gin ((lower(coalesce(forename, '') || ' ' || family_name)) gin_trgm_ops);
CREATE INDEX subject_alias_name_trgm ON subject_alias
    USING gin ((lower(coalesce(forename, '') || ' ' || family_name)) gin_trgm_ops);
