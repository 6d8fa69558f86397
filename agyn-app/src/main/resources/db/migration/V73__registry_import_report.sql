-- Issue 14: a finished registry import's report, its problems untranslated (kz.agyn.platform.problems.Problem,
-- put into each reader's language when shown), with the counts its progress ended on. Kept with the run so that
-- the report is read after the process that ran it forgot it, or restarted, as the job's record is. The problems
-- name files, rows, columns and message codes with their arguments (codes, counts), never a row's content.
ALTER TABLE reg_import_run ADD COLUMN report jsonb;
