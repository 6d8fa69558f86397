package kz.agyn.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import kz.agyn.AgynApplication;
import kz.agyn.account.AccountService;
import kz.agyn.account.Role;
import kz.agyn.platform.database.EmbeddedDatabaseException;
import kz.agyn.registry.keys.RegistryKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Where the data lives: kept across restarts by default, or in an external PostgreSQL when one is named. */
class DatabaseLifecycleTest {

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(AgynApplication.class)
                .run(concat(args, "--server.port=0", "--agyn.admin.initial-password=First-start-pw-1",
                        "--agyn.demo.enabled=false", "--agyn.demo.survey=false"));
    }

    @Test
    void aSecondStartReusesTheData(@TempDir Path home) throws Exception {
        Path dir = home.resolve("pgdata");
        try (var first = start("--agyn.home=" + home, "--agyn.db.ephemeral=false", "--agyn.db.data-directory=" + dir)) {
            first.getBean(AccountService.class)
                    .createUser("kept-user", "Another-pw-12", Set.of(Role.ANALYST), null, "en", false);
        }
        assertThat(dir.resolve("PG_VERSION")).exists();
        String passwords = Files.readString(home.resolve("pgdata.secret"));
        try (var second = start("--agyn.home=" + home, "--agyn.db.ephemeral=false", "--agyn.db.data-directory=" + dir)) {
            AccountService accounts = second.getBean(AccountService.class);
            assertThat(accounts.user("kept-user")).isPresent();
            assertThat(accounts.users()).extracting(u -> u.username()).containsExactlyInAnyOrder("admin", "kept-user");
            Integer migrations = second.getBean(JdbcClient.class)
                    .sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Integer.class).single();
            assertThat(migrations).isGreaterThanOrEqualTo(4);
            // Kept data is durable: an acknowledged commit survives a crash.
            assertThat(second.getBean(JdbcClient.class).sql("SHOW synchronous_commit").query(String.class).single())
                    .isEqualTo("on");
            assertThat(second.getBean(JdbcClient.class).sql("SHOW fsync").query(String.class).single())
                    .isEqualTo("on");
        }
        // The passwords were made once, at the first start.
        assertThat(Files.readString(home.resolve("pgdata.secret"))).isEqualTo(passwords);
    }

    @Test
    void anExternalDatabaseIsUsedInsteadOfTheEmbeddedOne() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            String url = external.getJdbcUrl("postgres", "postgres");
            try (var app = start("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                    "--agyn.registry.key=" + RegistryKeys.generateBase64())) {
                assertThat(app.containsBean("embeddedCluster")).as("no embedded server started").isFalse();
            }
            try (var c = external.getPostgresDatabase().getConnection();
                 var rs = c.createStatement().executeQuery("SELECT count(*) FROM region WHERE valid_to IS NULL")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(20);
            }
        }
    }

    /**
     * An external database set up as the README says: an owner role for the migrations and an application role.
     * The application's role then gets the same locks on the audit log as with the embedded database.
     */
    @Test
    void anExternalDatabaseWithAMigrationUserLocksTheAuditLog() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            try (var c = external.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
                st.execute("CREATE ROLE agyn_owner LOGIN PASSWORD 'owner-pw-1'");
                st.execute("CREATE ROLE agyn_app LOGIN PASSWORD 'app-pw-1'");
                st.execute("CREATE DATABASE agyn OWNER agyn_owner");
                st.execute("REVOKE ALL ON DATABASE agyn FROM PUBLIC");
                st.execute("GRANT CONNECT, TEMPORARY ON DATABASE agyn TO agyn_app");
            }
            String url = external.getJdbcUrl("postgres", "agyn").replace("?user=postgres", "");
            try (var app = start("--spring.datasource.url=" + url, "--spring.datasource.username=agyn_app",
                    "--spring.datasource.password=app-pw-1", "--agyn.db.migration-user=agyn_owner",
                    "--agyn.db.migration-password=owner-pw-1", "--agyn.registry.key=" + RegistryKeys.generateBase64())) {
                JdbcClient jdbc = app.getBean(JdbcClient.class);
                assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("agyn_app");
                assertThat(jdbc.sql("SELECT tableowner FROM pg_tables WHERE tablename = 'audit_event'")
                        .query(String.class).single()).isEqualTo("agyn_owner");
                jdbc.sql("INSERT INTO audit_event (actor, roles, action, channel) VALUES ('x', '', 'VIEW', 'JOB')")
                        .update();
                for (String change : List.of("UPDATE audit_event SET actor = 'y'", "DELETE FROM audit_event",
                        "TRUNCATE audit_event", "ALTER TABLE audit_event DISABLE TRIGGER ALL")) {
                    assertThatThrownBy(() -> jdbc.sql(change).update()).as(change).rootCause()
                            .hasMessageMatching("(?s).*(permission denied|must be owner).*");
                }
                assertThat(jdbc.sql("SELECT count(*) FROM region WHERE valid_to IS NULL").query(Integer.class)
                        .single()).isEqualTo(20);
            }
        }
    }

    @Test
    void anUnusableDataDirectoryIsReportedClearly(@TempDir Path home) throws Exception {
        Path file = Files.writeString(home.resolve("not-a-directory"), "x");
        Throwable failure = catchThrowable(() -> start("--agyn.db.ephemeral=false",
                "--agyn.db.data-directory=" + file));
        assertThat(cause(failure)).hasMessageContaining(file.toString())
                .satisfies(e -> assertThat(e.action()).contains("agyn.db.data-directory"));
    }

    @Test
    void aBusyPortIsReportedClearly() throws Exception {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            int port = socket.getLocalPort();
            Throwable failure = catchThrowable(() -> start("--agyn.db.port=" + port));
            assertThat(cause(failure)).hasMessageContaining("Port " + port)
                    .satisfies(e -> assertThat(e.action()).contains("agyn.db.port"));
        }
    }

    /** The embedded database's own explanation, wherever Spring wrapped it. */
    private static EmbeddedDatabaseException cause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EmbeddedDatabaseException e) {
                return e;
            }
        }
        throw new AssertionError("no EmbeddedDatabaseException in " + failure);
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
