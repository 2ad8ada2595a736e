-- ASEANAPOL-style source (e-ADS-like): one name field as written on the subject's own documents
-- (family name first for Chinese and Vietnamese names, given name first elsewhere), dates of birth
-- as text YYYYMMDD with 00 for an unknown month or day, countries as ICAO Doc 9303 codes
-- (alpha-3, plus D for Germany and the other ICAO-specific codes).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE subject (
    subject_no        TEXT PRIMARY KEY,                      -- e.g. ASN-SG-000123
    full_name         TEXT NOT NULL,
    dob               CHAR(8),                               -- YYYYMMDD, 00 for unknown parts
    sex               TEXT CHECK (sex IN ('MALE', 'FEMALE', 'UNKNOWN')),
    citizenship_icao  VARCHAR(3)
);

CREATE TABLE subject_aka (
    aka_id            BIGSERIAL PRIMARY KEY,
    subject_no        TEXT NOT NULL REFERENCES subject (subject_no) ON DELETE CASCADE,
    aka_name          TEXT NOT NULL
);

CREATE TABLE watchlist_entry (
    entry_id          BIGSERIAL PRIMARY KEY,
    subject_no        TEXT NOT NULL REFERENCES subject (subject_no) ON DELETE CASCADE,
    entry_type        TEXT NOT NULL CHECK (entry_type IN ('WANTED', 'MISSING', 'SUSPECT', 'DANGEROUS')),
    response_code     TEXT NOT NULL CHECK (response_code IN ('APPREHEND', 'LOCATE', 'OBSERVE', 'NOTIFY')),
    safety_flags      TEXT NOT NULL DEFAULT '',              -- pipe separated: ARMED|VIOLENT|FLIGHT_RISK
    date_listed       DATE NOT NULL,
    dissemination     TEXT NOT NULL DEFAULT 'ALL_MEMBERS' CHECK (dissemination IN ('ALL_MEMBERS', 'LISTED_MEMBERS')),
    member_states     TEXT,                                  -- pipe separated ICAO codes when LISTED_MEMBERS
    classification    TEXT NOT NULL DEFAULT 'UNCLASSIFIED' CHECK (classification IN ('UNCLASSIFIED', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET')),
    contact_only_when_restricted BOOLEAN NOT NULL DEFAULT false,
    originating_ncb   TEXT NOT NULL
);

CREATE TABLE travel_document (
    td_id             BIGSERIAL PRIMARY KEY,
    td_number         TEXT NOT NULL,
    issuer_icao       VARCHAR(3) NOT NULL,
    td_type           CHAR(1) NOT NULL CHECK (td_type IN ('P', 'I', 'V', 'A')),   -- ICAO document code
    td_status         TEXT NOT NULL CHECK (td_status IN ('STOLEN', 'LOST', 'CANCELLED')),
    status_date       DATE NOT NULL,
    holder_subject_no TEXT REFERENCES subject (subject_no) ON DELETE SET NULL,
    member_states     TEXT,
    originating_ncb   TEXT NOT NULL
);

CREATE TABLE conveyance (
    conveyance_id     BIGSERIAL PRIMARY KEY,
    reg_no            TEXT,
    reg_icao          VARCHAR(3),
    chassis_no        TEXT,                                  -- the VIN
    description       TEXT,
    conveyance_status TEXT NOT NULL CHECK (conveyance_status IN ('STOLEN', 'WANTED')),
    status_date       DATE NOT NULL,
    member_states     TEXT,
    originating_ncb   TEXT NOT NULL
);

CREATE INDEX watchlist_subject_idx ON watchlist_entry (subject_no);
CREATE INDEX subject_aka_subject_idx ON subject_aka (subject_no);
CREATE UNIQUE INDEX travel_document_lookup_idx ON travel_document (issuer_icao, td_number);
CREATE INDEX conveyance_reg_idx ON conveyance (reg_icao, upper(regexp_replace(reg_no, '[^A-Za-z0-9]', '', 'g')));
CREATE INDEX conveyance_chassis_idx ON conveyance (chassis_no);
CREATE INDEX subject_name_trgm ON subject USING gin ((lower(full_name)) gin_trgm_ops);
CREATE INDEX subject_aka_trgm ON subject_aka USING gin ((lower(aka_name)) gin_trgm_ops);
