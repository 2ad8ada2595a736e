-- Europol-style source (EIS-like): persons and objects, flags on persons. One name field written
-- "FAMILY, Given Names"; dates of birth as text, "DD.MM.YYYY" or "YYYY" when only the year is known;
-- countries as ISO 3166-1 alpha-2; every entity carries a Europol handling code H0..H3 that passes
-- through to the answer unchanged.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE eis_person (
    person_ref        TEXT PRIMARY KEY,                      -- e.g. EU-P-0000123
    full_name         TEXT NOT NULL,                         -- FAMILY, Given Names
    dob_text          TEXT,                                  -- DD.MM.YYYY or YYYY
    gender            TEXT CHECK (gender IN ('male', 'female', 'unknown')),
    nationality_iso2  CHAR(2),
    owner_ms          CHAR(2) NOT NULL,                      -- the member state that owns the data
    handling_code     TEXT NOT NULL DEFAULT 'H0' CHECK (handling_code IN ('H0', 'H1', 'H2', 'H3')),
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE eis_person_alias (
    alias_id          BIGSERIAL PRIMARY KEY,
    person_ref        TEXT NOT NULL REFERENCES eis_person (person_ref) ON DELETE CASCADE,
    alias_full_name   TEXT NOT NULL                          -- same layout as full_name
);

CREATE TABLE eis_flag (
    flag_id           BIGSERIAL PRIMARY KEY,
    person_ref        TEXT NOT NULL REFERENCES eis_person (person_ref) ON DELETE CASCADE,
    measure           TEXT NOT NULL CHECK (measure IN ('EAW_ARREST', 'MISSING_PERSON', 'DISCREET_SURVEILLANCE', 'SPECIFIC_CHECK', 'INFORMATION')),
    crime_area        TEXT,
    risk_markers      TEXT NOT NULL DEFAULT '',              -- semicolon separated: armed;violent;escape;self-harm
    flagged_on        DATE NOT NULL,
    releasable_to     TEXT,                                  -- comma separated alpha-2; NULL: all member states
    releasable_agency TEXT,                                  -- comma separated agency codes; NULL: any agency
    min_clearance     TEXT NOT NULL DEFAULT 'UNCLASSIFIED' CHECK (min_clearance IN ('UNCLASSIFIED', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET')),
    on_restriction    TEXT NOT NULL DEFAULT 'suppress' CHECK (on_restriction IN ('suppress', 'contact-only')),
    contact_unit      TEXT NOT NULL
);

CREATE TABLE eis_object_document (
    doc_ref           TEXT PRIMARY KEY,
    doc_no            TEXT NOT NULL,
    doc_country_iso2  CHAR(2) NOT NULL,
    doc_kind          TEXT NOT NULL CHECK (doc_kind IN ('passport', 'identity card', 'residence permit', 'visa')),
    doc_state         TEXT NOT NULL CHECK (doc_state IN ('stolen', 'lost', 'revoked')),
    reported_on       DATE NOT NULL,
    linked_person_ref TEXT REFERENCES eis_person (person_ref) ON DELETE SET NULL,
    handling_code     TEXT NOT NULL DEFAULT 'H0' CHECK (handling_code IN ('H0', 'H1', 'H2', 'H3')),
    releasable_to     TEXT,
    contact_unit      TEXT NOT NULL
);

CREATE TABLE eis_object_vehicle (
    veh_ref           TEXT PRIMARY KEY,
    licence_plate     TEXT,
    reg_country_iso2  CHAR(2),
    vin               TEXT,
    make_model        TEXT,
    veh_state         TEXT NOT NULL CHECK (veh_state IN ('stolen', 'used in crime', 'wanted for seizure')),
    reported_on       DATE NOT NULL,
    linked_person_ref TEXT REFERENCES eis_person (person_ref) ON DELETE SET NULL,
    handling_code     TEXT NOT NULL DEFAULT 'H0' CHECK (handling_code IN ('H0', 'H1', 'H2', 'H3')),
    releasable_to     TEXT,
    contact_unit      TEXT NOT NULL
);

CREATE INDEX eis_flag_person_idx ON eis_flag (person_ref);
CREATE INDEX eis_alias_person_idx ON eis_person_alias (person_ref);
CREATE UNIQUE INDEX eis_doc_lookup_idx ON eis_object_document (doc_country_iso2, doc_no);
CREATE INDEX eis_veh_plate_idx ON eis_object_vehicle (reg_country_iso2, upper(regexp_replace(licence_plate, '[^A-Za-z0-9]', '', 'g')));
CREATE INDEX eis_veh_vin_idx ON eis_object_vehicle (vin);
CREATE INDEX eis_person_name_trgm ON eis_person USING gin ((lower(full_name)) gin_trgm_ops);
CREATE INDEX eis_alias_name_trgm ON eis_person_alias USING gin ((lower(alias_full_name)) gin_trgm_ops);
