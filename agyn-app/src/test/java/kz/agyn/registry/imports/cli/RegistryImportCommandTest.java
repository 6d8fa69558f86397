package kz.agyn.registry.imports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import kz.agyn.AgynTest;
import kz.agyn.Main;
import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditEvent;
import kz.agyn.audit.AuditLog;
import kz.agyn.audit.AuditQuery;
import kz.agyn.registry.CommandServices;
import kz.agyn.registry.imports.ImportFixtures;
import kz.agyn.registry.imports.ImportGate;
import kz.agyn.registry.imports.RegistryImportJobs;
import kz.agyn.registry.imports.RegistryImportProgress;
import kz.agyn.registry.scholars.ScholarService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import picocli.CommandLine;

/**
 * {@code agyn registry-import}, run in-process against the test application: a clean set is imported (exit 0),
 * a check writes nothing, a file with problems lists each with file, row and column (exit 1) and never the IIN,
 * a file of no known kind is a usage error (exit 2), and an import cancelled as Ctrl-C would cancel it writes
 * nothing (exit 3).
 */
class RegistryImportCommandTest extends AgynTest {

    static final String USER = "cli-test-importer";

    @Autowired
    AuditLog audit;

    @Autowired
    RegistryImportJobs jobs;

    @Autowired
    MessageSource messages;

    @Autowired
    ScholarService scholars;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    RegistryImportCommand command;

    @AfterEach
    void noListener() {
        jobs.listener(null);
    }

    int run(String... args) {
        command = new RegistryImportCommand(() -> new CommandServices<>(jobs, messages, () -> {
            // the test's application outlives the command
        }));
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--lang", "en", "--user", USER));
        return cli.execute(all.toArray(String[]::new));
    }

    static String[] paths(List<Path> files) {
        return files.stream().map(Path::toString).toArray(String[]::new);
    }

    @Test
    void aCleanSetIsCheckedThenImported() throws Exception {
        ImportFixtures f = ImportFixtures.of(scholars, "CLI", 2);
        // In any order: each file's kind is told by its header, not by its place or its name.
        List<Path> files = f.write(dir);
        Path renamed = Files.move(files.get(1), dir.resolve("b.csv"));
        String[] args = {files.get(2).toString(), renamed.toString(), files.get(0).toString()};

        String[] check = new String[args.length + 1];
        System.arraycopy(args, 0, check, 0, args.length);
        check[args.length] = "--check-only";
        assertThat(run(check)).isZero();
        assertThat(out.toString()).startsWith("Checked: no problems, nothing written yet")
                .contains("Scholars: 2; awards: 2; jobs: 2");
        assertThat(f.stored(jdbc)).isZero();

        out.getBuffer().setLength(0);
        assertThat(run(args)).isZero();
        assertThat(out.toString()).startsWith("Imported").contains("Scholars: 2; awards: 2; jobs: 2");
        assertThat(f.stored(jdbc)).isEqualTo(8);
        assertThat(out + err.toString()).doesNotContain(f.iins().get(0)).doesNotContain(ImportFixtures.LAST_NAME);
        // The audit log names who ran the command, and the command leaves this thread as it found it.
        List<AuditEvent> rows = audit.search(new AuditQuery(USER, AuditAction.IMPORT, null, null, null, null, 0, 10));
        assertThat(rows).isNotEmpty();
        assertThat(rows.get(0).roles()).isEqualTo("CLI");
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }

    @Test
    void problemsAreListedWithFileRowAndColumnAndTheExitCodeSaysSo() throws Exception {
        ImportFixtures f = ImportFixtures.of(scholars, "CLB", 2);
        String good = f.iins().get(1);
        String bad = good.substring(0, 11) + (char) ('0' + (good.charAt(11) - '0' + 1) % 10);
        List<Path> files = f.write(dir);
        Files.writeString(files.get(0), f.scholars().replace(good, bad), StandardCharsets.UTF_8);
        Files.writeString(files.get(1), f.awards().replace(",GB,", ",XX,"), StandardCharsets.UTF_8);

        assertThat(run(paths(files))).isEqualTo(1);
        String report = out.toString();
        assertThat(report).startsWith("Problems found: nothing was written");
        assertThat(report).contains("  scholars.csv, 3, iin: ").contains("  awards.csv, 2, host_country: ");
        assertThat(report + err).doesNotContain(bad).doesNotContain(good).doesNotContain(ImportFixtures.LAST_NAME);
        assertThat(f.stored(jdbc)).isZero();
    }

    @Test
    void aFileOfNoKnownKindOrMissingIsAUsageError() throws Exception {
        Path other = Files.writeString(dir.resolve("other.csv"), "a,b\n1,2\n");
        assertThat(run(other.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("other.csv: its header row shows neither scholars, awards nor employments");
        assertThat(run(dir.resolve("absent.csv").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("Cannot read the file " + dir.resolve("absent.csv"));
        assertThat(run()).isEqualTo(2);
    }

    @Test
    void anImportStoppedAsCtrlCStopsItWritesNothing() throws Exception {
        ImportFixtures f = ImportFixtures.of(scholars, "CLX", 3);
        // What the shutdown hook does, done as the rows begin to be written.
        jobs.listener(new ImportGate(USER, RegistryImportProgress.Phase.WRITING, id -> command.interrupt()));
        assertThat(run(paths(f.write(dir)))).isEqualTo(3);
        assertThat(out.toString()).startsWith("Cancelled: nothing was written");
        assertThat(f.stored(jdbc)).isZero();
    }

    @Test
    void theCommandIsListedInTheHelp() {
        StringWriter help = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(help));
        assertThat(cli.execute("--help")).isZero();
        assertThat(help.toString()).contains("registry-import");
    }
}
