-- Every view, search and export of personal data leaves one row here. The table is append-only: the trigger
-- refuses UPDATE and DELETE, and TRUNCATE is refused by a statement trigger, so not even the application's own
-- database user can rewrite what was read. Rows hold no personal data: the subject is an internal id.
CREATE TABLE audit_event (
    id            bigserial   PRIMARY KEY,
    at            timestamptz NOT NULL DEFAULT now(),
    actor         varchar(64) NOT NULL,
    roles         varchar(120) NOT NULL,
    action        varchar(24) NOT NULL,
    subject_type  varchar(24),
    subject_id    bigint,
    records       integer     NOT NULL DEFAULT 1,
    channel       varchar(8)  NOT NULL CHECK (channel IN ('WEB', 'API', 'CLI', 'JOB')),
    detail        varchar(400)
);
CREATE INDEX audit_event_at ON audit_event USING brin (at);
CREATE INDEX audit_event_subject ON audit_event (subject_type, subject_id);
CREATE INDEX audit_event_actor ON audit_event (actor, at);

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END $$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
