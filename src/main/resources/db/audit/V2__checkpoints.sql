-- Signed checkpoints of the chain head (org.frontline.audit.AuditCheckpoints): every N records or M
-- minutes the service writes the sequence number and hash of the head it has committed, with an
-- HMAC under a key the database does not hold. Append-only like the log; the service's role may
-- INSERT and SELECT here and nothing else (grants: AuditSchema, run by the owner role). verify
-- compares the chain with every checkpoint, so a deleted or rewritten tail no longer goes unseen.
CREATE TABLE audit_checkpoint (
    seq         BIGINT PRIMARY KEY,            -- the last record the checkpoint covers
    hash        TEXT NOT NULL,                 -- that record's hash
    created_at  TIMESTAMPTZ NOT NULL,
    mac         TEXT NOT NULL                  -- HMAC-SHA256 over seq and hash, hex
);

CREATE TRIGGER audit_checkpoint_append_only
    BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_record_append_only();
CREATE TRIGGER audit_checkpoint_no_truncate
    BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_record_append_only();

-- nobody but the owner and the roles granted below by name
REVOKE ALL ON audit_record, audit_checkpoint FROM PUBLIC;
