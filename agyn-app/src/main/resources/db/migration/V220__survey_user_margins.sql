-- Margins given by the user on any profile question, and the calibration method (issue 21, decision 0043).
-- calibration_method: how the weights are calibrated to whichever margins the survey takes (its own or the
-- warehouse's); margin_targets: whether the survey's own margins are counts of persons or shares of the population
-- (shares are scaled to the sum of the design weights when the weights are made).
ALTER TABLE survey
    ADD COLUMN calibration_method varchar(6) NOT NULL DEFAULT 'RAKING'
        CHECK (calibration_method IN ('RAKING', 'LINEAR')),
    ADD COLUMN margin_targets varchar(5) NOT NULL DEFAULT 'COUNT' CHECK (margin_targets IN ('COUNT', 'SHARE'));

-- A category is an option code of the profile question (up to 60 characters); a target of 0 says that nobody in
-- the population is in it, and the category is left out of the calibration.
ALTER TABLE survey_margin ALTER COLUMN category TYPE varchar(60);
ALTER TABLE survey_margin DROP CONSTRAINT survey_margin_population_check;
ALTER TABLE survey_margin ADD CONSTRAINT survey_margin_population_check CHECK (population >= 0);
