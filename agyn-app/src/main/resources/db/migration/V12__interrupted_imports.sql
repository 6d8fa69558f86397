-- Imports that were running when the application died (kill -9, a crash, a power cut) are marked INTERRUPTED
-- at the next start instead of showing "running" for ever (kz.agyn.platform.database.JobLocks tells a running
-- job from a dead one). Nothing of an interrupted import was written: each writes in one transaction.
ALTER TABLE wh_import DROP CONSTRAINT wh_import_status_check;
ALTER TABLE wh_import ADD CONSTRAINT wh_import_status_check CHECK (status IN ('VALIDATING', 'VALID', 'INVALID',
    'ACCEPTING', 'ACCEPTED', 'CANCELLED', 'FAILED', 'INTERRUPTED'));

-- The registry's bulk imports, one row each: who started it, when, and how it ended, in counts only (the files
-- hold personal data and are never kept). Read by the import page and GET /api/v1/registry/imports/{id} once the
-- job is no longer in memory, after a restart above all.
CREATE TABLE reg_import_run (
    id           uuid        PRIMARY KEY,
    write        boolean     NOT NULL,
    started_by   varchar(64) NOT NULL,
    started_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz,
    status       varchar(12) NOT NULL CHECK (status IN ('RUNNING', 'VALID', 'INVALID', 'IMPORTED', 'CANCELLED',
                                                        'FAILED', 'INTERRUPTED')),
    scholars     integer,
    awards       integer,
    employments  integer,
    existing     integer,
    problems     integer,
    millis       bigint
);
CREATE INDEX reg_import_run_started ON reg_import_run (started_at DESC);
