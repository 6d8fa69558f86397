-- What the pages show is computed once per *generation* of the data it reads and kept in memory until the data
-- change (issue 22, decision 0042). A generation is a number per domain that grows by one with every committed
-- transaction that changed a table of the domain, whichever process wrote it (the web application, the command
-- line, psql). It must become visible exactly when the change does, never before: a reader that saw a new number
-- with old rows would keep the old figures under the new number. So it is not a sequence (nextval is seen before
-- the commit) and not one counter row (every writer of a domain would wait for the others' commit on its lock):
-- each writing transaction adds one row of its own to data_change (no lock shared with other writers), visible at
-- its commit, and a domain's generation is `folded` plus the count of its rows. Now and then the rows are folded
-- into data_generation.folded in one statement, which leaves the sum unchanged.
CREATE TABLE data_generation (
    domain varchar(32) PRIMARY KEY,
    folded bigint NOT NULL DEFAULT 0
);
COMMENT ON TABLE data_generation IS 'Generation of each data domain: folded + count(data_change rows of the domain).';

CREATE TABLE data_change (
    domain varchar(32) NOT NULL REFERENCES data_generation (domain),
    txid bigint NOT NULL,
    PRIMARY KEY (domain, txid)
);
COMMENT ON TABLE data_change IS 'One row per committed writing transaction and domain, until folded into data_generation.';

INSERT INTO data_generation (domain) VALUES ('warehouse'), ('reference'), ('note'), ('registry'), ('survey');

CREATE FUNCTION data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO data_change (domain, txid) VALUES (TG_ARGV[0], txid_current()) ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

DO $$
DECLARE
    t record;
BEGIN
    FOR t IN
        SELECT c.relname AS name,
               CASE
                   WHEN c.relname LIKE 'wh\_%' THEN 'warehouse'
                   WHEN c.relname LIKE 'reg\_%' THEN 'registry'
                   WHEN c.relname LIKE 'survey%' THEN 'survey'
                   WHEN c.relname IN ('note_figure', 'note_figure_contradiction', 'contradiction', 'source_document')
                       THEN 'note'
                   ELSE 'reference'
               END AS domain
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
          AND (c.relname LIKE 'wh\_%' OR c.relname LIKE 'reg\_%' OR c.relname LIKE 'survey%'
               OR c.relname IN ('note_figure', 'note_figure_contradiction', 'contradiction', 'source_document',
                                'region', 'country', 'currency', 'occupation', 'education_level', 'dataset',
                                'reference_source'))
          -- Work in progress that no page figure reads: a file being checked, an import run's report.
          AND c.relname NOT IN ('wh_import', 'reg_import_run', 'survey_import')
    LOOP
        EXECUTE format('CREATE TRIGGER data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                       || 'FOR EACH STATEMENT EXECUTE FUNCTION data_changed(%L)', t.name, t.domain);
    END LOOP;
END $$;
