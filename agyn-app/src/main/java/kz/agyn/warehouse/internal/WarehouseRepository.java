package kz.agyn.warehouse.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kz.agyn.reference.Names;
import kz.agyn.warehouse.DatasetInfo;
import kz.agyn.warehouse.CurrentChange;
import kz.agyn.warehouse.DatasetPeriod;
import kz.agyn.warehouse.DatasetVersion;
import kz.agyn.warehouse.Dimension;
import kz.agyn.warehouse.Indicator;
import kz.agyn.warehouse.IndicatorKind;
import kz.agyn.warehouse.Observation;
import kz.agyn.warehouse.ObservationQuery;
import kz.agyn.warehouse.VersionDifference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the warehouse's datasets, versions, indicators and observations. */
@Repository
public class WarehouseRepository {

    static final Map<Dimension, String> COLUMN = Map.of(Dimension.REGION, "region", Dimension.OCCUPATION,
            "occupation", Dimension.EDUCATION, "education", Dimension.COUNTRY, "country", Dimension.SEX, "sex",
            Dimension.AGE, "age", Dimension.FLOW, "flow", Dimension.STATUS, "status", Dimension.PERIOD, "period");

    private final JdbcClient jdbc;

    public WarehouseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Indicator> indicators() {
        return jdbc.sql("SELECT * FROM wh_indicator ORDER BY code").query((rs, i) -> new Indicator(
                rs.getString("code"), names(rs, "name_"), rs.getString("unit"), rs.getString("per"),
                names(rs, "definition_"), IndicatorKind.valueOf(rs.getString("kind")), rs.getString("source")))
                .list();
    }

