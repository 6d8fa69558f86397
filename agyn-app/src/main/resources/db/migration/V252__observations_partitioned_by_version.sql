-- Decision 0050: wh_observation is partitioned by version. Validation writes the rows it checked into a table of
-- their own while it reads the file, and builds that table's indexes once; accept attaches the table as the new
-- version's partition, in the same transaction as the version's row and the import's ACCEPTED status. Until then
-- no query of wh_observation sees the rows. The application's role owns nothing (decision 0011), so the steps that
-- create, index, attach and drop tables are functions run as their owner, each doing only that one thing.

ALTER TABLE wh_observation RENAME TO wh_observation_before_v244;
ALTER INDEX wh_observation_key RENAME TO wh_observation_before_v244_key;
ALTER INDEX wh_observation_indicator RENAME TO wh_observation_before_v244_indicator;
-- Partition pruning finds a version's rows now; the key index (version_id first) serves the older rows.
DROP INDEX wh_observation_version_brin;

CREATE TABLE wh_observation (LIKE wh_observation_before_v244 INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
    PARTITION BY LIST (version_id);
CREATE UNIQUE INDEX wh_observation_key ON wh_observation
    (version_id, indicator, period, region, occupation, education, country, sex, age, flow);
CREATE INDEX wh_observation_indicator ON wh_observation (indicator, period_start);

-- The rows imported so far become one partition holding all their versions (its indexes are taken over as they are).
DO $$
DECLARE
    versions text;
BEGIN
    SELECT string_agg(DISTINCT version_id::text, ',') INTO versions FROM wh_observation_before_v244;
    IF versions IS NULL THEN
        DROP TABLE wh_observation_before_v244;
    ELSE
        EXECUTE format('ALTER TABLE wh_observation ATTACH PARTITION wh_observation_before_v244 FOR VALUES IN (%s)',
                       versions);
    END IF;
END $$;

-- The checked rows of an import waiting for its acceptance: in table wh_observation_v<version_id>, not yet a
-- partition. The version id is taken from wh_version's sequence when the check starts, so that the rows carry it.
CREATE TABLE wh_staged_version (
    import_id  uuid PRIMARY KEY,
    version_id integer NOT NULL UNIQUE,
    staged_at  timestamptz NOT NULL DEFAULT now()
);

-- Drops the import's staged rows, if any. A staged table stops being staged only by wh_attach_staged, which forgets
-- it in the same transaction; the partition check is a second guard that a version's rows are never dropped.
CREATE FUNCTION wh_unstage(p_import uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v integer;
BEGIN
    DELETE FROM wh_staged_version WHERE import_id = p_import RETURNING version_id INTO v;
    IF v IS NOT NULL AND EXISTS (SELECT 1 FROM pg_class WHERE relname = 'wh_observation_v' || v
                                   AND relnamespace = 'public'::regnamespace AND NOT relispartition) THEN
        EXECUTE format('DROP TABLE %I', 'wh_observation_v' || v);
    END IF;
END $$;

-- A new, empty table for the import's checked rows (replacing any earlier one); returns the version id they carry.
-- Meant for the transaction that then fills it with COPY (… FREEZE, which a table made in the same transaction allows).
CREATE FUNCTION wh_stage(p_import uuid) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v integer;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM wh_import WHERE id = p_import
                   AND status NOT IN ('ACCEPTED', 'ACCEPTING', 'WITHDRAWN')) THEN
        RAISE EXCEPTION 'import % cannot be checked', p_import;
    END IF;
    PERFORM wh_unstage(p_import);
    v := nextval(pg_get_serial_sequence('wh_version', 'id'));
    EXECUTE format('CREATE TABLE %I (LIKE wh_observation INCLUDING DEFAULTS INCLUDING CONSTRAINTS, '
                   'CONSTRAINT %I CHECK (version_id = %s))', 'wh_observation_v' || v, 'wh_observation_v' || v || '_version', v);
    INSERT INTO wh_staged_version (import_id, version_id) VALUES (p_import, v);
    RETURN v;
END $$;

-- Builds the staged table's indexes, once, after its rows are in: the same indexes as wh_observation's, so that the
-- attach takes them over instead of building them. Sorting a million keys once costs a fraction of inserting them
-- one by one into a B-tree.
CREATE FUNCTION wh_stage_indexes(p_import uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET maintenance_work_mem = '256MB' AS $$
DECLARE
    t text;
BEGIN
    SELECT 'wh_observation_v' || version_id INTO STRICT t FROM wh_staged_version WHERE import_id = p_import;
    EXECUTE format('CREATE UNIQUE INDEX ON %I (version_id, indicator, period, region, occupation, education, country, '
                   'sex, age, flow)', t);
    EXECUTE format('CREATE INDEX ON %I (indicator, period_start)', t);
END $$;

-- Makes the import's staged rows the partition of their version; the version's row must exist (inserted in the same
-- transaction by the accept). Its CHECK constraint proves the partition's bound, so nothing is scanned.
CREATE FUNCTION wh_attach_staged(p_import uuid) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v integer;
BEGIN
    SELECT version_id INTO STRICT v FROM wh_staged_version WHERE import_id = p_import FOR UPDATE;
    IF NOT EXISTS (SELECT 1 FROM wh_version WHERE id = v) THEN
        RAISE EXCEPTION 'version % is not recorded', v;
    END IF;
    EXECUTE format('ALTER TABLE wh_observation ATTACH PARTITION %I FOR VALUES IN (%s)', 'wh_observation_v' || v, v);
    DELETE FROM wh_staged_version WHERE import_id = p_import;
    RETURN v;
END $$;

-- An empty partition for a version written through wh_observation itself (a withdrawal's replacement, an import
-- checked before this migration).
CREATE FUNCTION wh_observation_partition(p_version integer) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM wh_version WHERE id = p_version) THEN
        RAISE EXCEPTION 'version % is not recorded', p_version;
    END IF;
    IF to_regclass('public.wh_observation_v' || p_version) IS NULL THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF wh_observation FOR VALUES IN (%s)', 'wh_observation_v' || p_version,
                       p_version);
    END IF;
END $$;
