package kz.agyn.residency.internal;

import java.sql.Array;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.agyn.residency.ResidencyRun;
import kz.agyn.residency.StoredCell;
import kz.agyn.residency.RunSource;
import kz.agyn.residency.StoredFit;
import kz.agyn.residency.engine.ExtractProblem;
import kz.agyn.residency.estimator.Accuracy;
import kz.agyn.residency.estimator.Cell;
import kz.agyn.residency.estimator.Estimate;
import kz.agyn.residency.estimator.Fit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Runs and their aggregates in {@code residency_run} and {@code residency_cell} (V230, V250). */
@Repository
public class ResidencyRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    public ResidencyRepository(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    public void insertRun(UUID id, String startedBy, int persons, long seed, LocalDate periodStart, int months) {
        jdbc.sql("INSERT INTO residency_run (id, started_by, persons, seed, period_start, months) "
                + "VALUES (?, ?, ?, ?, ?, ?)").params(id, startedBy, persons, seed, periodStart, months).update();
    }

    /** A run over uploaded extracts: its persons are known once the files are read. */
    public void insertUpload(UUID id, String startedBy, LocalDate periodStart, int months) {
        jdbc.sql("INSERT INTO residency_run (id, source, started_by, period_start, months) VALUES (?, 'UPLOAD', ?, ?, ?)")
                .params(id, startedBy, periodStart, months).update();
    }

    /** The dataset and version a run's estimate was last published as. */
    public void published(UUID id, String dataset, int version) {
        jdbc.sql("UPDATE residency_run SET published_dataset = ?, published_version = ? WHERE id = ?")
                .params(dataset, version, id).update();
    }

    public void persons(UUID id, int persons) {
        jdbc.sql("UPDATE residency_run SET persons = ? WHERE id = ?").params(persons, id).update();
    }

    /** Records why an upload was refused: each problem's file, line, message code and arguments. */
    public void refuse(UUID id, List<ExtractProblem> problems) {
        ArrayNode list = json.createArrayNode();
        for (ExtractProblem p : problems) {
            ObjectNode o = list.addObject();
            o.put("file", p.file());
            o.put("line", p.line());
            o.put("code", p.code());
            ArrayNode details = o.putArray("details");
            p.details().forEach(d -> details.add(String.valueOf(d)));
        }
        jdbc.sql("UPDATE residency_run SET problems = CAST(? AS jsonb) WHERE id = ?")
                .params(json.writeValueAsString(list), id).update();
    }

    private List<ExtractProblem> problems(String stored) {
        if (stored == null) {
            return List.of();
        }
        List<ExtractProblem> out = new java.util.ArrayList<>();
        for (JsonNode o : json.readTree(stored)) {
            List<Object> details = new java.util.ArrayList<>();
            o.path("details").forEach(d -> details.add(d.asString()));
            out.add(new ExtractProblem(o.path("file").asString(), o.path("line").asLong(), o.path("code").asString(),
                    details));
        }
        return out;
    }

    /** Stores the fit, the accuracy and every aggregate, and marks the run finished, in one transaction. */
    @Transactional
    public void finish(UUID id, Estimate estimate) {
        Fit f = estimate.fit();
        Accuracy a = estimate.accuracy().orElse(null);
        template.update(con -> {
            var ps = con.prepareStatement("UPDATE residency_run SET finished_at = now(), fit_intercept = ?, "
                    + "fit_weights = ?, fit_standard_errors = ?, fit_log_likelihood = ?, fit_null_log_likelihood = ?, "
                    + "fit_auc = ?, fit_present = ?, fit_abroad = ?, precision_emigrated = ?, recall_emigrated = ?, "
                    + "count_error = ? WHERE id = ?");
            ps.setDouble(1, f.intercept());
            ps.setArray(2, doubles(con, f.weights()));
            ps.setArray(3, doubles(con, f.standardErrors()));
            ps.setDouble(4, f.logLikelihood());
            ps.setDouble(5, f.nullLogLikelihood());
            ps.setDouble(6, f.auc());
            ps.setLong(7, f.present());
            ps.setLong(8, f.abroad());
            ps.setObject(9, a == null ? null : a.precision());
            ps.setObject(10, a == null ? null : a.recall());
            ps.setObject(11, a == null ? null : a.countError());
            ps.setObject(12, id);
            return ps;
        });
        List<Cell> cells = estimate.cells();
        template.batchUpdate("INSERT INTO residency_cell (run_id, dimension, code, persons, emigrated, official, "
                + "uncertain, low, high, truth) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", cells, 500, (ps, c) -> {
                    ps.setObject(1, id);
                    ps.setString(2, c.dimension().name());
                    ps.setString(3, c.code());
                    ps.setLong(4, c.persons());
                    ps.setLong(5, c.emigrated());
                    ps.setLong(6, c.official());
                    ps.setLong(7, c.uncertain());
                    ps.setDouble(8, c.low());
                    ps.setDouble(9, c.high());
                    ps.setObject(10, c.truth() < 0 ? null : c.truth());
                });
    }

    public void discard(UUID id) {
        jdbc.sql("DELETE FROM residency_run WHERE id = ?").param(id).update();
    }

    public Optional<ResidencyRun> run(UUID id) {
        return jdbc.sql("SELECT id, source, started_by, persons, seed, period_start, months, "
                        + "finished_at IS NOT NULL AS done, fit_auc, precision_emigrated, recall_emigrated, count_error, "
                        + "problems::text AS problems, published_dataset, published_version FROM residency_run "
                        + "WHERE id = ?")
                .param(id)
                .query((rs, i) -> new ResidencyRun(rs.getObject("id", UUID.class),
                        RunSource.valueOf(rs.getString("source")), rs.getString("started_by"),
                        (Integer) rs.getObject("persons"), (Long) rs.getObject("seed"),
                        rs.getObject("period_start", LocalDate.class), rs.getInt("months"), rs.getBoolean("done"),
                        (Double) rs.getObject("fit_auc"), (Double) rs.getObject("precision_emigrated"),
                        (Double) rs.getObject("recall_emigrated"), (Double) rs.getObject("count_error"),
                        problems(rs.getString("problems")), rs.getString("published_dataset"),
                        (Integer) rs.getObject("published_version")))
                .optional();
    }

    public List<StoredCell> cells(UUID id) {
        return jdbc.sql("SELECT dimension, code, persons, emigrated, official, uncertain, low, high, truth "
                        + "FROM residency_cell WHERE run_id = ? ORDER BY dimension, code").param(id)
                .query((rs, i) -> new StoredCell(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getDouble(7), rs.getDouble(8), (Long) rs.getObject(9)))
                .list();
    }

    /** The newest runs first (at most {@code limit}). */
    public List<ResidencyRun> runs(int limit) {
        return jdbc.sql("SELECT id FROM residency_run ORDER BY started_at DESC, id LIMIT ?").param(limit)
                .query(UUID.class).list().stream().map(this::run).flatMap(Optional::stream).toList();
    }

    /** A finished run's calibration, as stored; empty while it runs. */
    public Optional<StoredFit> fit(UUID id) {
        return jdbc.sql("SELECT fit_intercept, fit_weights, fit_standard_errors, fit_log_likelihood, "
                        + "fit_null_log_likelihood, fit_auc, fit_present, fit_abroad FROM residency_run "
                        + "WHERE id = ? AND fit_weights IS NOT NULL").param(id)
                .query((rs, i) -> new StoredFit(rs.getDouble(1), unboxed(rs.getArray(2)), unboxed(rs.getArray(3)),
                        rs.getDouble(4), rs.getDouble(5), rs.getDouble(6), rs.getLong(7), rs.getLong(8)))
                .optional();
    }

    private static double[] unboxed(Array array) throws java.sql.SQLException {
        Object[] values = (Object[]) array.getArray();
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = ((Number) values[i]).doubleValue();
        }
        return out;
    }

    private static Array doubles(Connection con, double[] values) throws java.sql.SQLException {
        Double[] boxed = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return con.createArrayOf("float8", boxed);
    }
}
