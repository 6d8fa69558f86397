package kz.agyn.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells a job that is running from one whose process died (kill -9, a crash, a power cut) and left its row saying
 * "running". A running job holds a PostgreSQL advisory lock named after it, on a connection of its own, for as
 * long as it runs; PostgreSQL drops the lock when that connection ends, however its process ended. So a job
 * whose row says running but whose lock anyone can take was interrupted, and this holds whatever process asks:
 * a command started while the web application runs does not take the application's running import for a dead one.
 */
@Component
public class JobLocks {

    private static final Logger log = LoggerFactory.getLogger(JobLocks.class);
    private static final String KEY = "hashtext(?), hashtext(?)";

    private final DataSource dataSource;

    public JobLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Takes the lock of job {@code id} of {@code kind} until the returned handle is closed. */
    public Held hold(String kind, UUID id) {
        try {
            Connection c = dataSource.getConnection();
            try {
                c.setAutoCommit(true);
                try (var ps = c.prepareStatement("SELECT pg_advisory_lock(" + KEY + ")")) {
                    ps.setString(1, kind);
                    ps.setString(2, id.toString());
                    ps.execute();
                }
                return new Held(c, kind, id);
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not lock job " + kind + " " + id, e);
        }
    }

    /**
     * Takes the lock of {@code id} of {@code kind} if no process holds it, without waiting: empty when another process
     * (or this one) holds it. For work that must not run twice at once, anywhere (a refresh of one dataset).
     */
    public java.util.Optional<Held> tryHold(String kind, UUID id) {
        try {
            Connection c = dataSource.getConnection();
            try {
                c.setAutoCommit(true);
                boolean got;
                try (var ps = c.prepareStatement("SELECT pg_try_advisory_lock(" + KEY + ")")) {
                    ps.setString(1, kind);
                    ps.setString(2, id.toString());
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        got = rs.getBoolean(1);
                    }
                }
                if (!got) {
                    c.close();
                    return java.util.Optional.empty();
                }
                return java.util.Optional.of(new Held(c, kind, id));
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not lock " + kind + " " + id, e);
        }
    }

    /** True when no process holds job {@code id}'s lock: whatever its row says, nothing is running it. */
    public boolean abandoned(String kind, UUID id) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            boolean free;
            try (var ps = c.prepareStatement("SELECT pg_try_advisory_lock(" + KEY + ")")) {
                ps.setString(1, kind);
                ps.setString(2, id.toString());
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    free = rs.getBoolean(1);
                }
            }
            if (free) {
                try (var ps = c.prepareStatement("SELECT pg_advisory_unlock(" + KEY + ")")) {
                    ps.setString(1, kind);
                    ps.setString(2, id.toString());
                    ps.execute();
                }
            }
            return free;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check job " + kind + " " + id, e);
        }
    }

    /** A held lock; closing it releases the lock and gives the connection back. */
    public static final class Held implements AutoCloseable {
        private final Connection connection;
        private final String kind;
        private final UUID id;

        private Held(Connection connection, String kind, UUID id) {
            this.connection = connection;
            this.kind = kind;
            this.id = id;
        }

        @Override
        public void close() {
            try (Connection c = connection) {
                try (var ps = c.prepareStatement("SELECT pg_advisory_unlock(" + KEY + ")")) {
                    ps.setString(1, kind);
                    ps.setString(2, id.toString());
                    ps.execute();
                }
            } catch (SQLException e) {
                // The connection broke (the database restarted): the lock went with it.
                log.debug("Releasing the lock of job {} {}: {}", kind, id, e.toString());
            }
        }
    }
}