    public void insertIndicator(Indicator i) {
        jdbc.sql("""
                INSERT INTO wh_indicator (code, name_kk, name_ru, name_en, unit, per, definition_kk, definition_ru,
                                          definition_en, kind, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(i.code(), i.names().kk(), i.names().ru(), i.names().en(), i.unit(), i.per(),
                        i.definition() == null ? null : i.definition().kk(),
                        i.definition() == null ? null : i.definition().ru(),
                        i.definition() == null ? null : i.definition().en(), i.kind().name(), i.source())
                .update();
    }

    /** Replaces everything but the code; false when there is no such indicator. */
    public boolean updateIndicator(Indicator i) {
        return jdbc.sql("""
                UPDATE wh_indicator SET name_kk = ?, name_ru = ?, name_en = ?, unit = ?, per = ?, definition_kk = ?,
                       definition_ru = ?, definition_en = ?, kind = ?, source = ? WHERE code = ?""")
                .params(i.names().kk(), i.names().ru(), i.names().en(), i.unit(), i.per(),
                        i.definition() == null ? null : i.definition().kk(),
                        i.definition() == null ? null : i.definition().ru(),
                        i.definition() == null ? null : i.definition().en(), i.kind().name(), i.source(), i.code())
                .update() == 1;
    }

    /** Whether any observation, in any version, is of this indicator. */
    public boolean indicatorInUse(String code) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM wh_observation WHERE indicator = ?)").param(code)
                .query(Boolean.class).single();
    }

    public List<DatasetInfo> datasets() {
        return jdbc.sql("""
                SELECT d.*, v.version AS current_version, v.imported_at, v.row_count
                FROM wh_dataset d LEFT JOIN wh_current_version cv ON cv.dataset_id = d.id
                LEFT JOIN wh_version v ON v.id = cv.id
                ORDER BY d.code""").query(WarehouseRepository::dataset).list();
    }

    public Optional<DatasetInfo> dataset(String code) {
        return datasets().stream().filter(d -> d.code().equals(code)).findFirst();
    }

    public Optional<Integer> datasetId(String code) {
        return jdbc.sql("SELECT id FROM wh_dataset WHERE code = ?").param(code).query(Integer.class).optional();
    }

    public void insertDataset(String code, Names title, String publisher, String citation, String url,
                              String licence, boolean synthetic) {
        jdbc.sql("""
                INSERT INTO wh_dataset (code, title_kk, title_ru, title_en, publisher, citation, url, licence, synthetic)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(code, title.kk(), title.ru(), title.en(), publisher, citation, url, licence, synthetic)
                .update();
    }

    /** The version already holding exactly this file, if the dataset has one. */
    public Optional<Integer> versionWithFile(int datasetId, String sha256) {
        return jdbc.sql("SELECT version FROM wh_version WHERE dataset_id = ? AND file_sha256 = ?")
                .params(datasetId, sha256).query(Integer.class).optional();
    }

    /** Inserts the next version of the dataset (locking the dataset row so concurrent imports queue). */
    public int[] insertVersion(int datasetId, String importedBy, String fileName, String sha256, String format,
                               int rows) {
        return insertVersion(null, datasetId, importedBy, fileName, sha256, format, rows);
    }

    /**
     * As above, with the row's id given ({@code id} null: the next of the sequence): staged rows carry the id taken
     * for them when they were checked (decision 0050).
     */
    public int[] insertVersion(Integer givenId, int datasetId, String importedBy, String fileName, String sha256,
                               String format, int rows) {
        jdbc.sql("SELECT id FROM wh_dataset WHERE id = ? FOR UPDATE").param(datasetId).query(Integer.class).single();
        int version = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM wh_version WHERE dataset_id = ?")
                .param(datasetId).query(Integer.class).single();
        int id = jdbc.sql("""
                        INSERT INTO wh_version (id, dataset_id, version, imported_by, file_name, file_sha256, format,
                                                row_count)
                        VALUES (coalesce(?::integer, nextval(pg_get_serial_sequence('wh_version', 'id'))::integer),
                                ?, ?, ?, ?, ?, ?, ?)
                        RETURNING id""")
                .params(givenId, datasetId, version, importedBy, fileName, sha256, format, rows)
                .query(Integer.class).single();
        // A new import is current from its own import time (now(): the same instant as its imported_at).
        jdbc.sql("""
                        INSERT INTO wh_current_change (dataset_id, version_id, changed_at, changed_by, reason)
                        VALUES (?, ?, now(), ?, 'IMPORT')""")
                .params(datasetId, id, importedBy).update();
        return new int[] {id, version};
    }

    /** The partition of wh_observation for a version written through wh_observation itself (decision 0050). */
    public void partition(int versionId) {
        jdbc.sql("SELECT count(*) FROM wh_observation_partition(?)").param(versionId).query(Long.class).single();
    }

    public List<Observation> observations(ObservationQuery q) {
        List<Object> params = new ArrayList<>();
        String sql = select(q, params) + " ORDER BY o.indicator, o.period_start, o.period, o.region, o.occupation, "
                + "o.education, o.country, o.sex, o.age, o.flow, d.code LIMIT ? OFFSET ?";
        params.add(q.size());
        params.add((long) q.page() * q.size());
        return jdbc.sql(sql).params(params).query(WarehouseRepository::observation).list();
    }

    public long count(ObservationQuery q) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT count(*) FROM (" + select(q, params) + ") x";
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** Codes present for a dimension among the observations of an indicator (current versions). */
    public List<String> codes(String indicator, Dimension dimension, String dataset) {
        String column = COLUMN.get(dimension);
        // Missing observations are left out as in select(): a code the explorer's filters offer must have figures.
        // Retired datasets are left out, as in select() (decision 0033).
        return jdbc.sql("SELECT DISTINCT o." + column + " FROM wh_observation o JOIN wh_current_version v "
                        + "ON v.id = o.version_id JOIN wh_dataset d ON d.id = v.dataset_id "
                        + "WHERE o.indicator = ? AND o.value IS NOT NULL AND d.retired_at IS NULL "
                        + "AND (CAST(? AS text) IS NULL OR d.code = ?) ORDER BY 1")
                .params(indicator, dataset, dataset).query(String.class).list();
    }

    /** The datasets and periods whose current versions hold an indicator; latest period first. */
    public List<DatasetPeriod> periods(String indicator) {
        // Likewise: a dataset or period offered for an indicator must have figures, not only missing observations.
        return jdbc.sql("""
                        SELECT d.code, o.period, count(*) FROM wh_observation o
                        JOIN wh_current_version v ON v.id = o.version_id JOIN wh_dataset d ON d.id = v.dataset_id
                        WHERE o.indicator = ? AND o.value IS NOT NULL AND d.retired_at IS NULL
                        GROUP BY d.code, o.period, o.period_start
                        ORDER BY d.code, o.period_start DESC, o.period""")
                .param(indicator).query((rs, i) -> new DatasetPeriod(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    private static String select(ObservationQuery q, List<Object> params) {
        StringBuilder sql = new StringBuilder("WITH v AS (");
        if (q.version() != null) {
            // One version of one dataset, current or not (the caller has checked that it exists).
            sql.append("SELECT id, dataset_id, version FROM wh_version WHERE version = ? AND dataset_id = "
                    + "(SELECT id FROM wh_dataset WHERE code = ?)");
            params.add(q.version());
            params.add(q.dataset());
        } else {
            // The version each dataset had as current at the instant asked for, or now.
            sql.append("SELECT DISTINCT ON (c.dataset_id) v.id, v.dataset_id, v.version FROM wh_current_change c "
                    + "JOIN wh_version v ON v.id = c.version_id");
            if (q.asOf() != null) {
                sql.append(" WHERE c.changed_at <= ?");
                params.add(q.asOf());
            }
            sql.append(" ORDER BY c.dataset_id, c.changed_at DESC, c.id DESC");
        }
        // Missing observations (an SDMX message's "no figure here", kept with their status) are stored, but what
        // reads observations — the explorer, exports, metrics — works with figures.
        sql.append("""
                )
                SELECT o.*, d.code AS dataset, v.version FROM wh_observation o
                JOIN v ON v.id = o.version_id JOIN wh_dataset d ON d.id = v.dataset_id WHERE o.value IS NOT NULL""");
        if (q.indicator() != null) {
            sql.append(" AND o.indicator = ?");
            params.add(q.indicator());
        }
        for (Map.Entry<Dimension, String> f : q.filters().entrySet()) {
            String column = COLUMN.get(f.getKey());
            if (column != null && f.getValue() != null) {
                sql.append(" AND o.").append(column).append(" = ?");
                params.add(f.getValue());
            }
        }
        if (q.periodFrom() != null) {
            sql.append(" AND o.period_start >= ?");
            params.add(kz.agyn.kernel.Period.parse(q.periodFrom()).start());
        }
        if (q.periodTo() != null) {
            sql.append(" AND o.period_start <= ?");
            params.add(kz.agyn.kernel.Period.parse(q.periodTo()).start());
        }
        if (q.dataset() != null) {
            sql.append(" AND d.code = ?");
            params.add(q.dataset());
        } else {
            // A retired dataset answers only when it is named (decision 0033).
            sql.append(" AND d.retired_at IS NULL");
        }
        return sql.toString();
    }

    private static Observation observation(ResultSet rs, int i) throws SQLException {
        return new Observation(rs.getString("indicator"), rs.getString("period"), rs.getString("region"),
                rs.getString("occupation"), rs.getString("education"), rs.getString("country"),
                rs.getString("sex"), rs.getString("age"), rs.getString("flow"), rs.getBigDecimal("value"),
                rs.getInt("unit_mult"), rs.getString("status"), rs.getString("dataset"), rs.getInt("version"));
    }

    private static DatasetInfo dataset(ResultSet rs, int i) throws SQLException {
        return new DatasetInfo(rs.getString("code"), names(rs, "title_"), rs.getString("publisher"),
                rs.getString("citation"), rs.getString("url"), rs.getString("licence"), rs.getBoolean("synthetic"),
                (Integer) rs.getObject("current_version"), rs.getObject("imported_at", OffsetDateTime.class),
                rs.getLong("row_count"), undone(rs, "retired_"));
    }

    /** Who withdrew or retired something, when and why, from the columns {@code prefix}at, by, reason. */
    private static DatasetVersion.Withdrawal undone(ResultSet rs, String prefix) throws SQLException {
        OffsetDateTime at = rs.getObject(prefix + "at", OffsetDateTime.class);
        return at == null ? null : new DatasetVersion.Withdrawal(at, rs.getString(prefix + "by"),
                rs.getString(prefix + "reason"));
    }

    static Names names(ResultSet rs, String prefix) throws SQLException {
        String en = rs.getString(prefix + "en");
        return en == null ? null : new Names(rs.getString(prefix + "kk"), rs.getString(prefix + "ru"), en);
    }

    public Optional<Integer> versionIdOf(int datasetId, int version) {
        return jdbc.sql("SELECT id FROM wh_version WHERE dataset_id = ? AND version = ?").params(datasetId, version)
                .query(Integer.class).optional();
    }

    public Integer versionId(int datasetId, int version) {
        return jdbc.sql("SELECT id FROM wh_version WHERE dataset_id = ? AND version = ?").params(datasetId, version)
                .query(Integer.class).single();
    }

    /** Every version of a dataset, the current one marked, latest first. */
    public List<DatasetVersion> versions(int datasetId) {
        return jdbc.sql("""
                        SELECT v.version, v.imported_at, v.imported_by, v.file_name, v.format, v.row_count,
                               cv.id IS NOT NULL AS current, v.withdrawn_at, v.withdrawn_by, v.withdrawn_reason
                        FROM wh_version v LEFT JOIN wh_current_version cv ON cv.id = v.id
                        WHERE v.dataset_id = ? ORDER BY v.version DESC""")
                .param(datasetId)
                .query((rs, i) -> new DatasetVersion(rs.getInt("version"),
                        rs.getObject("imported_at", OffsetDateTime.class), rs.getString("imported_by"),
                        rs.getString("file_name"), rs.getString("format"), rs.getLong("row_count"),
                        rs.getBoolean("current"), undone(rs, "withdrawn_")))
                .list();
    }

    /** When each version became current, and who made it so, latest first. */
    public List<CurrentChange> currentChanges(int datasetId) {
        return jdbc.sql("""
                        SELECT v.version, c.changed_at, c.changed_by, c.reason FROM wh_current_change c
                        JOIN wh_version v ON v.id = c.version_id WHERE c.dataset_id = ?
                        ORDER BY c.changed_at DESC, c.id DESC""")
                .param(datasetId)
                .query((rs, i) -> new CurrentChange(rs.getInt("version"),
                        rs.getObject("changed_at", OffsetDateTime.class), rs.getString("changed_by"),
                        CurrentChange.Reason.valueOf(rs.getString("reason"))))
                .list();
    }

    /** Makes a version current again; the dataset row is locked so that an import or another restore queues. */
    public void makeCurrent(int datasetId, int versionId, String by) {
        jdbc.sql("SELECT id FROM wh_dataset WHERE id = ? FOR UPDATE").param(datasetId).query(Integer.class).single();
        jdbc.sql("""
                        INSERT INTO wh_current_change (dataset_id, version_id, changed_at, changed_by, reason)
                        VALUES (?, ?, clock_timestamp(), ?, 'RESTORE')""")
                .params(datasetId, versionId, by).update();
    }

    /** Locks the dataset's row, so that an import, a restore or a withdrawal of the same dataset queues. */
    public void lockDataset(int datasetId) {
        jdbc.sql("SELECT id FROM wh_dataset WHERE id = ? FOR UPDATE").param(datasetId).query(Integer.class).single();
    }

    /** The latest version below {@code version} that is not withdrawn: what the dataset was before that import. */
    public Optional<Integer> versionBefore(int datasetId, int version) {
        return jdbc.sql("""
                        SELECT version FROM wh_version WHERE dataset_id = ? AND version < ? AND withdrawn_at IS NULL
                        ORDER BY version DESC LIMIT 1""")
                .params(datasetId, version).query(Integer.class).optional();
    }

    /**
     * A new version holding a copy of another's observations ({@code fromVersionId} null: none), made current in
     * place of a withdrawn one; its id and number. The caller holds the dataset's lock.
     */
    public int[] insertReplacement(int datasetId, Integer fromVersionId, int withdrawnVersion, String by) {
        int version = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM wh_version WHERE dataset_id = ?")
                .param(datasetId).query(Integer.class).single();
        // No file: the name says what the version is; the "hash" only has to be unique within the dataset.
        int id = jdbc.sql("""
                        INSERT INTO wh_version (dataset_id, version, imported_by, file_name, file_sha256, format, row_count)
                        VALUES (?, ?, ?, ?, encode(sha256(convert_to(?, 'UTF8')), 'hex'), 'WITHDRAW', 0)
                        RETURNING id""")
                .params(datasetId, version, by, "(version " + withdrawnVersion + " withdrawn)",
                        "withdrawal " + datasetId + " " + withdrawnVersion + " " + version)
                .query(Integer.class).single();
        if (fromVersionId != null) {
            partition(id);
            int rows = jdbc.sql("""
                            INSERT INTO wh_observation (version_id, indicator, period, period_start, freq, region,
                                   occupation, education, country, sex, age, flow, value, unit_mult, status)
                            SELECT ?, indicator, period, period_start, freq, region, occupation, education, country,
                                   sex, age, flow, value, unit_mult, status FROM wh_observation WHERE version_id = ?""")
                    .params(id, fromVersionId).update();
            jdbc.sql("UPDATE wh_version SET row_count = ? WHERE id = ?").params(rows, id).update();
        }
        jdbc.sql("""
                        INSERT INTO wh_current_change (dataset_id, version_id, changed_at, changed_by, reason)
                        VALUES (?, ?, clock_timestamp(), ?, 'WITHDRAW')""")
                .params(datasetId, id, by).update();
        return new int[] {id, version};
    }

    public void markWithdrawn(int versionId, String by, String reason) {
        jdbc.sql("UPDATE wh_version SET withdrawn_at = now(), withdrawn_by = ?, withdrawn_reason = ? WHERE id = ?")
                .params(by, reason, versionId).update();
    }

    /** Whether the version is withdrawn. */
    public boolean withdrawn(int versionId) {
        return jdbc.sql("SELECT withdrawn_at IS NOT NULL FROM wh_version WHERE id = ?").param(versionId)
                .query(Boolean.class).single();
    }

    /** Whether the version is its dataset's current one. */
    public boolean isCurrent(int versionId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM wh_current_version WHERE id = ?)").param(versionId)
                .query(Boolean.class).single();
    }

    /** Retires a dataset ({@code by} null: reinstates it); false when it already was so. */
    public boolean retire(int datasetId, String by, String reason) {
        return by == null
                ? jdbc.sql("""
                        UPDATE wh_dataset SET retired_at = NULL, retired_by = NULL, retired_reason = NULL
                        WHERE id = ? AND retired_at IS NOT NULL""").param(datasetId).update() == 1
                : jdbc.sql("""
                        UPDATE wh_dataset SET retired_at = now(), retired_by = ?, retired_reason = ?
                        WHERE id = ? AND retired_at IS NULL""").params(by, reason, datasetId).update() == 1;
    }

    /**
     * Two versions' observations side by side on the observation key: added (only in {@code to}), removed (only in
     * {@code from}), changed (value, as scaled by its multiplier, or status differs) and, not listed, unchanged.
     * Whether a version has the observation is told by its row (version_id), not by its value: a missing SDMX
     * observation is a row without a value, and a figure that becomes missing, or the reverse, is a change.
     */
    private static final String COMPARE = """
            WITH a AS (SELECT * FROM wh_observation WHERE version_id = ?),
                 b AS (SELECT * FROM wh_observation WHERE version_id = ?),
                 j AS (SELECT indicator, period, region, occupation, education, country, sex, age, flow,
                              a.period_start AS a_start, b.period_start AS b_start,
                              a.value * power(10::numeric, a.unit_mult) AS before, a.status AS before_status,
                              b.value * power(10::numeric, b.unit_mult) AS after, b.status AS after_status,
                              CASE WHEN a.version_id IS NULL THEN 'ADDED' WHEN b.version_id IS NULL THEN 'REMOVED'
                                   WHEN a.value * power(10::numeric, a.unit_mult)
                                        IS DISTINCT FROM b.value * power(10::numeric, b.unit_mult)
                                        OR a.status <> b.status THEN 'CHANGED'
                                   ELSE 'UNCHANGED' END AS change
                       FROM a FULL JOIN b USING (indicator, period, region, occupation, education, country, sex,
                                                 age, flow))
            """;

    public Map<VersionDifference.Change, Long> compareCounts(int fromVersionId, int toVersionId) {
        Map<VersionDifference.Change, Long> counts = new java.util.EnumMap<>(VersionDifference.Change.class);
        for (VersionDifference.Change c : VersionDifference.Change.values()) {
            counts.put(c, 0L);
        }
        jdbc.sql(COMPARE + "SELECT change, count(*) FROM j GROUP BY change").params(fromVersionId, toVersionId)
                .query((rs, i) -> counts.put(VersionDifference.Change.valueOf(rs.getString(1)), rs.getLong(2)))
                .list();
        return counts;
    }

    public List<VersionDifference> differences(int fromVersionId, int toVersionId, int limit) {
        return jdbc.sql(COMPARE + """
                        SELECT * FROM j WHERE change <> 'UNCHANGED'
                        ORDER BY change, indicator, coalesce(a_start, b_start), period, region, occupation, education,
                                 country, sex, age, flow
                        LIMIT ?""")
                .params(fromVersionId, toVersionId, limit)
                .query((rs, i) -> new VersionDifference(VersionDifference.Change.valueOf(rs.getString("change")),
                        rs.getString("indicator"), rs.getString("period"), rs.getString("region"),
                        rs.getString("occupation"), rs.getString("education"), rs.getString("country"),
                        rs.getString("sex"), rs.getString("age"), rs.getString("flow"),
                        plain(rs.getBigDecimal("before")), rs.getString("before_status"),
                        plain(rs.getBigDecimal("after")), rs.getString("after_status")))
                .list();
    }

    /** The indicators a version holds. */
    public List<String> indicatorsOf(int versionId) {
        return jdbc.sql("SELECT DISTINCT indicator FROM wh_observation WHERE version_id = ? ORDER BY 1")
                .param(versionId).query(String.class).list();
    }

    private static java.math.BigDecimal plain(java.math.BigDecimal d) {
        if (d == null) {
            return null;
        }
        java.math.BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
