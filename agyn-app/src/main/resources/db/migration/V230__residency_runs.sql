-- Hidden emigration (issue 20): runs of the residency estimate and their aggregates. Only aggregates are stored,
-- never a person's verdict; the calibration's fit is kept with the run so that its figures can be shown beside them.
CREATE TABLE residency_run (
    id                  uuid PRIMARY KEY,
    started_by          text        NOT NULL,
    started_at          timestamptz NOT NULL DEFAULT now(),
    persons             integer     NOT NULL CHECK (persons > 0),
    seed                bigint      NOT NULL,
    period_start        date        NOT NULL,
    months              smallint    NOT NULL CHECK (months BETWEEN 1 AND 32),
    finished_at         timestamptz,
    fit_intercept       double precision,
    fit_weights         double precision[],
    fit_standard_errors double precision[],
    fit_log_likelihood  double precision,
    fit_null_log_likelihood double precision,
    fit_auc             double precision,
    fit_present         bigint,
    fit_abroad          bigint,
    precision_emigrated double precision,
    recall_emigrated    double precision,
    count_error         double precision
);

CREATE TABLE residency_cell (
    run_id     uuid        NOT NULL REFERENCES residency_run (id) ON DELETE CASCADE,
    dimension  varchar(10) NOT NULL CHECK (dimension IN ('TOTAL', 'REGION', 'AGE_GROUP', 'SEX', 'ISCED', 'ISCO')),
    code       varchar(8)  NOT NULL,
    persons    bigint      NOT NULL,
    emigrated  bigint      NOT NULL,
    official   bigint      NOT NULL,
    uncertain  bigint      NOT NULL,
    low        double precision NOT NULL,
    high       double precision NOT NULL,
    truth      bigint,
    PRIMARY KEY (run_id, dimension, code)
);
