-- The longest instalment term is the rule's maxInstalmentYears (1–30 years; 15 as seeded), read from the rule
-- version binding the award (issue 15), no longer a fixed 15 years: the table only keeps the widest bound a rule
-- may state, so a rule version allowing 20 years is not refused by the database after the service allowed it.
ALTER TABLE reg_instalment_agreement DROP CONSTRAINT reg_instalment_agreement_months_check;
ALTER TABLE reg_instalment_agreement ADD CONSTRAINT reg_instalment_agreement_months_check
    CHECK (months BETWEEN 1 AND 360);
