-- Issue 19, the policy blocks: an issued note keeps the scenarios chosen at issuing (the template's parameter
-- "scenarios", as written: shipped codes, names or numbers, comma-separated) and what it read besides the warehouse
-- (JSON {"runs": {scenarios named: run id}, "kpis": {measure: the KPI's figures as read}}), so that it is written
-- again from the same scenario runs and the same KPI figures, byte for byte.
ALTER TABLE note_issue ADD COLUMN scenarios text;
ALTER TABLE note_issue ADD COLUMN pins text NOT NULL DEFAULT '{}';
