-- A pledge or guarantor recorded by mistake can be corrected or removed (issue 15). Nothing is deleted: a removed
-- record is marked withdrawn with who, when and why (the officer's words encrypted like every other reason), and a
-- correction withdraws the old record and writes a new one that names it (replaces_id), so the card and an audit
-- can show what was recorded before. Anonymisation still clears the personal columns of withdrawn rows.
ALTER TABLE reg_security
    ADD COLUMN withdrawn_at          timestamptz,
    ADD COLUMN withdrawn_by          varchar(64),
    ADD COLUMN withdrawn_reason_enc  bytea,
    ADD COLUMN replaces_id           bigint REFERENCES reg_security (id);
-- One security in force per award; withdrawn ones stay beside it.
DROP INDEX reg_security_award;
CREATE UNIQUE INDEX reg_security_award ON reg_security (award_id) WHERE withdrawn_at IS NULL;
CREATE INDEX reg_security_award_all ON reg_security (award_id);

ALTER TABLE reg_guarantor
    ADD COLUMN withdrawn_at          timestamptz,
    ADD COLUMN withdrawn_by          varchar(64),
    ADD COLUMN withdrawn_reason_enc  bytea,
    ADD COLUMN replaces_id           bigint REFERENCES reg_guarantor (id);
