-- Transliteration-aware name search (docs/decisions/0031-transliteration-aware-name-index.md). Each scholar has
-- exactly three (last, first) key pairs: keyed hashes of the canonical Latin skeleton of the Kazakh, the Russian
-- and the Latin spelling, a missing or repeated spelling replaced by random bytes. The keys need the registry's
-- key, which the database never holds, so this migration only makes room: the re-index job
-- (kz.agyn.registry.keys.RegistryNameIndexJobs, run at start) fills the table for rows already recorded, and
-- name_keys_version tells which rows it has done (null: not yet).
CREATE TABLE reg_scholar_name_key (
    scholar_id bigint   NOT NULL REFERENCES reg_scholar (id),
    slot       smallint NOT NULL CHECK (slot BETWEEN 0 AND 2),
    last_key   bytea    NOT NULL,
    first_key  bytea    NOT NULL,
    PRIMARY KEY (scholar_id, slot)
);
CREATE INDEX reg_scholar_name_key_last ON reg_scholar_name_key (last_key);

ALTER TABLE reg_scholar ADD COLUMN name_keys_version smallint;
