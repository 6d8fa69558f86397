package kz.agyn.platform.database;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

import kz.agyn.platform.startup.StartupProblem;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * A database that cannot be reached or entered, told as a start-up mistake: which address or user, and which
 * setting to change. Reads only what PostgreSQL and the driver say (SQLSTATE and the cause), so it applies
 * wherever the first connection is made (Flyway, the pool, a command).
 */
final class DatabaseConnectionProblem {

    private DatabaseConnectionProblem() {
    }

    /** The problem in {@code failure}, or null when it is not one of reaching or entering the database. */
    static StartupProblem from(Throwable failure, Environment env) {
        String url = env.getProperty("spring.datasource.url", "");
        boolean external = StringUtils.hasText(url);
        String where = external ? "the database " + url : "the embedded database";
        if (external && !url.startsWith("jdbc:postgresql://") && mentions(failure, "jdbcUrl", "suitable driver")) {
            return new StartupProblem("AGYN_DB_URL (spring.datasource.url) is not a PostgreSQL JDBC address: " + url
                    + ".", "Write it as jdbc:postgresql://HOST:5432/DATABASE.");
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                String reason = firstLine(sql.getMessage());
                if (state.startsWith("28")) {
                    return new StartupProblem(capitalised(where) + " refused the sign-in: " + reason + ".",
                            external ? "Check AGYN_DB_USER and AGYN_DB_PASSWORD (and AGYN_DB_MIGRATION_USER and "
                                    + "AGYN_DB_MIGRATION_PASSWORD if the migrations have a role of their own), and "
                                    + "that pg_hba.conf lets that user in from this machine."
                                    : "Delete the password file next to the data directory (pgdata.secret) and "
                                    + "start again: Agyn then sets new passwords.");
                }
                if (state.equals("3D000")) {
                    return new StartupProblem(capitalised(where) + " does not exist: " + reason + ".",
                            "Create it (README, External PostgreSQL: CREATE DATABASE … OWNER …) or correct the "
                                    + "database name at the end of AGYN_DB_URL.");
                }
                if (state.startsWith("08")) {
                    return new StartupProblem("Agyn cannot reach " + where + ": " + networkReason(sql) + ".",
                            "Check that PostgreSQL runs there and accepts connections from this machine "
                                    + "(listen_addresses, pg_hba.conf, a firewall), and that AGYN_DB_URL names the "
                                    + "right host and port.");
                }
            }
        }
        return null;
    }

    private static String networkReason(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnknownHostException) {
                return "no such host (" + t.getMessage() + ")";
            }
            if (t instanceof ConnectException) {
                return "nothing accepts connections at that host and port (connection refused)";
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to that host";
            }
            if (t instanceof SocketTimeoutException) {
                return "the host does not answer (timed out)";
            }
        }
        return firstLine(e.getMessage());
    }

    private static boolean mentions(Throwable failure, String... words) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (String w : words) {
                if (t.getMessage() != null && t.getMessage().contains(w)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        String line = message.lines().findFirst().orElse(message).strip();
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
