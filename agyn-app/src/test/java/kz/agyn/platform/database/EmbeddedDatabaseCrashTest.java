package kz.agyn.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import kz.agyn.AgynApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded PostgreSQL never outlives the application: after a kill -9 of the JVM its watchdog stops it, and
 * if the watchdog was killed as well, the next start stops the orphan itself. Either way that next start succeeds
 * the first time. The application runs in a JVM of its own here, so that it can be killed.
 */
class EmbeddedDatabaseCrashTest {

    @Test
    void afterAKillOfTheJvmTheDatabaseStopsAndTheNextStartSucceeds(@TempDir Path home) throws Exception {
        Path dir = home.resolve("pgdata");
        Process jvm = startInItsOwnJvm(home, dir);
        long postmaster = awaitPostmaster(jvm, dir, home);

        jvm.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        ProcessHandle.of(postmaster).ifPresent(pm -> pm.onExit().orTimeout(60, TimeUnit.SECONDS).join());
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false))
                .as("the postmaster stopped with the JVM").isFalse();
        assertThat(dir.resolve(PostmasterPid.FILE)).as("stopped cleanly, not killed").doesNotExist();
        startsAndServes(home, dir);
    }

    @Test
    void aStartStopsTheDatabaseLeftRunningOnItsDataDirectory(@TempDir Path home) throws Exception {
        Path dir = home.resolve("pgdata");
        Process jvm = startInItsOwnJvm(home, dir);
        long postmaster = awaitPostmaster(jvm, dir, home);

        // The watchdog dies with the JVM (a kill of the whole process tree, the OOM killer taking both...).
        List<ProcessHandle> watchdogs = jvm.toHandle().children()
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains("agyn-postgres-watchdog")).orElse(false))
                .toList();
        assertThat(watchdogs).hasSize(1);
        watchdogs.get(0).destroyForcibly();
        watchdogs.get(0).onExit().orTimeout(10, TimeUnit.SECONDS).join();
        jvm.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        Thread.sleep(2000);
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false))
                .as("an orphan is left").isTrue();

        startsAndServes(home, dir);
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false))
                .as("the orphan was stopped").isFalse();
    }

    private static void startsAndServes(Path home, Path dir) {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AgynApplication.class)
                .run(args(home, dir))) {
            assertThat(app.getBean(JdbcClient.class).sql("SELECT count(*) FROM region").query(Integer.class).single())
                    .isPositive();
            long postmaster = PostmasterPid.read(dir).orElseThrow().pid();
            assertThat(postmaster).isEqualTo(app.getBean(EmbeddedCluster.class).serverRunning() ? postmaster : -1);
        }
    }

    private static String[] args(Path home, Path dir) {
        return new String[] {"--server.port=0", "--agyn.home=" + home, "--agyn.db.ephemeral=false",
            "--agyn.db.data-directory=" + dir, "--agyn.admin.initial-password=Crash-test-pw-1",
            "--agyn.demo.survey=false"};
    }

    private static Process startInItsOwnJvm(Path home, Path dir) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), AgynApplication.class.getName()));
        command.addAll(List.of(args(home, dir)));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("child.log").toFile()).start();
    }

    /** The postmaster's pid once the child's PostgreSQL serves the data directory. */
    private static long awaitPostmaster(Process jvm, Path dir, Path home) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!jvm.isAlive()) {
                throw new AssertionError("the child JVM ended: " + Files.readString(home.resolve("child.log")));
            }
            var pid = PostmasterPid.read(dir);
            if (pid.isPresent() && pid.get().alive() && pid.get().servesDirectory(dir)
                    && Files.readString(home.resolve("child.log")).contains("Embedded PostgreSQL started")) {
                return pid.get().pid();
            }
            Thread.sleep(200);
        }
        jvm.destroyForcibly();
        throw new AssertionError("no PostgreSQL within 3 minutes: " + Files.readString(home.resolve("child.log")));
    }
}
