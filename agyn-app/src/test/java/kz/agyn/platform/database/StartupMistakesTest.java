package kz.agyn.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import kz.agyn.AgynApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Start-up mistakes about where the data live end in a short report, what is wrong and what to do, and no stack
 * trace: a wrong external database address, database name, user or password, a busy port, a data directory that
 * is not one. The external database here is a cluster made as Agyn makes its own, so that passwords are checked.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupMistakesTest {

    static EmbeddedCluster external;

    @BeforeAll
    static void externalDatabase(@TempDir Path dir) {
        external = EmbeddedCluster.start(new EmbeddedDatabaseProperties(null, 0, true,
                Path.of(System.getProperty("java.io.tmpdir"), "agyn-test-postgres")));
    }

    @AfterAll
    static void stop() {
        external.close();
    }

    @Test
    void anAddressWhereNoDatabaseListens(CapturedOutput output) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        String report = failedStart(output, "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + port + "/agyn",
                "--spring.datasource.username=agyn_app", "--spring.datasource.password=x");
        assertThat(report).contains("cannot reach the database jdbc:postgresql://127.0.0.1:" + port + "/agyn")
                .contains("connection refused").contains("AGYN_DB_URL");
    }

    @Test
    void anAddressThatIsNotPostgreSql(CapturedOutput output) {
        String report = failedStart(output, "--spring.datasource.url=postgres://127.0.0.1:5432/agyn");
        assertThat(report).contains("not a PostgreSQL JDBC address").contains("jdbc:postgresql://HOST:5432/DATABASE");
    }

    @Test
    void aDatabaseThatDoesNotExist(CapturedOutput output) {
        String report = failedStart(output, "--spring.datasource.url=" + external.jdbcUrl("no_such_database"),
                "--spring.datasource.username=agyn_owner",
                "--spring.datasource.password=" + external.password("agyn_owner"));
        assertThat(report).contains("does not exist").contains("no_such_database").contains("CREATE DATABASE");
    }

    @Test
    void aWrongPassword(CapturedOutput output) {
        String report = failedStart(output, "--spring.datasource.url=" + external.jdbcUrl("agyn"),
                "--spring.datasource.username=agyn_app", "--spring.datasource.password=wrong-password");
        assertThat(report).contains("refused the sign-in").contains("password authentication failed")
                .contains("agyn_app").contains("AGYN_DB_PASSWORD").doesNotContain("wrong-password");
    }

    @Test
    void aWrongMigrationUser(CapturedOutput output) {
        String report = failedStart(output, "--spring.datasource.url=" + external.jdbcUrl("agyn"),
                "--spring.datasource.username=agyn_app",
                "--spring.datasource.password=" + external.password("agyn_app"),
                "--agyn.db.migration-user=no_such_owner", "--agyn.db.migration-password=x");
        assertThat(report).contains("refused the sign-in").contains("no_such_owner")
                .contains("AGYN_DB_MIGRATION_USER");
    }

    @Test
    void aBusyDatabasePort(CapturedOutput output) throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            String report = failedStart(output, "--agyn.db.port=" + socket.getLocalPort());
            assertThat(report).contains("Port " + socket.getLocalPort()).contains("AGYN_DB_PORT");
        }
    }

    @Test
    void aDataDirectoryThatIsAFile(CapturedOutput output, @TempDir Path home) throws Exception {
        Path file = Files.writeString(home.resolve("pgdata"), "x");
        String report = failedStart(output, "--agyn.home=" + home, "--agyn.db.ephemeral=false",
                "--agyn.db.data-directory=" + file);
        assertThat(report).contains(file.toString()).contains("AGYN_DB_DATA_DIRECTORY");
    }

    @Test
    void aDataDirectoryThatHoldsSomethingElse(CapturedOutput output, @TempDir Path home) throws Exception {
        Path dir = Files.createDirectories(home.resolve("pgdata"));
        Files.writeString(dir.resolve("notes.txt"), "mine");
        String report = failedStart(output, "--agyn.home=" + home, "--agyn.db.ephemeral=false",
                "--agyn.db.data-directory=" + dir);
        assertThat(report).contains("holds files (notes.txt) but no PostgreSQL cluster");
        assertThat(dir.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void aDataDirectoryInUseByAnotherAgyn(CapturedOutput output, @TempDir Path home) throws Exception {
        Path dir = home.resolve("pgdata");
        try (EmbeddedCluster running = EmbeddedCluster.start(new EmbeddedDatabaseProperties(dir, 0, false,
                Path.of(System.getProperty("java.io.tmpdir"), "agyn-test-postgres")))) {
            String report = failedStart(output, "--agyn.home=" + home, "--agyn.db.ephemeral=false",
                    "--agyn.db.data-directory=" + dir);
            assertThat(report).contains("Another Agyn (process " + ProcessHandle.current().pid() + ")")
                    .contains(dir.toString());
            assertThat(running.serverRunning()).as("the other Agyn's database is left alone").isTrue();
        }
    }

    @Test
    void anUnusableRegistryKey(CapturedOutput output) {
        String report = failedStart(output, "--agyn.registry.key=c2hvcnQ=");
        assertThat(report).contains("The registry key cannot be used: the key in AGYN_REGISTRY_KEY has 40 bits")
                .contains("openssl rand -base64 32").doesNotContain("c2hvcnQ=");
    }

    @Test
    void noRegistryKeyInProduction(CapturedOutput output, @TempDir Path home) {
        String report = failedStart(output, "--agyn.profile=production", "--agyn.home=" + home,
                "--agyn.db.ephemeral=false", "--agyn.db.data-directory=" + home.resolve("pgdata"));
        assertThat(report).contains("No key for the registry's personal data").contains("production profile")
                .contains("openssl rand -base64 32");
        assertThat(home.resolve("registry.key")).doesNotExist();
    }

    @Test
    void aBusyWebPort(CapturedOutput output) throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
            String report = failedStart(output, "--server.port=" + socket.getLocalPort(),
                    "--agyn.demo.enabled=false", "--agyn.demo.survey=false", "--agyn.demo.registry=false");
            assertThat(report).contains("Port " + socket.getLocalPort() + " was already in use");
        }
    }

    /**
     * Starts Agyn as a user would and returns its report, checking that it is one: the "APPLICATION FAILED TO
     * START" block with a description and an action, and no stack trace anywhere in the output of this start.
     */
    static String failedStart(CapturedOutput output, String... args) {
        int before = output.getAll().length();
        List<String> all = new ArrayList<>(List.of(args));
        if (all.stream().noneMatch(a -> a.startsWith("--server.port="))) {
            all.add("--server.port=0");
        }
        all.add("--agyn.admin.initial-password=Mistake-start-pw-1");
        // An external database needs a registry key of its own; given, so that the mistake tested is the only one.
        if (all.stream().noneMatch(a -> a.startsWith("--agyn.registry.key=") || a.startsWith("--agyn.profile="))) {
            all.add("--agyn.registry.key=" + kz.agyn.registry.keys.RegistryKeys.generateBase64());
        }
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(AgynApplication.class)
                .run(all.toArray(String[]::new)).close());
        assertThat(failure).as("the start failed").isNotNull();
        String printed = output.getAll().substring(before);
        assertThat(printed).contains("APPLICATION FAILED TO START");
        String report = printed.substring(printed.lastIndexOf("APPLICATION FAILED TO START"));
        assertThat(report).contains("Description:").contains("Action:");
        assertThat(report.lines().filter(l -> !l.isBlank()).count()).as(report).isLessThan(12);
        assertThat(printed).as("no stack trace").doesNotContainPattern("(?m)^\\s+at [a-z]+\\.")
                .doesNotContain("Caused by:");
        return report;
    }
}
