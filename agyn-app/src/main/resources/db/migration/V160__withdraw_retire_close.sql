-- Undoing what was accepted (issue 16), without deleting anything from the history (decisions 0006, 0017, 0033).

-- An accepted warehouse import can be withdrawn by an ADMIN: its version is marked withdrawn (who, when, why) and,
-- if it was current, a new version without its observations becomes current. The version's rows stay, so "as
-- published at t" before the withdrawal still reads them.
ALTER TABLE wh_import DROP CONSTRAINT wh_import_status_check;
ALTER TABLE wh_import ADD CONSTRAINT wh_import_status_check CHECK (status IN ('VALIDATING', 'VALID', 'INVALID',
    'ACCEPTING', 'ACCEPTED', 'CANCELLED', 'FAILED', 'INTERRUPTED', 'WITHDRAWN'));
ALTER TABLE wh_import ADD COLUMN withdrawn_at timestamptz;
ALTER TABLE wh_import ADD COLUMN withdrawn_by varchar(64);
ALTER TABLE wh_import ADD COLUMN withdrawn_reason text;

ALTER TABLE wh_version ADD COLUMN withdrawn_at timestamptz;
ALTER TABLE wh_version ADD COLUMN withdrawn_by varchar(64);
ALTER TABLE wh_version ADD COLUMN withdrawn_reason text;

ALTER TABLE wh_current_change DROP CONSTRAINT wh_current_change_reason_check;
ALTER TABLE wh_current_change ADD CONSTRAINT wh_current_change_reason_check
    CHECK (reason IN ('IMPORT', 'RESTORE', 'WITHDRAW'));

-- A retired dataset is left out of what the explorer, the metrics and the exports read by default; named
-- explicitly it still answers, and its page says it is retired. Reinstating clears the three columns.
ALTER TABLE wh_dataset ADD COLUMN retired_at timestamptz;
ALTER TABLE wh_dataset ADD COLUMN retired_by varchar(64);
ALTER TABLE wh_dataset ADD COLUMN retired_reason text;

-- A closed survey takes no more answers (public form, links, response files); its results stay readable.
ALTER TABLE survey ADD COLUMN closed_at timestamptz;
ALTER TABLE survey ADD COLUMN closed_by varchar(64);
ALTER TABLE survey ADD COLUMN closed_reason text;
