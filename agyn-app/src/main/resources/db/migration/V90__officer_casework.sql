-- The officer's casework on an award (issue 15): six-monthly work reports, instalment agreements with their
-- payments, and the security of the award (a pledge or guarantors). What a person typed about a person (an
-- employer, a position, a property's address, a guarantor's name, IIN and contacts) is stored only encrypted,
-- like the registry's other free text (EncryptedText): re-keyed after a rotation, cleared by anonymisation.

-- A received report for the k-th six-month period of work-off; the schedule itself is computed, not stored.
CREATE TABLE reg_work_report (
    id            bigserial   PRIMARY KEY,
    award_id      bigint      NOT NULL REFERENCES reg_award (id),
    period        integer     NOT NULL CHECK (period BETWEEN 1 AND 40),
    due_on        date        NOT NULL,
    received_on   date        NOT NULL,
    employer_enc  bytea,
    position_enc  bytea,
    recorded_by   varchar(64) NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (award_id, period)
);

-- An agreed repayment by monthly instalments; the schedule is computed from amount, term and start.
CREATE TABLE reg_instalment_agreement (
    id            bigserial      PRIMARY KEY,
    award_id      bigint         NOT NULL REFERENCES reg_award (id),
    decision_id   bigint         REFERENCES reg_decision (id),
    amount_kzt    numeric(16, 2) NOT NULL CHECK (amount_kzt > 0),
    months        integer        NOT NULL CHECK (months BETWEEN 1 AND 180),   -- at most 15 years
    starts_on     date           NOT NULL,
    agreed_on     date           NOT NULL,
    created_by    varchar(64)    NOT NULL,
    created_at    timestamptz    NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX reg_instalment_agreement_award ON reg_instalment_agreement (award_id);

CREATE TABLE reg_instalment_payment (
    id            bigserial      PRIMARY KEY,
    award_id      bigint         NOT NULL REFERENCES reg_award (id),
    agreement_id  bigint         NOT NULL REFERENCES reg_instalment_agreement (id),
    paid_on       date           NOT NULL,
    amount_kzt    numeric(16, 2) NOT NULL CHECK (amount_kzt > 0),
    recorded_by   varchar(64)    NOT NULL,
    created_at    timestamptz    NOT NULL DEFAULT now()
);
CREATE INDEX reg_instalment_payment_agreement ON reg_instalment_payment (agreement_id);

-- The security of an award: a real-estate pledge (its description and address encrypted, its value in clear
-- for the check against the full cost of study) or a set of guarantors.
CREATE TABLE reg_security (
    id            bigserial      PRIMARY KEY,
    award_id      bigint         NOT NULL REFERENCES reg_award (id),
    kind          varchar(12)    NOT NULL CHECK (kind IN ('PLEDGE', 'GUARANTORS')),
    property_enc  bytea,
    value_kzt     numeric(16, 2) CHECK (value_kzt IS NULL OR value_kzt > 0),
    valued_on     date,
    recorded_by   varchar(64)    NOT NULL,
    created_at    timestamptz    NOT NULL DEFAULT now(),
    CHECK (kind = 'GUARANTORS' OR value_kzt IS NOT NULL)
);
CREATE UNIQUE INDEX reg_security_award ON reg_security (award_id);

CREATE TABLE reg_guarantor (
    id            bigserial   PRIMARY KEY,
    award_id      bigint      NOT NULL REFERENCES reg_award (id),
    security_id   bigint      NOT NULL REFERENCES reg_security (id),
    name_enc      bytea,
    iin_enc       bytea,
    contact_enc   bytea,
    recorded_by   varchar(64) NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reg_guarantor_security ON reg_guarantor (security_id);
