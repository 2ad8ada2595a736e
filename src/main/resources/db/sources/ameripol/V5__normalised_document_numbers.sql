-- Document look-up on the normalised number (letters and digits, upper case), the same expression the
-- service applies to the query (SqlSupport.normalisedIdentifier): "p4471902-x" is found by P4471902X.
-- The number alone leads: the issuing country is asked in every form the source might hold it (GBR, GBD...),
-- a short filter on the few rows with that number, and one index scan per question rather than one per form.
CREATE INDEX documento_numero_normalizado_idx ON documento_viaje
    (upper(regexp_replace(numero, '[^A-Za-z0-9]', '', 'g')));

-- What the restriction lists mean, as the service reads them (AmeripolVocabulary.paisesAutorizados).
COMMENT ON COLUMN alerta.paises_autorizados IS
    'Countries (alpha-3) whose officers may see the alert. NULL: every member country. A code that names no known state, a NULL or blank element, or an empty array: nobody (the service fails closed).';
COMMENT ON COLUMN documento_viaje.paises_autorizados IS
    'As alerta.paises_autorizados.';
COMMENT ON COLUMN vehiculo.paises_autorizados IS
    'As alerta.paises_autorizados.';
