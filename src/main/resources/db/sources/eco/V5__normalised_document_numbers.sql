-- Document look-up on the normalised number (letters and digits, upper case), as for every source.
CREATE INDEX eco_document_number_normalised_idx ON eco_document
    (upper(regexp_replace(doc_number, '[^A-Za-z0-9]', '', 'g')));

COMMENT ON COLUMN eco_notice.releasable_to IS
    'With releasability LIST: the states (alpha-3) whose officers may see the notice. ECO: everyone; ORIGINATOR: the originator only. An unknown releasability, a code that names no state, or an empty list: nobody (the service fails closed).';
COMMENT ON COLUMN eco_document.releasable_to IS
    'NULL: every ECO member and partner; else the states listed (alpha-3), fail closed as eco_notice.releasable_to.';
COMMENT ON COLUMN eco_vehicle.releasable_to IS
    'As eco_document.releasable_to.';
