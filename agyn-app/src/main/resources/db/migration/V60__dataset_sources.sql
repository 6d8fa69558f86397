-- Issue 13, "Refresh from the source": where a dataset's data are fetched from when an analyst refreshes it (page,
-- API, `agyn refresh DATASET`). One source per dataset. A refresh fetches the agency's message and imports it as a
-- new version through the same validation as an uploaded file (docs/sources.md).
CREATE TABLE wh_dataset_source (
    dataset_id        integer      PRIMARY KEY REFERENCES wh_dataset (id),
    -- The connector: an SDMX 2.1 REST web service, or the World Bank's Indicators API (v2, JSON).
    kind              varchar(20)  NOT NULL CHECK (kind IN ('SDMX_REST', 'WORLD_BANK')),
    -- A named agency of the catalogue (ESTAT, ILO, OECD, UNDATA, IMF, WB …), whose base address is the default.
    agency            varchar(40),
    -- The service's base address when it is not the agency's default (a mirror, a test server, a new address).
    base_url          text,
    -- SDMX: the dataflow (AGENCY,ID,VERSION or ID); World Bank: the indicator (SP.POP.TOTL).
    flow              text         NOT NULL,
    -- SDMX: the series key (A.KZ..T, empty for all); World Bank: the countries (KAZ;RUS, empty for all).
    series_key        text,
    start_period      varchar(20),
    end_period        varchar(20),
    -- SDMX: the message asked for (SDMX-ML 2.1 generic data, or SDMX-CSV).
    format            varchar(20),
    -- The import mapping template applied to what is fetched (wh_import_template.name), or none.
    template          varchar(100),
    updated_by        varchar(64)  NOT NULL,
    updated_at        timestamptz  NOT NULL DEFAULT now(),
    -- The last refresh: when, by whom, what came of it, the import it made (wh_import.id), and a digest of the
    -- message without its header (an SDMX-ML header carries the time it was prepared), so that the same data
    -- fetched again, once that import is the current version, is "nothing new".
    refreshed_at      timestamptz,
    refreshed_by      varchar(64),
    refresh_outcome   varchar(20),
    refresh_import    uuid,
    refresh_digest    char(64)
);
