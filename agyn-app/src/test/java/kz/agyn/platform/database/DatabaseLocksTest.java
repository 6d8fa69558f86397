package kz.agyn.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

import kz.agyn.AgynTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded database is locked as decision 0011 says, on the cluster the tests run on, which is made exactly
 * as a user's: no way in without a password, and an application role that cannot change the audit log.
 */
class DatabaseLocksTest extends AgynTest {

    @Autowired
    EmbeddedCluster cluster;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "agyn_owner", "agyn_app", "agyn", "root"})
    void aClientWithThePortButNoPasswordCannotConnect(String user) {
        for (String database : List.of("agyn", "postgres", "template1")) {
            assertThatThrownBy(() -> connect(user, null, database)).as(user + " without a password")
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("28P01", "08004"));
            assertThatThrownBy(() -> connect(user, "postgres", database)).as(user + " with a guessed password")
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
        }
    }

    @Test
    void thePasswordsAreKeptNextToTheDataDirectoryForItsOwnerOnly() throws Exception {
        var secret = cluster.dataDirectory().resolveSibling("pgdata.secret");
        assertThat(Files.getPosixFilePermissions(secret)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(secret)).contains("agyn_app=" + cluster.password("agyn_app"));
        assertThat(cluster.dataDirectory().resolve("pg_hba.conf")).content()
                .doesNotContainPattern("(?m)^[^#]*\\btrust\\b").contains("scram-sha-256");
        // The owner's password lets the owner in (the file is what an operator gives psql).
        try (Connection c = connect("agyn_owner", cluster.password("agyn_owner"), "agyn")) {
            assertThat(c.isValid(1)).isTrue();
        }
    }

    @Test
    void theApplicationRoleHoldsNoServerRights() {
        assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("agyn_app");
        var role = jdbc.sql("""
                SELECT rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls,
                       pg_has_role(current_user, 'pg_execute_server_program', 'MEMBER')
                    OR pg_has_role(current_user, 'pg_read_server_files', 'MEMBER')
                    OR pg_has_role(current_user, 'pg_write_server_files', 'MEMBER')
                    OR pg_has_role(current_user, 'agyn_owner', 'MEMBER') AS member
                FROM pg_roles WHERE rolname = current_user""").query().singleRow();
        assertThat(role.values()).containsOnly(false);
        refused(() -> jdbc.sql("COPY (SELECT 1) TO PROGRAM 'id'").update());
        refused(() -> jdbc.sql("COPY audit_event FROM '/etc/passwd'").update());
        refused(() -> jdbc.sql("SELECT pg_read_file('postmaster.pid')").query().singleRow());
        refused(() -> jdbc.sql("CREATE TABLE intruder (x int)").update());
        refused(() -> jdbc.sql("CREATE ROLE intruder").update());
        refused(() -> jdbc.sql("ALTER ROLE agyn_app SUPERUSER").update());
        // Everything in the schema belongs to the owner, nothing to the application or the superuser.
        assertThat(jdbc.sql("""
                SELECT DISTINCT pg_get_userbyid(relowner) FROM pg_class
                WHERE relnamespace = 'public'::regnamespace""").query(String.class).list())
                .containsExactly("agyn_owner");
    }

    /** Every way the application's role could rewrite, empty, unlock or remove the audit log is refused. */
    @ParameterizedTest
    @ValueSource(strings = {
        "UPDATE audit_event SET actor = 'x'",
        "DELETE FROM audit_event",
        "TRUNCATE audit_event",
        "DROP TABLE audit_event",
        "ALTER TABLE audit_event DISABLE TRIGGER ALL",
        "ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update",
        "DROP TRIGGER audit_event_no_update ON audit_event",
        "DROP TRIGGER audit_event_no_truncate ON audit_event",
        "ALTER TABLE audit_event RENAME TO audit_event_old",
        "ALTER TABLE audit_event ADD COLUMN note text",
        "ALTER TABLE audit_event OWNER TO agyn_app",
        "CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'",
        "DROP FUNCTION audit_event_append_only() CASCADE",
        "SET session_replication_role = replica",
        "SELECT setval('audit_event_id_seq', 1)",
        "COMMENT ON TABLE audit_event IS 'ordinary'",
        "CREATE RULE no_delete AS ON DELETE TO audit_event DO INSTEAD NOTHING",
    })
    void theApplicationRoleCannotChangeTheAuditLog(String statement) {
        jdbc.sql("INSERT INTO audit_event (actor, roles, action, channel) VALUES ('locks-test', '', 'VIEW', 'JOB')")
                .update();
        long rows = jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
        refused(() -> jdbc.sql(statement).query().listOfRows());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single()).isEqualTo(rows);
        assertThat(jdbc.sql("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'audit_event'::regclass "
                + "AND tgenabled = 'O'").query(Integer.class).single()).isEqualTo(2);
    }

    /** A grant the application gives itself is no grant: it owns nothing it could grant on. */
    @Test
    void theApplicationRoleCannotGrantItselfMore() {
        jdbc.sql("GRANT UPDATE, DELETE, TRUNCATE ON audit_event TO agyn_app").update();
        assertThat(jdbc.sql("SELECT has_table_privilege('audit_event', 'UPDATE') OR "
                + "has_table_privilege('audit_event', 'DELETE') OR has_table_privilege('audit_event', 'TRUNCATE')")
                .query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("SELECT has_table_privilege('audit_event', 'INSERT') AND "
                + "has_table_privilege('audit_event', 'SELECT')").query(Boolean.class).single()).isTrue();
    }

    /** Behind the privileges, the triggers still refuse a change from the owner itself. */
    @Test
    void theTriggersHoldForTheOwnerToo() throws SQLException {
        try (Connection c = connect("agyn_owner", cluster.password("agyn_owner"), "agyn");
             var st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("UPDATE audit_event SET actor = 'x'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM audit_event")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.execute("TRUNCATE audit_event")).hasMessageContaining("append-only");
        }
    }

    /** Ordinary tables stay fully writable, COPY included: the imports load with COPY FROM STDIN. */
    @Test
    void ordinaryTablesAreWritableAndCopyWorks() throws Exception {
        assertThat(jdbc.sql("SELECT bool_and(has_table_privilege(c.oid, 'SELECT,INSERT,UPDATE,DELETE')) "
                + "FROM pg_class c WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' "
                + "AND relname NOT IN ('audit_event', 'flyway_schema_history')").query(Boolean.class).single())
                .isTrue();
        assertThat(jdbc.sql("SELECT has_table_privilege('flyway_schema_history', 'INSERT,UPDATE,DELETE')")
                .query(Boolean.class).single()).isFalse();
        try (Connection c = connect("agyn_app", cluster.password("agyn_app"), "agyn")) {
            c.setAutoCommit(false);
            long copied = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI()
                    .copyIn("COPY audit_event (actor, roles, action, channel) FROM STDIN",
                            new java.io.StringReader("copy-test\t\tVIEW\tJOB\n"));
            assertThat(copied).isEqualTo(1);
            c.rollback();
        }
    }

    /** Refused for want of a privilege (SQLSTATE 42501: "permission denied", "must be owner"). */
    private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable statement) {
        assertThatThrownBy(statement).rootCause().isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(e.getMessage()).isEqualTo("42501"));
    }

    private Connection connect(String user, String password, String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "5");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + cluster.port() + "/" + database, props);
    }
}
