-- Policy scenarios (issue 17): a scenario is a named set of levers (kz.agyn.scenario.Levers as JSON); a run
-- simulates up to four of them against the baseline as one job (kind SCENARIO_RUN, the run's id is the job's id)
-- and keeps, per scenario × year × measure × dimension × code, the mean and the 80% and 95% bands over the draws.
-- Results are written in one transaction when the run ends, so a cancelled or failed run has none.
CREATE TABLE scn_scenario (
    id          bigserial   PRIMARY KEY,
    -- The note's recommendations ship as ready scenarios, named by a code (their names are in the message bundles).
    shipped     text        UNIQUE,
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description text        NOT NULL DEFAULT '',
    levers      jsonb       NOT NULL,
    owner       text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE scn_run (
    id           uuid        PRIMARY KEY,
    started_by   text        NOT NULL,
    started_at   timestamptz NOT NULL DEFAULT now(),
    horizon      smallint    NOT NULL CHECK (horizon BETWEEN 1 AND 20),
    draws        integer     NOT NULL CHECK (draws BETWEEN 1 AND 100000),
    seed         bigint      NOT NULL,
    -- Persons one agent stands for (1 = the full population).
    scale        integer     NOT NULL CHECK (scale >= 1),
    -- What the run used: the scenarios' levers as they were (a scenario edited later does not change a run),
    -- the context and its sources, the population's sources, and after the run the calibration's fit report and
    -- the labels of each dimension's values.
    scenarios    jsonb       NOT NULL,
    assumptions  jsonb,
    start_year   smallint,
    -- Set in the transaction that writes the results: a run without it has no results.
    finished_at  timestamptz
);
CREATE INDEX scn_run_started ON scn_run (started_at DESC);

-- position 0 is the baseline; measure and dimension are the engine's enum names.
CREATE TABLE scn_result (
    run_id      uuid     NOT NULL REFERENCES scn_run (id) ON DELETE CASCADE,
    position    smallint NOT NULL,
    year_offset smallint NOT NULL,
    measure     text     NOT NULL,
    dimension   text     NOT NULL,
    code_index  smallint NOT NULL,
    mean        double precision NOT NULL,
    p2_5        double precision NOT NULL,
    p10         double precision NOT NULL,
    p50         double precision NOT NULL,
    p90         double precision NOT NULL,
    p97_5       double precision NOT NULL,
    PRIMARY KEY (run_id, position, measure, dimension, code_index, year_offset)
);
