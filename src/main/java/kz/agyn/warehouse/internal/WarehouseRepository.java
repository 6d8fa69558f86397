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
import kz.agyn.warehouse.DatasetPeriod;
import kz.agyn.warehouse.Dimension;
import kz.agyn.warehouse.Indicator;
import kz.agyn.warehouse.IndicatorKind;
import kz.agyn.warehouse.Observation;
import kz.agyn.warehouse.ObservationQuery;
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
        jdbc.sql("SELECT id FROM wh_dataset WHERE id = ? FOR UPDATE").param(datasetId).query(Integer.class).single();
        int version = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM wh_version WHERE dataset_id = ?")
                .param(datasetId).query(Integer.class).single();
        int id = jdbc.sql("""
                        INSERT INTO wh_version (dataset_id, version, imported_by, file_name, file_sha256, format, row_count)
                        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(datasetId, version, importedBy, fileName, sha256, format, rows).query(Integer.class).single();
        return new int[] {id, version};
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
    public List<String> codes(String indicator, Dimension dimension) {
        String column = COLUMN.get(dimension);
        return jdbc.sql("SELECT DISTINCT o." + column + " FROM wh_observation o JOIN wh_current_version v "
                        + "ON v.id = o.version_id WHERE o.indicator = ? ORDER BY 1")
                .param(indicator).query(String.class).list();
    }

    /** The datasets and periods whose current versions hold an indicator; latest period first. */
    public List<DatasetPeriod> periods(String indicator) {
        return jdbc.sql("""
                        SELECT d.code, o.period, count(*) FROM wh_observation o
                        JOIN wh_current_version v ON v.id = o.version_id JOIN wh_dataset d ON d.id = v.dataset_id
                        WHERE o.indicator = ? GROUP BY d.code, o.period, o.period_start
                        ORDER BY d.code, o.period_start DESC, o.period""")
                .param(indicator).query((rs, i) -> new DatasetPeriod(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    private static String select(ObservationQuery q, List<Object> params) {
        StringBuilder sql = new StringBuilder("""
                WITH v AS (SELECT DISTINCT ON (dataset_id) id, dataset_id, version FROM wh_version
                """);
        if (q.asOf() != null) {
            sql.append(" WHERE imported_at < ?");
            params.add(q.asOf().plusDays(1).atStartOfDay().atOffset(java.time.ZoneOffset.UTC));
        }
        sql.append("""
                 ORDER BY dataset_id, version DESC)
                SELECT o.*, d.code AS dataset, v.version FROM wh_observation o
                JOIN v ON v.id = o.version_id JOIN wh_dataset d ON d.id = v.dataset_id WHERE true""");
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
                rs.getLong("row_count"));
    }

    static Names names(ResultSet rs, String prefix) throws SQLException {
        String en = rs.getString(prefix + "en");
        return en == null ? null : new Names(rs.getString(prefix + "kk"), rs.getString(prefix + "ru"), en);
    }

    public Integer versionId(int datasetId, int version) {
        return jdbc.sql("SELECT id FROM wh_version WHERE dataset_id = ? AND version = ?").params(datasetId, version)
                .query(Integer.class).single();
    }
}
