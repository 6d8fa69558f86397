-- The state-scholar registry (issue 4). Personal data (IIN, names, contacts) are stored only encrypted
-- (AES-GCM, key outside the database: bytea columns ending in _enc); lookups go through keyed hashes
-- (iin_hash, name hashes) that reveal nothing without the key. Birth year and sex are kept in clear for
-- cohort statistics; they are derived from the IIN and checked against it when a scholar is recorded.

CREATE TABLE reg_programme (
    code      varchar(20) PRIMARY KEY,
    name_kk   text NOT NULL,
    name_ru   text NOT NULL,
    name_en   text NOT NULL
);
INSERT INTO reg_programme VALUES
('BOLASHAK', '«Болашақ» халықаралық стипендиясы', 'Международная стипендия «Болашак»',
 'Bolashak International Scholarship');

-- Work-off rules are data, versioned per programme: an award keeps the version in force when it was made.
CREATE TABLE reg_rule_set (
    id          serial      PRIMARY KEY,
    programme   varchar(20) NOT NULL REFERENCES reg_programme (code),
    version     integer     NOT NULL,
    valid_from  date        NOT NULL,
    rules       text        NOT NULL,            -- key=value lines, see ObligationRules
    note        text,
    created_by  varchar(64) NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (programme, version)
);

