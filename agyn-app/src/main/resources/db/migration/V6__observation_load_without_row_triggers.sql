-- Foreign keys on wh_observation fire one trigger per row and per key: measured on a 420,000-row COPY they
-- doubled the load time (5.1 s against 2.4 s). Every row's version is created in the same transaction as the
-- load and every indicator is checked during validation before anything is written, and neither versions nor
-- indicators are ever deleted, so the keys guarded nothing the import does not already guarantee.
-- See docs/decisions/0007-observations-without-foreign-keys.md.
ALTER TABLE wh_observation DROP CONSTRAINT wh_observation_version_id_fkey;
ALTER TABLE wh_observation DROP CONSTRAINT wh_observation_indicator_fkey;
