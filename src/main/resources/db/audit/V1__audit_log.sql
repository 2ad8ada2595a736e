-- The service's own audit log: one row per consultation, refused ones included. Append-only:
-- updates and deletes are refused by a trigger; each row carries the hash of the previous row
-- (hash chain), so an alteration by someone able to bypass the trigger is detectable.
CREATE TABLE audit_record (
    seq          BIGINT PRIMARY KEY,
    occurred_at  TIMESTAMPTZ NOT NULL,
    query_id     TEXT NOT NULL,
    officer_id   TEXT NOT NULL,
    agency       TEXT NOT NULL,
    country      TEXT NOT NULL,
    roles        TEXT NOT NULL,
    purpose      TEXT,
    kind         TEXT NOT NULL,
    terms        TEXT NOT NULL,                 -- the query's terms as JSON
    sources      TEXT NOT NULL,                 -- each source consulted and its status, as JSON
    outcome      TEXT,                          -- HIT, POSSIBLE_MATCH, NO_HIT, INCOMPLETE; null when refused
    decision     TEXT NOT NULL,                 -- ANSWERED, REFUSED_NOT_PERMITTED, REFUSED_RATE_LIMITED
    request_id   TEXT,
    traceparent  TEXT,
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL
);

CREATE INDEX audit_record_officer_idx ON audit_record (officer_id, occurred_at);
CREATE INDEX audit_record_time_idx ON audit_record (occurred_at);
CREATE UNIQUE INDEX audit_record_query_idx ON audit_record (query_id, decision);

CREATE FUNCTION audit_record_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END;
$$;

CREATE TRIGGER audit_record_append_only
    BEFORE UPDATE OR DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_record_append_only();
CREATE TRIGGER audit_record_no_truncate
    BEFORE TRUNCATE ON audit_record
    FOR EACH STATEMENT EXECUTE FUNCTION audit_record_append_only();
