-- Document look-up on the normalised number (letters and digits, upper case), the same expression the
-- service applies to the query (SqlSupport.normalisedIdentifier): "p4471902-x" is found by P4471902X.
-- The number alone leads: the issuing country is asked in every form the source might hold it (GBR, GBD...),
-- a short filter on the few rows with that number, and one index scan per question rather than one per form.
CREATE INDEX eis_doc_number_normalised_idx ON eis_object_document
    (upper(regexp_replace(doc_no, '[^A-Za-z0-9]', '', 'g')));

-- What the restriction fields mean, as the service reads them (EuropolVocabulary.releasableTo, .releasableAgencies).
COMMENT ON COLUMN eis_flag.releasable_to IS
    'Member states whose officers may see the flag: alpha-2 codes separated by commas (UK, EL, XK read as the United Kingdom, Greece, Kosovo; EU as every EU member state). NULL: all member states. A code that names no known state, or a text without codes: only the owner member state (eis_person.owner_ms) may see it (the service fails closed).';
COMMENT ON COLUMN eis_flag.releasable_agency IS
    'Agency codes separated by commas that may see the flag. NULL: any agency. A text without codes: only the owner member state.';
COMMENT ON COLUMN eis_object_document.releasable_to IS
    'As eis_flag.releasable_to, but objects name no owner: a code that names no known state, or a text without codes, releases to nobody.';
COMMENT ON COLUMN eis_object_vehicle.releasable_to IS
    'As eis_object_document.releasable_to.';
