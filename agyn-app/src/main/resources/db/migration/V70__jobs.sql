-- Jobs (issue 14): one record of every long piece of work, whatever feature runs it. A row says RUNNING while its
-- work runs; the work's process holds an advisory lock named after the job, so a RUNNING row whose lock is free
-- belongs to a process that died and is marked FAILED (kz.agyn.jobs.Jobs).
CREATE TABLE job (
    id               uuid PRIMARY KEY,
    kind             text        NOT NULL,
    started_by       text        NOT NULL,
    parameters       jsonb       NOT NULL DEFAULT '{}',
    state            text        NOT NULL CHECK (state IN ('RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    phase            text,
    done             bigint      NOT NULL DEFAULT 0,
    total            bigint,
    cancel_requested boolean     NOT NULL DEFAULT false,
    started_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    ended_at         timestamptz,
    -- A message code and its arguments, rendered in the reader's language.
    outcome          text,
    outcome_args     jsonb,
    result_link      text,
    CHECK ((state = 'RUNNING') = (ended_at IS NULL))
);
CREATE INDEX job_started ON job (started_at DESC);
CREATE INDEX job_running ON job (id) WHERE state = 'RUNNING';
CREATE INDEX job_by ON job (started_by, started_at DESC);
