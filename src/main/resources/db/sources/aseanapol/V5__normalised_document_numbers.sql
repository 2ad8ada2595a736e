-- Document look-up on the normalised number (letters and digits, upper case), the same expression the
-- service applies to the query (SqlSupport.normalisedIdentifier): "p4471902-x" is found by P4471902X.
-- The number alone leads: the issuing country is asked in every form the source might hold it (GBR, GBD...),
-- a short filter on the few rows with that number, and one index scan per question rather than one per form.
CREATE INDEX travel_document_number_normalised_idx ON travel_document
    (upper(regexp_replace(td_number, '[^A-Za-z0-9]', '', 'g')));

-- What the restriction fields mean, as the service reads them (AseanapolVocabulary.disseminatedTo, .memberStates).
COMMENT ON COLUMN watchlist_entry.dissemination IS
    'ALL_MEMBERS: every member state (member_states ignored). LISTED_MEMBERS: only the states of member_states. Any other value: nobody (the service fails closed).';
COMMENT ON COLUMN watchlist_entry.member_states IS
    'Pipe-separated ICAO codes, read when dissemination is LISTED_MEMBERS; NULL or empty then lists nobody. A code that names no known state (or a stateless, refugee or organisation code): nobody.';
COMMENT ON COLUMN travel_document.member_states IS
    'Pipe-separated ICAO codes of the states whose officers may see the document. NULL: every member state. Empty text, or a code that names no known state: nobody (the service fails closed).';
COMMENT ON COLUMN conveyance.member_states IS
    'As travel_document.member_states.';
