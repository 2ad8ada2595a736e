-- GCCPOL-style source: Arab naming in four parts (first name, father's name, grandfather's name,
-- family name) plus the name in Arabic script; date of birth as ISO text, "YYYY-MM-DD" or "YYYY";
-- countries as ISO 3166-1 alpha-2; circulars (wanted, travel ban, missing) on individuals.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE gcc_individual (
    individual_id     BIGINT PRIMARY KEY,
    first_name        TEXT NOT NULL,
    father_name       TEXT,
    grandfather_name  TEXT,
    family_name       TEXT,
    name_ar           TEXT,                                  -- Arabic script, when recorded
    birth_date        TEXT,                                  -- YYYY-MM-DD or YYYY
    gender            CHAR(1) CHECK (gender IN ('M', 'F')),
    nationality       CHAR(2)
);

CREATE TABLE gcc_individual_alias (
    alias_id          BIGSERIAL PRIMARY KEY,
    individual_id     BIGINT NOT NULL REFERENCES gcc_individual (individual_id) ON DELETE CASCADE,
    alias_name        TEXT NOT NULL                          -- Latin script, natural order
);

CREATE TABLE gcc_circular (
    circular_no       TEXT PRIMARY KEY,                      -- e.g. GCC/2024/00123
    individual_id     BIGINT NOT NULL REFERENCES gcc_individual (individual_id) ON DELETE CASCADE,
    circular_type     TEXT NOT NULL CHECK (circular_type IN ('ARREST_WARRANT', 'TRAVEL_BAN', 'MISSING', 'SURVEILLANCE', 'CAUTION')),
    instruction       TEXT NOT NULL CHECK (instruction IN ('ARREST', 'PREVENT_TRAVEL_AND_REPORT', 'LOCATE', 'MONITOR', 'REPORT')),
    hazards           TEXT[] NOT NULL DEFAULT '{}',           -- ARMED, VIOLENT, ESCAPE_RISK
    issued_at         DATE NOT NULL,
    shared_with       CHAR(2)[],                             -- NULL: all GCC member states and partners
    clearance         TEXT NOT NULL DEFAULT 'UNCLASSIFIED' CHECK (clearance IN ('UNCLASSIFIED', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET')),
    when_restricted   TEXT NOT NULL DEFAULT 'WITHHOLD' CHECK (when_restricted IN ('WITHHOLD', 'REFER')),
    issuing_authority TEXT NOT NULL
);

CREATE TABLE gcc_document (
    document_id       BIGSERIAL PRIMARY KEY,
    document_no       TEXT NOT NULL,
    issuing_state     CHAR(2) NOT NULL,
    document_kind     TEXT NOT NULL CHECK (document_kind IN ('PASSPORT', 'NATIONAL_ID', 'VISA', 'RESIDENCE_PERMIT')),
    document_status   TEXT NOT NULL CHECK (document_status IN ('STOLEN', 'LOST', 'REVOKED')),
    status_date       DATE NOT NULL,
    individual_id     BIGINT REFERENCES gcc_individual (individual_id) ON DELETE SET NULL,
    shared_with       CHAR(2)[],
    issuing_authority TEXT NOT NULL
);

CREATE TABLE gcc_vehicle (
    vehicle_id        BIGSERIAL PRIMARY KEY,
    plate_no          TEXT,
    plate_state       CHAR(2),
    vin               TEXT,
    make              TEXT,
    vehicle_status    TEXT NOT NULL CHECK (vehicle_status IN ('STOLEN', 'WANTED')),
    status_date       DATE NOT NULL,
    shared_with       CHAR(2)[],
    issuing_authority TEXT NOT NULL
);

CREATE INDEX gcc_circular_individual_idx ON gcc_circular (individual_id);
CREATE INDEX gcc_alias_individual_idx ON gcc_individual_alias (individual_id);
CREATE UNIQUE INDEX gcc_document_lookup_idx ON gcc_document (issuing_state, document_no);
CREATE INDEX gcc_vehicle_plate_idx ON gcc_vehicle (plate_state, upper(regexp_replace(plate_no, '[^A-Za-z0-9]', '', 'g')));
CREATE INDEX gcc_vehicle_vin_idx ON gcc_vehicle (vin);
CREATE INDEX gcc_individual_name_trgm ON gcc_individual
    USING gin ((lower(first_name || coalesce(' ' || father_name, '') || coalesce(' ' || grandfather_name, '') || coalesce(' ' || family_name, ''))) gin_trgm_ops);
CREATE INDEX gcc_alias_name_trgm ON gcc_individual_alias USING gin ((lower(alias_name)) gin_trgm_ops);
