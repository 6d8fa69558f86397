package kz.agyn.forecast.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** SQL of the forecast table. */
@Repository
public class ForecastRepository {

    /** A stored forecast as listed: the series, the data version read, and the method or the error. */
    public record Stored(long id, UUID jobId, String indicator, Map<String, Object> filters, String dataset,
                         int datasetVersion, String lastPeriod, int horizon, String method, String error) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public ForecastRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public long insert(UUID jobId, String by, String indicator, Map<String, String> filters, String dataset,
                       int version, String lastPeriod, int horizon, String methodAsked, String method,
                       Object result, String error) {
        return jdbc.sql("""
                INSERT INTO forecast (job_id, created_by, indicator, filters, dataset, dataset_version, last_period,
                                      horizon, method_asked, method, result, error)
                VALUES (?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?) RETURNING id""")
                .params(jobId, by, indicator, json.writeValueAsString(filters), dataset, version, lastPeriod,
                        horizon, methodAsked, method, result == null ? null : json.writeValueAsString(result), error)
                .query(Long.class).single();
    }

    @SuppressWarnings("unchecked")
    public List<Stored> ofJob(UUID jobId) {
        return jdbc.sql("""
                SELECT id, job_id, indicator, filters::text AS filters, dataset, dataset_version, last_period, horizon,
                       method, error
                FROM forecast WHERE job_id = ? ORDER BY id""").param(jobId)
                .query((rs, i) -> new Stored(rs.getLong("id"), rs.getObject("job_id", UUID.class),
                        rs.getString("indicator"), json.readValue(rs.getString("filters"), Map.class),
                        rs.getString("dataset"), rs.getInt("dataset_version"), rs.getString("last_period"),
                        rs.getInt("horizon"), rs.getString("method"), rs.getString("error")))
                .list();
    }

    /** The stored result (periods, forecasts, model, backtest) of a forecast, as JSON text. */
    public String result(long id) {
        return jdbc.sql("SELECT result::text FROM forecast WHERE id = ?").param(id).query(String.class).optional()
                .orElse(null);
    }
}
