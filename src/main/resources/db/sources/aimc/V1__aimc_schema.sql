-- AIMC-style source (Arab Interior Ministers Council), on MariaDB: a name is held in Arabic script
-- first (name_ar, Arab order: ism, father, grandfather, family) with the clerk's Latin transliteration
-- beside it (given_latin, family_latin; a foreigner known only from a Latin passport has no Arabic);
-- the date of birth is text in the calendar it was recorded in (birth_calendar: G Gregorian, H Hijri
-- Umm al-Qura), "YYYY-MM-DD" or "YYYY"; sex by ISO/IEC 5218 (0 unknown, 1 male, 2 female, 9 not
-- applicable); countries ISO alpha-3; bulletins (arrest, travel ban, search, watch, caution) on persons.
--
-- The restriction model (AimcVocabulary.distribution): every bulletin, document and vehicle names its
-- issuing state and a distribution: ALL (every member state and partner), LIST (only the states of
-- the JSON array shared_with), ORIGIN (the issuing state alone). A secrecy level 1..4 (normal,
-- restricted, confidential, secret) and on_restricted (WITHHOLD or REFER). The service reads an
-- unknown distribution, a state it cannot read, an unknown level as closed: nobody or the issuer.
CREATE TABLE aimc_person (
    person_id         BIGINT PRIMARY KEY,
    name_ar           VARCHAR(300),                            -- Arabic script, Arab order
    given_latin       VARCHAR(200),                            -- transliteration: given names, father's, grandfather's
    family_latin      VARCHAR(200),                            -- transliteration: family name
    birth_date        VARCHAR(10),                             -- YYYY-MM-DD or YYYY, in birth_calendar
    birth_calendar    CHAR(1),                                 -- G or H
    sex               CHAR(1) NOT NULL DEFAULT '0',            -- ISO/IEC 5218
    nationality       CHAR(3),
    CONSTRAINT aimc_person_named CHECK (name_ar IS NOT NULL OR given_latin IS NOT NULL OR family_latin IS NOT NULL),
    CONSTRAINT aimc_person_calendar CHECK (birth_date IS NULL OR birth_calendar IN ('G', 'H'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE aimc_person_alias (
    alias_id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    person_id         BIGINT NOT NULL,
    alias_ar          VARCHAR(300),
    alias_latin       VARCHAR(300),
    CONSTRAINT aimc_alias_person FOREIGN KEY (person_id) REFERENCES aimc_person (person_id) ON DELETE CASCADE,
    INDEX aimc_alias_person_idx (person_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE aimc_bulletin (
    bulletin_no       VARCHAR(40) PRIMARY KEY,                 -- e.g. AIMC/1446/000123 (the Hijri year of issue)
    person_id         BIGINT NOT NULL,
    bulletin_type     VARCHAR(20) NOT NULL,                    -- QABD, MAN_SAFAR, BAHTH, RASD, TAHDHIR
    measure           VARCHAR(20) NOT NULL,                    -- ARREST, STOP_TRAVEL, LOCATE, WATCH, NOTIFY
    hazards           VARCHAR(100) NOT NULL DEFAULT '',        -- comma-separated: ARMED, VIOLENT, ESCAPE
    issued_on         DATE NOT NULL,
    issuing_state     CHAR(3) NOT NULL,
    distribution      VARCHAR(10) NOT NULL DEFAULT 'ALL',
    shared_with       JSON,                                    -- distribution LIST: ["JOR", "SAU"]
    secrecy_level     TINYINT NOT NULL DEFAULT 1,
    on_restricted     VARCHAR(10) NOT NULL DEFAULT 'WITHHOLD',
    contact           VARCHAR(200) NOT NULL,
    CONSTRAINT aimc_bulletin_person FOREIGN KEY (person_id) REFERENCES aimc_person (person_id) ON DELETE CASCADE,
    INDEX aimc_bulletin_person_idx (person_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE aimc_document (
    document_id       BIGINT AUTO_INCREMENT PRIMARY KEY,
    document_no       VARCHAR(40) NOT NULL,
    document_no_norm  VARCHAR(40) AS (UPPER(REGEXP_REPLACE(document_no, '[^A-Za-z0-9]', ''))) PERSISTENT,
    issuing_country   CHAR(3) NOT NULL,
    document_kind     VARCHAR(20) NOT NULL,                    -- JAWAZ, HAWIYA, TASHIRA, IQAMA
    document_state    VARCHAR(10) NOT NULL,                    -- MASRUQ stolen, MAFQUD lost, MULGHA revoked
    state_date        DATE NOT NULL,
    person_id         BIGINT,
    issuing_state     CHAR(3) NOT NULL,
    distribution      VARCHAR(10) NOT NULL DEFAULT 'ALL',
    shared_with       JSON,
    contact           VARCHAR(200) NOT NULL,
    INDEX aimc_document_number_idx (document_no_norm, issuing_country)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE aimc_vehicle (
    vehicle_id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    plate_no          VARCHAR(20),
    plate_norm        VARCHAR(20) AS (UPPER(REGEXP_REPLACE(plate_no, '[^A-Za-z0-9]', ''))) PERSISTENT,
    plate_country     CHAR(3),
    vin               VARCHAR(17),
    make              VARCHAR(60),
    vehicle_state     VARCHAR(10) NOT NULL,                    -- MASRUQA stolen, MATLUBA wanted
    state_date        DATE NOT NULL,
    issuing_state     CHAR(3) NOT NULL,
    distribution      VARCHAR(10) NOT NULL DEFAULT 'ALL',
    shared_with       JSON,
    contact           VARCHAR(200) NOT NULL,
    INDEX aimc_vehicle_plate_idx (plate_norm, plate_country),
    INDEX aimc_vehicle_vin_idx (vin)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
