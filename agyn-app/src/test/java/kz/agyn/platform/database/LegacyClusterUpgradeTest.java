package kz.agyn.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import kz.agyn.AgynApplication;
import kz.agyn.account.AccountService;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A data directory made by an Agyn before decision 0011 (zonky's cluster: trust authentication, everything owned
 * by the superuser postgres, which the application used) is upgraded by the first start of this version, with
 * its data, whatever state the earlier Agyn left it in.
 */
class LegacyClusterUpgradeTest {

    /** How the earlier Agyn ended. */
    enum Ending {
        /** stopped normally */
        STOPPED,
        /** killed, and its PostgreSQL with it: the cluster needs crash recovery */
        KILLED_WITH_ITS_DATABASE,
        /** killed, its PostgreSQL left running: an orphan on the data directory */
        KILLED_LEAVING_ITS_DATABASE
    }

    @ParameterizedTest
    @EnumSource(Ending.class)
    void anEarlierAgynsClusterIsUpgradedWithItsData(Ending ending, @TempDir Path home) throws Exception {
        Path dir = home.resolve("pgdata");
        long oldPostmaster = earlierAgyn(dir, ending);

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AgynApplication.class).run(
                "--server.port=0", "--agyn.home=" + home, "--agyn.db.ephemeral=false",
                "--agyn.db.data-directory=" + dir, "--agyn.admin.initial-password=Upgrade-start-pw-1",
                "--agyn.demo.survey=false")) {
            if (oldPostmaster > 0) {
                assertThat(ProcessHandle.of(oldPostmaster).map(ProcessHandle::isAlive).orElse(false))
                        .as("the earlier Agyn's PostgreSQL was stopped").isFalse();
            }
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            // The data are there.
            assertThat(app.getBean(AccountService.class).user("legacy-user")).isPresent();
            assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = 'legacy-officer'")
                    .query(Integer.class).single()).isEqualTo(3);
            assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE version = '11' AND success")
                    .query(Integer.class).single()).isEqualTo(1);
            // A new row continues the old sequence.
            app.getBean(kz.agyn.audit.AuditLog.class).record(kz.agyn.audit.AuditAction.VIEW, "SCHOLAR", 1L, 1,
                    "after the upgrade");
            assertThat(jdbc.sql("SELECT max(id) FROM audit_event").query(Long.class).single()).isGreaterThan(3);

            // The locks hold: the application's role, owning nothing, cannot touch the audit log...
            assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("agyn_app");
            assertThat(jdbc.sql("SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace "
                    + "AND pg_get_userbyid(relowner) <> 'agyn_owner'").query(Integer.class).single()).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace "
                    + "AND pg_get_userbyid(proowner) <> 'agyn_owner'").query(Integer.class).single()).isZero();
            for (String change : new String[] {"UPDATE audit_event SET actor = 'x'", "DELETE FROM audit_event",
                "TRUNCATE audit_event", "DROP TRIGGER audit_event_no_update ON audit_event"}) {
                assertThatThrownBy(() -> jdbc.sql(change).update()).rootCause()
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            }
            // ...and the superuser that used to need no password now needs one.
            int port = app.getBean(EmbeddedCluster.class).port();
            assertThatThrownBy(() -> DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + port + "/agyn?user=postgres&connectTimeout=5"))
                    .isInstanceOf(SQLException.class);
            assertThat(dir.resolve("pg_hba.conf")).content().doesNotContainPattern("(?m)^[^#]*\\btrust\\b");
            assertThat(Files.getPosixFilePermissions(home.resolve("pgdata.secret")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
    }

    /** What an Agyn before decision 0011 left: its cluster, made and used exactly as it did. */
    private static long earlierAgyn(Path dir, Ending ending) throws Exception {
        EmbeddedPostgres old = EmbeddedPostgres.builder()
                .setDataDirectory(dir).setCleanDataDirectory(false).setRegisterShutdownHook(false)
                .setLocaleConfig("locale", "C").setLocaleConfig("encoding", "UTF8")
                .setServerConfig("listen_addresses", "127.0.0.1").setServerConfig("synchronous_commit", "on")
                .start();
        try (var c = old.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("CREATE DATABASE agyn ENCODING 'UTF8' TEMPLATE template0");
        }
        String url = old.getJdbcUrl("postgres", "agyn");
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration").target("10").load()
                .migrate();
        try (var c = DriverManager.getConnection(url); var st = c.createStatement()) {
            st.execute("INSERT INTO app_user (username, password_hash) VALUES ('legacy-user', '{noop}x')");
            for (int i = 0; i < 3; i++) {
                st.execute("INSERT INTO audit_event (actor, roles, action, channel) "
                        + "VALUES ('legacy-officer', 'REGISTRY_OFFICER', 'VIEW', 'WEB')");
            }
        }
        long postmaster = PostmasterPid.read(dir).orElseThrow().pid();
        switch (ending) {
            case STOPPED -> {
                old.close();
                return 0;
            }
            case KILLED_WITH_ITS_DATABASE -> {
                ProcessHandle pm = ProcessHandle.of(postmaster).orElseThrow();
                pm.destroyForcibly();
                pm.onExit().get(30, TimeUnit.SECONDS);
                return 0;
            }
            default -> {
                return postmaster;
            }
        }
    }
}
