-- Consultations are recorded when admitted (CONSULTED, durable before the answer leaves) and their
-- outcome in a later record of the same query id (ANSWERED, CLIENT_GONE...). UnknownOutcomes looks
-- for CONSULTED records that no outcome followed (an instance died between the two) and records
-- OUTCOME_UNKNOWN for them; this index keeps that look-up to the consultations of its time window.
CREATE INDEX audit_record_consulted_idx ON audit_record (occurred_at) WHERE decision = 'CONSULTED';
