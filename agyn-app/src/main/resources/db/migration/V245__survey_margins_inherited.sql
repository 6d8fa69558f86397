-- A new wave takes the user margins of the questionnaire's previous wave (issue 21, decision 0048): which survey they
-- were copied from, so that the Calibration tab can say so; cleared when the survey's own margins are saved.
ALTER TABLE survey ADD COLUMN margins_from integer REFERENCES survey (id) ON DELETE SET NULL;
