-- Trimming bounds of a survey's raking (issue 21): no raked weight may stand for fewer than trim_lower or more than
-- trim_upper times the people its design weight did (R's calibrate(bounds = c(lower, upper))). Both null: none.
ALTER TABLE survey
    ADD COLUMN trim_lower double precision,
    ADD COLUMN trim_upper double precision,
    ADD CONSTRAINT survey_trimming_bounds CHECK ((trim_lower IS NULL) = (trim_upper IS NULL)
        AND (trim_lower IS NULL OR (trim_lower > 0 AND trim_lower <= 1 AND trim_upper >= 1)));
