-- Forecasts (issue 18): each stored forecast names the series it forecast and the dataset version it read, so that
-- it can be told apart from one made after a new version was imported, and reproduced (docs/decisions/0037).
-- A batch (a FORECAST job) writes one row per series; job_id ties them to it.
CREATE TABLE forecast (
    id               bigserial PRIMARY KEY,
    job_id           uuid,
    created_at       timestamptz NOT NULL DEFAULT now(),
    created_by       text        NOT NULL,
    indicator        text        NOT NULL,
    -- The dimension codes that pick the series, e.g. {"REGION": "000000000", "OCCUPATION": "2", ...}.
    filters          jsonb       NOT NULL,
    dataset          text        NOT NULL,
    dataset_version  integer     NOT NULL,
    last_period      text        NOT NULL,
    horizon          integer     NOT NULL CHECK (horizon > 0),
    method_asked     text        NOT NULL,
    method           text,
    -- Periods, point forecasts and 80/95% bounds, the model and the backtest; null with a message code when the
    -- series could not be forecast.
    result           jsonb,
    error            text
);
CREATE INDEX forecast_job ON forecast (job_id) WHERE job_id IS NOT NULL;
CREATE INDEX forecast_series ON forecast (indicator, created_at DESC);
