-- Document look-up on the normalised number (letters and digits, upper case), the same expression the
-- service applies to the query (SqlSupport.normalisedIdentifier): "p4471902-x" is found by P4471902X.
-- The number alone leads: the issuing country is asked in every form the source might hold it (GBR, GBD...),
-- a short filter on the few rows with that number, and one index scan per question rather than one per form.
CREATE INDEX sltd_number_normalised_idx ON sltd_document
    (upper(regexp_replace(document_number, '[^A-Za-z0-9]', '', 'g')));

-- What the restriction lists mean, as the service reads them (InterpolVocabulary.restrictedTo).
COMMENT ON COLUMN notice.restricted_to IS
    'Countries (alpha-3) whose officers may see the notice. NULL: every member country. A code that names no known state, a NULL or blank element, or an empty array: nobody (the service fails closed).';
COMMENT ON COLUMN sltd_document.restricted_to IS
    'As notice.restricted_to.';
COMMENT ON COLUMN smv_vehicle.restricted_to IS
    'As notice.restricted_to.';
