-- Hidden emigration (issue 20): runs over register extracts uploaded by an analyst, beside the synthetic ones.
-- An uploaded run knows its number of persons only once its files are read, and has no seed; a refused upload keeps
-- its located problems (file, line, message code and arguments: never a value from a person's row) and nothing else.
ALTER TABLE residency_run ADD COLUMN source varchar(10) NOT NULL DEFAULT 'SYNTHETIC'
    CHECK (source IN ('SYNTHETIC', 'UPLOAD'));
ALTER TABLE residency_run ALTER COLUMN persons DROP NOT NULL;
ALTER TABLE residency_run ALTER COLUMN seed DROP NOT NULL;
ALTER TABLE residency_run ADD COLUMN problems jsonb;
ALTER TABLE residency_run ADD CONSTRAINT residency_run_synthetic_has_seed
    CHECK (source = 'UPLOAD' OR (seed IS NOT NULL AND persons IS NOT NULL));
