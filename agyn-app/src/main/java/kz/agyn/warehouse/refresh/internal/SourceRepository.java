package kz.agyn.warehouse.refresh.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of {@code wh_dataset_source}: a dataset's source and its last refresh. */
@Repository
public class SourceRepository {

    /** A row as stored; enums as their names. */
    public record Stored(String dataset, String kind, String agency, String baseUrl, String flow, String key,
                         String startPeriod, String endPeriod, String format, String template, String updatedBy,
                         OffsetDateTime updatedAt, OffsetDateTime refreshedAt, String refreshedBy, String outcome,
                         UUID importId, String digest, boolean structure) {
    }

    private final JdbcClient jdbc;

    public SourceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The dataset's row id, when there is such a dataset. */
    public Optional<Integer> datasetId(String dataset) {
        return jdbc.sql("SELECT id FROM wh_dataset WHERE code = ?").param(dataset).query(Integer.class).optional();
    }

    public Optional<Stored> find(String dataset) {
        return jdbc.sql("""
                SELECT d.code, s.kind, s.agency, s.base_url, s.flow, s.series_key, s.start_period, s.end_period,
                       s.format, s.template, s.updated_by, s.updated_at, s.refreshed_at, s.refreshed_by,
                       s.refresh_outcome, s.refresh_import, s.refresh_digest, s.structure
                  FROM wh_dataset_source s JOIN wh_dataset d ON d.id = s.dataset_id
                 WHERE d.code = ?""").param(dataset).query(SourceRepository::row).optional();
    }

    /** Creates or replaces the source; what the last refresh found stays, since it is about the data. */
    public void save(int datasetId, String kind, String agency, String baseUrl, String flow, String key,
                     String startPeriod, String endPeriod, String format, String template, boolean structure,
                     String user) {
        jdbc.sql("""
                INSERT INTO wh_dataset_source (dataset_id, kind, agency, base_url, flow, series_key, start_period,
                                               end_period, format, template, structure, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (dataset_id) DO UPDATE SET kind = excluded.kind, agency = excluded.agency,
                    base_url = excluded.base_url, flow = excluded.flow, series_key = excluded.series_key,
                    start_period = excluded.start_period, end_period = excluded.end_period,
                    format = excluded.format, template = excluded.template, structure = excluded.structure,
                    updated_by = excluded.updated_by,
                    updated_at = now()""")
                .params(datasetId, kind, agency, baseUrl, flow, key, startPeriod, endPeriod, format, template,
                        structure, user)
                .update();
    }

    public boolean delete(int datasetId) {
        return jdbc.sql("DELETE FROM wh_dataset_source WHERE dataset_id = ?").param(datasetId).update() > 0;
    }

    /**
     * Records a refresh. {@code importId} and {@code digest} null keep the earlier ones: a refresh that failed, or
     * found nothing new, says nothing new about the data last imported.
     */
    public void refreshed(int datasetId, String user, String outcome, UUID importId, String digest) {
        jdbc.sql("""
                UPDATE wh_dataset_source SET refreshed_at = now(), refreshed_by = ?, refresh_outcome = ?,
                       refresh_import = coalesce(?, refresh_import), refresh_digest = coalesce(?, refresh_digest)
                 WHERE dataset_id = ?""").params(user, outcome, importId, digest, datasetId).update();
    }

    private static Stored row(ResultSet rs, int n) throws SQLException {
        return new Stored(rs.getString("code"), rs.getString("kind"), rs.getString("agency"),
                rs.getString("base_url"), rs.getString("flow"), rs.getString("series_key"),
                rs.getString("start_period"), rs.getString("end_period"), rs.getString("format"),
                rs.getString("template"), rs.getString("updated_by"), rs.getObject("updated_at", OffsetDateTime.class),
                rs.getObject("refreshed_at", OffsetDateTime.class), rs.getString("refreshed_by"),
                rs.getString("refresh_outcome"), rs.getObject("refresh_import", UUID.class),
                rs.getString("refresh_digest"), rs.getBoolean("structure"));
    }
}
