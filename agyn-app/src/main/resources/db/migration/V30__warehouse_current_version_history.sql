-- Which version of each dataset is current, kept as a history. Until now the current version was simply the
-- latest import, so an analyst could not go back when a publisher withdrew a revision, and re-uploading the
-- earlier file (recognised by its hash) changed nothing. Now an import makes its version current and an
-- ADMIN or ANALYST may make an earlier one current again; "the data as published at time t" is the version that
-- was current at t, so going back never rewrites what the explorer showed before. Rows are only ever added.
CREATE TABLE wh_current_change (
    id          bigserial   PRIMARY KEY,
    dataset_id  integer     NOT NULL REFERENCES wh_dataset (id),
    version_id  integer     NOT NULL REFERENCES wh_version (id),
    changed_at  timestamptz NOT NULL DEFAULT now(),
    changed_by  varchar(64),
    reason      varchar(10) NOT NULL CHECK (reason IN ('IMPORT', 'RESTORE'))
);
CREATE INDEX wh_current_change_dataset ON wh_current_change (dataset_id, changed_at DESC, id DESC);

-- Every version imported so far became current when it was imported.
INSERT INTO wh_current_change (dataset_id, version_id, changed_at, changed_by, reason)
SELECT dataset_id, id, imported_at, imported_by, 'IMPORT' FROM wh_version ORDER BY dataset_id, version;

-- Same columns as before (V5), so every query reading the current versions keeps working.
CREATE OR REPLACE VIEW wh_current_version AS
SELECT DISTINCT ON (c.dataset_id) v.id, v.dataset_id, v.version, v.imported_at
FROM wh_current_change c JOIN wh_version v ON v.id = c.version_id
ORDER BY c.dataset_id, c.changed_at DESC, c.id DESC;