CREATE TABLE reg_scholar (
    id              bigserial   PRIMARY KEY,
    external_ref    varchar(40) UNIQUE,           -- the operator's record number (scholar_ref of a bulk import)
    iin_hash        bytea       NOT NULL UNIQUE,
    iin_enc         bytea,                        -- null once anonymised, as are the other _enc and _hash
    last_name_enc   bytea,
    first_name_enc  bytea,
    patronymic_enc  bytea,
    name_ru_enc     bytea,
    name_latin_enc  bytea,
    email_enc       bytea,
    phone_enc       bytea,
    last_name_hash  bytea,
    first_name_hash bytea,
    pseudonym       varchar(16) NOT NULL UNIQUE,
    birth_year      smallint    NOT NULL,
    sex             char(1)     NOT NULL CHECK (sex IN ('M', 'F')),
    synthetic       boolean     NOT NULL DEFAULT false,
    anonymised_at   timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reg_scholar_last_name ON reg_scholar (last_name_hash);

CREATE TABLE reg_award (
    id             bigserial    PRIMARY KEY,
    external_ref   varchar(40)  UNIQUE,
    scholar_id     bigint       NOT NULL REFERENCES reg_scholar (id),
    programme      varchar(20)  NOT NULL REFERENCES reg_programme (code),
    rule_version   integer      NOT NULL,
    call_year      smallint     NOT NULL,
    degree         varchar(12)  NOT NULL CHECK (degree IN ('BACHELOR', 'MASTER', 'PHD', 'INTERNSHIP')),
    field          varchar(4)   NOT NULL,        -- ISCED-F 2013 broad (2 digits) or narrow (3 digits) field
    university     text         NOT NULL,
    country        char(2)      NOT NULL,
    funding_kzt    numeric(16, 2) NOT NULL CHECK (funding_kzt >= 0),
    guarantee_kind varchar(12)  CHECK (guarantee_kind IN ('PLEDGE', 'GUARANTORS')),
    guarantee_ref  varchar(60),
    awarded_on     date,
    study_start    date         NOT NULL,
    planned_end    date         NOT NULL,
    actual_end     date,
    synthetic      boolean      NOT NULL DEFAULT false,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    CHECK (planned_end > study_start),
    CHECK (actual_end IS NULL OR actual_end >= study_start)
);
CREATE INDEX reg_award_scholar ON reg_award (scholar_id);
CREATE INDEX reg_award_cohort ON reg_award (programme, call_year);

CREATE TABLE reg_employment (
    id            bigserial   PRIMARY KEY,
    scholar_id    bigint      NOT NULL REFERENCES reg_scholar (id),
    seq           integer,                        -- the episode's number in a bulk import, for idempotence
    employer      text,                           -- null once the scholar is anonymised
    employer_bin  char(12),
    sector        varchar(12) NOT NULL CHECK (sector IN ('PUBLIC', 'QUASI_PUBLIC', 'PRIVATE', 'RESEARCH_HE', 'NGO')),
    region        char(9),                        -- KATO, for work in Kazakhstan
    country       char(2)     NOT NULL DEFAULT 'KZ',
    isco          varchar(4),
    start_date    date        NOT NULL,
    end_date      date,
    salary_band   varchar(12),
    evidence      text,
    synthetic     boolean     NOT NULL DEFAULT false,
    created_by    varchar(64) NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX reg_employment_scholar ON reg_employment (scholar_id);
CREATE UNIQUE INDEX reg_employment_seq ON reg_employment (scholar_id, seq) WHERE seq IS NOT NULL;

-- Approved stays abroad (further study, a posting) that move the return deadline.
CREATE TABLE reg_deferral (
    id          bigserial   PRIMARY KEY,
    award_id    bigint      NOT NULL REFERENCES reg_award (id),
    from_date   date        NOT NULL,
    to_date     date        NOT NULL,
    reason      text        NOT NULL,
    approved_by varchar(64) NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (to_date >= from_date)
);
CREATE INDEX reg_deferral_award ON reg_deferral (award_id);

-- Officers' decisions that computation cannot make: a declared breach, repayment, write-off.
CREATE TABLE reg_decision (
    id          bigserial   PRIMARY KEY,
    award_id    bigint      NOT NULL REFERENCES reg_award (id),
    kind        varchar(20) NOT NULL,
    on_date     date        NOT NULL,
    amount_kzt  numeric(16, 2),
    reason      text        NOT NULL,
    decided_by  varchar(64) NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reg_decision_award ON reg_decision (award_id);

-- Every change of an award's obligation state, computed or decided: who, when, why.
CREATE TABLE reg_status_history (
    id          bigserial   PRIMARY KEY,
    award_id    bigint      NOT NULL REFERENCES reg_award (id),
    from_state  varchar(20),
    to_state    varchar(20) NOT NULL,
    at          timestamptz NOT NULL DEFAULT now(),
    by_user     varchar(64) NOT NULL,
    reason      text        NOT NULL
);
CREATE INDEX reg_status_history_award ON reg_status_history (award_id, at);

-- The engine's last evaluation of each award, kept for worklists and cohort statistics.
CREATE TABLE reg_obligation (
    award_id         bigint      PRIMARY KEY REFERENCES reg_award (id),
    state            varchar(20) NOT NULL,
    days_required    integer     NOT NULL,
    days_worked      integer     NOT NULL,
    days_left        integer     NOT NULL,
    return_deadline  date,
    returned_on      date,
    fulfilment_date  date,
    repay_kzt        numeric(16, 2),
    reasons          text        NOT NULL DEFAULT '',
    evaluated_on     date        NOT NULL,
    evaluated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reg_obligation_state ON reg_obligation (state);

-- In-app tasks for registry officers, raised by the monitoring job or by hand.
CREATE TABLE reg_task (
    id          bigserial   PRIMARY KEY,
    award_id    bigint      NOT NULL REFERENCES reg_award (id),
    kind        varchar(24) NOT NULL,
    due_on      date,
    created_at  timestamptz NOT NULL DEFAULT now(),
    done_at     timestamptz,
    done_by     varchar(64),
    note        text
);
-- At most one open task of a kind per award: the daily job can run twice without duplicating work.
CREATE UNIQUE INDEX reg_task_open ON reg_task (award_id, kind) WHERE done_at IS NULL;

-- Incentive rules as data (e.g. a salary supplement for returnees in research in a region).
CREATE TABLE reg_incentive (
    code        varchar(32) PRIMARY KEY,
    name_kk     text        NOT NULL,
    name_ru     text        NOT NULL,
    name_en     text        NOT NULL,
    rules       text        NOT NULL,           -- key=value lines, see Incentive
    active      boolean     NOT NULL DEFAULT true,
    updated_by  varchar(64) NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
