-- ECO-style source: the Economic Cooperation Organization's regional register, kept by its partner behind an
-- HTTP API (the service never opens this database: org.frontline.partner.eco serves it). Names as surname,
-- forenames and patronymic (the Persian, Turkic and Central Asian usage), plus the name in its own script
-- (Perso-Arabic or Cyrillic); date of birth as text "DD.MM.YYYY" or "YYYY"; countries ISO alpha-3; notices
-- with ECO's own releasability model (ECO-wide, originator only, or a list of member states).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE eco_subject (
    subject_id        BIGINT PRIMARY KEY,
    surname           TEXT,
    forenames         TEXT NOT NULL,
    patronymic        TEXT,
    name_native       TEXT,                                  -- own script, when recorded
    birth_date        TEXT,                                  -- DD.MM.YYYY or YYYY
    sex               CHAR(1) CHECK (sex IN ('M', 'F', 'X')),
    citizenship       CHAR(3)
);

CREATE TABLE eco_subject_alias (
    alias_id          BIGSERIAL PRIMARY KEY,
    subject_id        BIGINT NOT NULL REFERENCES eco_subject (subject_id) ON DELETE CASCADE,
    alias             TEXT NOT NULL                          -- Latin script, natural order
);

CREATE TABLE eco_notice (
    notice_ref        TEXT PRIMARY KEY,                      -- e.g. ECO-N-2024-000123
    subject_id        BIGINT NOT NULL REFERENCES eco_subject (subject_id) ON DELETE CASCADE,
    notice_type       TEXT NOT NULL CHECK (notice_type IN ('WANTED', 'EXIT_BAN', 'MISSING', 'OBSERVE', 'DANGER')),
    measure           TEXT NOT NULL CHECK (measure IN ('DETAIN', 'STOP_AT_BORDER', 'TRACE', 'OBSERVE_DISCREETLY', 'INFORM')),
    cautions          TEXT[] NOT NULL DEFAULT '{}',           -- WEAPON, VIOLENCE, FLIGHT
    issued            DATE NOT NULL,
    originator        CHAR(3),                               -- the member state that issued it
    releasability     TEXT NOT NULL DEFAULT 'ECO' CHECK (releasability IN ('ECO', 'ORIGINATOR', 'LIST')),
    releasable_to     CHAR(3)[],                             -- with LIST: the states that may see it
    grading           TEXT NOT NULL DEFAULT 'OPEN' CHECK (grading IN ('OPEN', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET')),
    on_restricted     TEXT NOT NULL DEFAULT 'HIDE' CHECK (on_restricted IN ('HIDE', 'REFER')),
    point_of_contact  TEXT NOT NULL
);

CREATE TABLE eco_document (
    document_id       BIGSERIAL PRIMARY KEY,
    doc_number        TEXT NOT NULL,
    doc_country       CHAR(3) NOT NULL,
    doc_type          TEXT NOT NULL CHECK (doc_type IN ('PASSPORT', 'ID_CARD', 'VISA', 'RESIDENCE_PERMIT', 'TRAVEL_DOC')),
    status            TEXT NOT NULL CHECK (status IN ('STOLEN', 'LOST', 'INVALIDATED')),
    status_date       DATE NOT NULL,
    subject_id        BIGINT REFERENCES eco_subject (subject_id) ON DELETE SET NULL,
    releasable_to     CHAR(3)[],                             -- NULL: every ECO member and partner
    point_of_contact  TEXT NOT NULL
);

CREATE TABLE eco_vehicle (
    vehicle_id        BIGSERIAL PRIMARY KEY,
    plate             TEXT,
    plate_country     CHAR(3),
    vin               TEXT,
    make_model        TEXT,
    status            TEXT NOT NULL CHECK (status IN ('STOLEN', 'SOUGHT')),
    status_date       DATE NOT NULL,
    releasable_to     CHAR(3)[],
    point_of_contact  TEXT NOT NULL
);

CREATE INDEX eco_notice_subject_idx ON eco_notice (subject_id);
CREATE INDEX eco_alias_subject_idx ON eco_subject_alias (subject_id);
CREATE UNIQUE INDEX eco_document_lookup_idx ON eco_document (doc_country, doc_number);
CREATE INDEX eco_vehicle_plate_idx ON eco_vehicle (plate_country, upper(regexp_replace(plate, '[^A-Za-z0-9]', '', 'g')));
CREATE INDEX eco_vehicle_vin_idx ON eco_vehicle (vin);
CREATE INDEX eco_subject_name_trgm ON eco_subject
    USING gin ((lower(forenames || coalesce(' ' || patronymic, '') || coalesce(' ' || surname, ''))) gin_trgm_ops);
CREATE INDEX eco_alias_name_trgm ON eco_subject_alias USING gin ((lower(alias)) gin_trgm_ops);
