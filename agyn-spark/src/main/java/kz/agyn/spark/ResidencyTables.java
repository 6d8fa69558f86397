package kz.agyn.spark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import kz.agyn.residency.engine.Period;
import kz.agyn.residency.estimator.Cell;
import kz.agyn.residency.estimator.Fit;

/**
 * Writes a run's calibration and aggregates into Agyn's own tables {@code residency_run} and {@code residency_cell}
 * (agyn-app's migration V230), as the application's {@code ResidencyRepository} does, in one transaction: the run is
 * stored finished with all its cells, or not at all. Only aggregates leave the cluster, never a person's verdict.
 * Plain JDBC from the driver: a run has a few hundred cells.
 */
public final class ResidencyTables {

    private ResidencyTables() {
    }

    /** Stores the run and returns its id; {@code seed} is 0 for extracts read from files. */
    public static UUID write(String url, String user, String password, String startedBy, long seed, Period period,
                             HiddenEmigrationJob.Result result) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection con = DriverManager.getConnection(url, user, password)) {
            con.setAutoCommit(false);
            try {
                insert(con, id, startedBy, seed, period, result);
                con.commit();
            } catch (SQLException | RuntimeException e) {
                con.rollback();
                throw e;
            }
        }
        return id;
    }

    private static void insert(Connection con, UUID id, String startedBy, long seed, Period period,
                               HiddenEmigrationJob.Result result) throws SQLException {
        Fit f = result.fit();
        try (PreparedStatement ps = con.prepareStatement("INSERT INTO residency_run (id, started_by, persons, seed, "
                + "period_start, months, finished_at, fit_intercept, fit_weights, fit_standard_errors, "
                + "fit_log_likelihood, fit_null_log_likelihood, fit_auc, fit_present, fit_abroad) "
                + "VALUES (?, ?, ?, ?, ?, ?, now(), ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, startedBy);
            ps.setLong(3, result.persons());
            ps.setLong(4, seed);
            ps.setObject(5, LocalDate.of(period.start().getYear(), period.start().getMonth(), 1));
            ps.setInt(6, period.months());
            ps.setDouble(7, f.intercept());
            ps.setArray(8, doubles(con, f.weights()));
            ps.setArray(9, doubles(con, f.standardErrors()));
            ps.setDouble(10, f.logLikelihood());
            ps.setDouble(11, f.nullLogLikelihood());
            ps.setDouble(12, f.auc());
            ps.setLong(13, f.present());
            ps.setLong(14, f.abroad());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = con.prepareStatement("INSERT INTO residency_cell (run_id, dimension, code, "
                + "persons, emigrated, official, uncertain, low, high, truth) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Cell c : result.cells()) {
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
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static java.sql.Array doubles(Connection con, double[] values) throws SQLException {
        Double[] boxed = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return con.createArrayOf("float8", boxed);
    }
}
