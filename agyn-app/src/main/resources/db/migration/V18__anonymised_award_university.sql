-- Anonymisation erases the host university of a scholar's awards too (issue 12): with the call year, degree,
-- field and country it can single a person out, and no statistic reads it. Kept for every other award.
ALTER TABLE reg_award ALTER COLUMN university DROP NOT NULL;
COMMENT ON COLUMN reg_award.university IS 'the host university as entered; null once the scholar is anonymised';
COMMENT ON COLUMN reg_scholar.external_ref IS 'the operator''s record number; null once the scholar is anonymised';
COMMENT ON COLUMN reg_award.external_ref IS 'the operator''s record number; null once the scholar is anonymised';
