-- Re-binding awards from one rule version to the version in force on their award date (issue 15, decision 0027).
-- An award keeps the rule version it was bound to; an administrator may move the awards of a version deliberately,
-- as a job. Each award moved is a row here: which job, from and to which version, the state before and after, so
-- that what a re-binding changed can be read (and undone by hand) long after the job.
CREATE TABLE reg_rule_rebinding (
    id            bigserial   PRIMARY KEY,
    job_id        uuid        NOT NULL,
    award_id      bigint      NOT NULL REFERENCES reg_award (id),
    programme     varchar(32) NOT NULL,
    from_version  integer     NOT NULL,
    to_version    integer     NOT NULL,
    state_before  varchar(20),
    state_after   varchar(20),
    rebound_by    varchar(64) NOT NULL,
    rebound_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reg_rule_rebinding_award ON reg_rule_rebinding (award_id);
CREATE INDEX reg_rule_rebinding_job ON reg_rule_rebinding (job_id);
