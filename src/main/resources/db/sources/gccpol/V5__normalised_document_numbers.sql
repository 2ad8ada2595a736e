-- Document look-up on the normalised number (letters and digits, upper case), the same expression the
-- service applies to the query (SqlSupport.normalisedIdentifier): "p4471902-x" is found by P4471902X.
-- The number alone leads: the issuing country is asked in every form the source might hold it (GBR, GBD...),
-- a short filter on the few rows with that number, and one index scan per question rather than one per form.
CREATE INDEX gcc_document_number_normalised_idx ON gcc_document
    (upper(regexp_replace(document_no, '[^A-Za-z0-9]', '', 'g')));

-- What the restriction lists mean, as the service reads them (GccpolVocabulary.sharedWith).
COMMENT ON COLUMN gcc_circular.shared_with IS
    'States (alpha-2; UK, EL and XK read as the United Kingdom, Greece and Kosovo) whose officers may see the circular. NULL: all GCC member states and partners. A code that names no known state, a NULL or blank element, or an empty array: nobody (the service fails closed).';
COMMENT ON COLUMN gcc_document.shared_with IS
    'As gcc_circular.shared_with.';
COMMENT ON COLUMN gcc_vehicle.shared_with IS
    'As gcc_circular.shared_with.';
