-- SDMX observations as agencies publish them (issue 13).
-- Every observation status is kept as the source gives it: SDMX's CL_OBS_STATUS has far more codes than the four
-- (A, P, E, C) Agyn first allowed — M and O for missing values, B for a break, Q, L, H … — and agencies use codes of
-- their own (Eurostat's "na"). Statuses are checked as short codes, not against one list that would age.
ALTER TABLE wh_observation DROP CONSTRAINT wh_observation_status_check;
ALTER TABLE wh_observation ALTER COLUMN status TYPE varchar(10);
ALTER TABLE wh_observation ADD CONSTRAINT wh_observation_status_check
    CHECK (status ~ '^[A-Za-z0-9_.:-]{1,10}$');
-- A missing value (an SDMX observation without a value, NaN, or flagged missing) is kept as a row with no value:
-- that the source says "no figure here" is information, and a missing value is not a bad file.
ALTER TABLE wh_observation ALTER COLUMN value DROP NOT NULL;
