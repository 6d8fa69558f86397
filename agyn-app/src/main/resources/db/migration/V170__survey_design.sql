-- The sample design declared per survey (issue 21): whether respondents carry a stratum, first- and second-stage
-- clusters and finite-population corrections, and which confidence interval its shares are shown with. The
-- respondents' design variables come with the response import as columns (stratum, psu, ssu, fpc1, fpc2).
ALTER TABLE survey
    ADD COLUMN design_strata   boolean NOT NULL DEFAULT false,
    ADD COLUMN design_stages   smallint NOT NULL DEFAULT 0 CHECK (design_stages BETWEEN 0 AND 2),
    ADD COLUMN design_fpc      boolean NOT NULL DEFAULT false,
    ADD COLUMN interval_method varchar(5) NOT NULL DEFAULT 'LOGIT' CHECK (interval_method IN ('WALD', 'LOGIT', 'BETA'));

-- fpc1: PSUs in the population of the respondent's stratum; fpc2: second-stage units in the population of its PSU.
ALTER TABLE survey_respondent
    ADD COLUMN stratum varchar(100),
    ADD COLUMN psu     varchar(100),
    ADD COLUMN ssu     varchar(100),
    ADD COLUMN fpc1    double precision CHECK (fpc1 >= 1),
    ADD COLUMN fpc2    double precision CHECK (fpc2 >= 1);

-- "None of these" in a multiple-choice question: a respondent who chose it answered (and is in the base of every
-- share), unlike one who skipped the question. A multiple-choice answer with no option chosen is stored as one
-- answer row without an option, for the same reason.
ALTER TABLE survey_option ADD COLUMN none_of_these boolean NOT NULL DEFAULT false;
