-- Issue 13, "SDMX as agencies publish it": a refresh may fetch the dataflow's structure (its data structure definition
-- and code lists, `…/dataflow/AGENCY/ID/VERSION?references=all`) beside the data, so that the import names the codes
-- and reads areas and units through the agency's code lists (docs/formats/sdmx.md, docs/sources.md).
ALTER TABLE wh_dataset_source ADD COLUMN structure boolean NOT NULL DEFAULT false;
