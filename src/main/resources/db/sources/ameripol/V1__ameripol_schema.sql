-- AMERIPOL-style source: Spanish vocabulary, names as given names plus paternal and maternal
-- surnames, date of birth as DATE or, when only the year is known, anio_nacimiento; countries as
-- ISO 3166-1 alpha-3.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE persona (
    id_persona        BIGINT PRIMARY KEY,
    nombres           TEXT NOT NULL,
    primer_apellido   TEXT NOT NULL,
    segundo_apellido  TEXT,
    fecha_nacimiento  DATE,
    anio_nacimiento   SMALLINT,
    sexo              CHAR(1) CHECK (sexo IN ('M', 'F', 'X')),
    nacionalidad      CHAR(3)
);

CREATE TABLE persona_alias (
    id_alias          BIGSERIAL PRIMARY KEY,
    id_persona        BIGINT NOT NULL REFERENCES persona (id_persona) ON DELETE CASCADE,
    nombre_completo   TEXT NOT NULL                          -- "nombres apellidos" as recorded
);

CREATE TABLE alerta (
    id_alerta          BIGSERIAL PRIMARY KEY,
    id_persona         BIGINT NOT NULL REFERENCES persona (id_persona) ON DELETE CASCADE,
    tipo               TEXT NOT NULL CHECK (tipo IN ('ORDEN_CAPTURA', 'PERSONA_DESAPARECIDA', 'VIGILANCIA_DISCRETA', 'CONTROL_ESPECIFICO', 'ADVERTENCIA')),
    accion             TEXT NOT NULL CHECK (accion IN ('DETENER', 'UBICAR', 'CONTROL_DISCRETO', 'INFORMAR', 'NINGUNA')),
    advertencias       TEXT[] NOT NULL DEFAULT '{}',          -- ARMADO, VIOLENTO, RIESGO_FUGA, AUTOLESION
    fecha_emision      DATE NOT NULL,
    paises_autorizados CHAR(3)[],                            -- NULL: every member country
    nivel_acceso       TEXT NOT NULL DEFAULT 'PUBLICO' CHECK (nivel_acceso IN ('PUBLICO', 'RESERVADO', 'CONFIDENCIAL', 'SECRETO')),
    si_restringido     TEXT NOT NULL DEFAULT 'OCULTAR' CHECK (si_restringido IN ('OCULTAR', 'SOLO_CONTACTO')),
    punto_contacto     TEXT NOT NULL
);

CREATE TABLE documento_viaje (
    id_documento      BIGSERIAL PRIMARY KEY,
    numero            TEXT NOT NULL,
    pais_emisor       CHAR(3) NOT NULL,
    tipo              TEXT NOT NULL CHECK (tipo IN ('PASAPORTE', 'CEDULA', 'VISA', 'DOCUMENTO_VIAJE')),
    estado            TEXT NOT NULL CHECK (estado IN ('HURTADO', 'EXTRAVIADO', 'ANULADO')),
    fecha_denuncia    DATE NOT NULL,
    id_titular        BIGINT REFERENCES persona (id_persona) ON DELETE SET NULL,
    paises_autorizados CHAR(3)[],
    punto_contacto    TEXT NOT NULL
);

CREATE TABLE vehiculo (
    id_vehiculo       BIGSERIAL PRIMARY KEY,
    placa             TEXT,
    pais_matricula    CHAR(3),
    numero_vin        TEXT,
    marca             TEXT,
    modelo            TEXT,
    estado            TEXT NOT NULL CHECK (estado IN ('ROBADO', 'HURTADO', 'BUSCADO')),
    fecha_denuncia    DATE NOT NULL,
    paises_autorizados CHAR(3)[],
    punto_contacto    TEXT NOT NULL
);

CREATE INDEX alerta_persona_idx ON alerta (id_persona);
CREATE INDEX persona_alias_persona_idx ON persona_alias (id_persona);
CREATE UNIQUE INDEX documento_busqueda_idx ON documento_viaje (pais_emisor, numero);
CREATE INDEX vehiculo_placa_idx ON vehiculo (pais_matricula, upper(regexp_replace(placa, '[^A-Za-z0-9]', '', 'g')));
CREATE INDEX vehiculo_vin_idx ON vehiculo (numero_vin);
CREATE INDEX persona_nombre_trgm ON persona
    USING gin ((lower(nombres || ' ' || primer_apellido || coalesce(' ' || segundo_apellido, ''))) gin_trgm_ops);
CREATE INDEX persona_alias_trgm ON persona_alias USING gin ((lower(nombre_completo)) gin_trgm_ops);
