package kz.agyn.warehouse.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * The rows of an import being checked, written with COPY into a table of their own while the file is read
 * (decision 0050): the database stores and indexes them on one core while the check runs on the other. The table
 * ({@code wh_observation_v<id>}, made by {@code wh_stage}) is not a partition of {@code wh_observation}, so no query
 * sees its rows; accepting the import attaches it in the accept's own transaction. Everything here runs in one
 * transaction on a connection of its own: a check that finds a problem, fails or is cancelled {@link #close}s
 * without {@link #commit}, and nothing of it remains.
 */
public final class StagedVersion implements AutoCloseable {

    private final Connection connection;
    private final UUID importId;
    private final int versionId;
    private final ObservationCopier copier;
    private boolean open = true;

    private StagedVersion(Connection connection, UUID importId, int versionId, ObservationCopier copier) {
        this.connection = connection;
        this.importId = importId;
        this.versionId = versionId;
        this.copier = copier;
    }

    /** The table staging a version's rows. */
    static String table(int versionId) {
        return "wh_observation_v" + versionId;
    }

    /** Starts staging the rows of an import that is VALIDATING, replacing what an earlier check staged. */
    public static StagedVersion begin(DataSource dataSource, UUID importId) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            int versionId;
            try (PreparedStatement s = connection.prepareStatement("SELECT wh_stage(?)")) {
                s.setObject(1, importId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    versionId = rs.getInt(1);
                }
            }
            return new StagedVersion(connection, importId, versionId,
                    ObservationCopier.staged(connection, versionId));
        } catch (SQLException | RuntimeException e) {
            rollbackAndClose(connection);
            throw e;
        }
    }

    public void add(Obs o) {
        copier.add(o);
    }

    public int versionId() {
        return versionId;
    }

    /** Rows that reached the staged table out of the key's order (decision 0055): 0 when the window ordered all. */
    public long outOfOrder() {
        return copier.outOfOrder();
    }

    /**
     * Ends the COPY, checks that the database took exactly {@code rows} rows, builds the table's indexes and
     * commits. Anything else leaves nothing staged.
     */
    public void commit(long rows) throws SQLException {
        long taken = copier.finish();
        if (taken != rows) {
            throw new IllegalStateException("COPY took " + taken + " rows of " + rows);
        }
        if (copier.outOfOrder() == 0) {
            // Rows in key order: PostgreSQL's sort sees that in one pass, and parallel workers would only add their
            // merge (a million rows: 0.9 s alone against 1.2 s with two workers; out of order, workers halve it).
            try (Statement s = connection.createStatement()) {
                s.execute("SET LOCAL max_parallel_maintenance_workers = 0");
            }
        }
        try (PreparedStatement s = connection.prepareStatement("SELECT wh_stage_indexes(?)")) {
            s.setObject(1, importId);
            s.execute();
        }
        connection.commit();
        open = false;
    }

    @Override
    public void close() {
        copier.close();
        if (open) {
            rollbackAndClose(connection);
        } else {
            try {
                connection.close();
            } catch (SQLException e) {
                // committed already; the pool discards a broken connection
            }
        }
    }

    private static void rollbackAndClose(Connection connection) {
        try (connection) {
            connection.rollback();
        } catch (SQLException e) {
            // closing the connection discards the transaction all the same
        }
    }
}
