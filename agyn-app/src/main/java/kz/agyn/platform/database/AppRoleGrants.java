package kz.agyn.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After every migration (also when there was none to apply), gives the application's database role exactly the
 * rights it needs on what the migrations' role owns, and no more (decision 0011):
 *
 * <ul>
 * <li>SELECT, INSERT, UPDATE, DELETE on every table and SELECT on every view;</li>
 * <li>only SELECT and INSERT on an append-only table, one whose comment begins with "Append-only" (the audit log):
 *     no UPDATE, DELETE or TRUNCATE, so its rows cannot be changed even if its triggers were gone, and the role
 *     cannot remove the triggers, since it owns nothing;</li>
 * <li>only SELECT on Flyway's history, USAGE and SELECT (nextval, not setval) on sequences; never TRUNCATE,
 *     REFERENCES or TRIGGER.</li>
 * </ul>
 *
 * Run on each start rather than in a migration because it depends on who the application's role is, which a
 * migration cannot know, and because it then also repairs a grant changed by hand. When the application and the
 * migrations use one role (an external database set up with a single user), there is nothing to grant: that role
 * owns the tables and only the audit log's triggers protect it, which the log says.
 */
class AppRoleGrants implements Callback {

    private static final Logger log = LoggerFactory.getLogger(AppRoleGrants.class);
    static final String APPEND_ONLY_COMMENT = "Append-only";

    private final DataSource application;

    AppRoleGrants(DataSource application) {
        this.application = application;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public String getCallbackName() {
        return "agyn-application-role-grants";
    }

    @Override
    public void handle(Event event, Context context) {
        String appRole;
        try (Connection app = application.getConnection()) {
            appRole = single(app, "SELECT current_user");
        } catch (SQLException e) {
            throw new IllegalStateException("The application's database role could not be read", e);
        }
        String history = context.getConfiguration().getTable();
        try (Connection owner = context.getConfiguration().getDataSource().getConnection()) {
            owner.setAutoCommit(true);
            String ownerRole = single(owner, "SELECT current_user");
            if (ownerRole.equals(appRole)) {
                log.info("The application and its migrations use one database role ({}), which owns the tables: the "
                        + "audit log is append-only by its triggers alone. Give the migrations a role of their own "
                        + "(AGYN_DB_MIGRATION_USER) to lock it by privileges too.", appRole);
                return;
            }
            grant(owner, ownerRole, appRole, history);
        } catch (SQLException e) {
            throw new IllegalStateException("The rights of the application's database role " + appRole
                    + " could not be set: " + e.getMessage(), e);
        }
    }

    private static void grant(Connection owner, String ownerRole, String app, String history) throws SQLException {
        String schema = single(owner, "SELECT current_schema()");
        String a = ident(owner, app);
        String s = ident(owner, schema);
        List<String> sql = new ArrayList<>();
        sql.add("GRANT USAGE ON SCHEMA " + s + " TO " + a);
        sql.add("REVOKE CREATE ON SCHEMA " + s + " FROM " + a);
        try (var ps = owner.prepareStatement("""
                SELECT format('%I.%I', n.nspname, c.relname), c.relkind,
                       coalesce(obj_description(c.oid, 'pg_class'), '') LIKE ? || '%', c.relname = ?
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                  AND pg_get_userbyid(c.relowner) = current_user
                ORDER BY 1""")) {
            ps.setString(1, APPEND_ONLY_COMMENT);
            ps.setString(2, history);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    String t = rs.getString(1);
                    String kind = rs.getString(2);
                    if (kind.equals("v") || kind.equals("m")) {
                        sql.add("GRANT SELECT ON " + t + " TO " + a);
                    } else if (rs.getBoolean(4)) {
                        sql.add("REVOKE ALL ON " + t + " FROM " + a);
                        sql.add("GRANT SELECT ON " + t + " TO " + a);
                    } else if (rs.getBoolean(3)) {
                        sql.add("REVOKE ALL ON " + t + " FROM " + a);
                        sql.add("GRANT SELECT, INSERT ON " + t + " TO " + a);
                    } else {
                        sql.add("REVOKE TRUNCATE, REFERENCES, TRIGGER ON " + t + " FROM " + a);
                        sql.add("GRANT SELECT, INSERT, UPDATE, DELETE ON " + t + " TO " + a);
                    }
                }
            }
        }
        sql.add("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + s + " TO " + a);
        sql.add("REVOKE UPDATE ON ALL SEQUENCES IN SCHEMA " + s + " FROM " + a);
        // For tables made later by hand or by a migration tool run outside Agyn, until the next start corrects them.
        sql.add("ALTER DEFAULT PRIVILEGES IN SCHEMA " + s + " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + a);
        sql.add("ALTER DEFAULT PRIVILEGES IN SCHEMA " + s + " GRANT USAGE, SELECT ON SEQUENCES TO " + a);
        try (var st = owner.createStatement()) {
            for (String statement : sql) {
                st.execute(statement);
            }
        }
        try (var ps = owner.prepareStatement("""
                SELECT r.rolsuper, pg_has_role(r.oid, (SELECT oid FROM pg_roles WHERE rolname = ?), 'USAGE')
                FROM pg_roles r WHERE r.rolname = ?""")) {
            ps.setString(1, ownerRole);
            ps.setString(2, app);
            try (var rs = ps.executeQuery()) {
                if (rs.next() && (rs.getBoolean(1) || rs.getBoolean(2))) {
                    log.warn("The application's database role {} is {}: it can change the audit log whatever its "
                            + "grants say. Make it an ordinary role that is not a member of {} (README, External "
                            + "PostgreSQL).", app, rs.getBoolean(1) ? "a superuser" : "a member of " + ownerRole,
                            ownerRole);
                }
            }
        }
        log.info("Database role {} may read and write the tables of schema {} owned by {}; append-only tables: "
                + "read and insert only", app, schema, ownerRole);
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String ident(Connection c, String name) throws SQLException {
        try (var ps = c.prepareStatement("SELECT quote_ident(?)")) {
            ps.setString(1, name);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
