package kz.agyn.registry.imports.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import kz.agyn.platform.cli.CliMessages;
import kz.agyn.platform.cli.CtrlC;
import kz.agyn.platform.cli.ImportOptions;
import kz.agyn.platform.cli.ProgressLine;
import kz.agyn.platform.problems.ShownProblem;
import kz.agyn.registry.Access;
import kz.agyn.registry.CommandServices;
import kz.agyn.registry.imports.RegistryFiles;
import kz.agyn.registry.imports.RegistryImportJobs;
import kz.agyn.registry.imports.RegistryImportReport;
import kz.agyn.registry.imports.RegistryImportStatus;
import kz.agyn.registry.imports.RegistryInput;
import org.springframework.context.MessageSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code agyn registry-import FILE... [--check-only]}: the checks and the import of the web page, with progress on
 * standard error and the report (file, row, column and problem) on standard output. Each file's kind (scholars,
 * awards, employments) is told by its header. Ctrl-C cancels: the import is rolled back whole before the
 * program ends. Exit code 0 when the files are clean (and imported, without --check-only), 1 when they have
 * problems, 2 for a usage error, 3 when the import was cancelled or failed (nothing written).
 */
@Command(name = "registry-import", mixinStandardHelpOptions = true,
        description = "Check the scholar registry's bulk files (scholars, awards, employments; CSV or XLSX, as in "
                + "docs/formats/registry.md) and, unless --check-only, import them in one transaction.")
public class RegistryImportCommand implements Callable<Integer> {

    static final int CLEAN = 0;
    static final int PROBLEMS = 1;
    static final int USAGE = 2;
    static final int STOPPED = 3;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "the files, in any order (up to one of each "
            + "kind is usual)")
    List<Path> files;

    @Option(names = "--check-only", description = "check every row and write nothing")
    boolean checkOnly;

    @Mixin
    ImportOptions options;

    @Spec
    CommandSpec spec;

    private final Supplier<CommandServices<RegistryImportJobs>> services;
    private volatile RegistryImportJobs jobs;
    private volatile UUID running;

    /** Starts the application (without its web server) for the import. */
    public RegistryImportCommand() {
        this(() -> CommandServices.application(RegistryImportJobs.class));
    }

    /** Uses services already running; a test's, for one. */
    public RegistryImportCommand(Supplier<CommandServices<RegistryImportJobs>> services) {
        this.services = services;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<RegistryInput> inputs = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                err.println(CliMessages.get(options.locale(), "cli.fileUnreadable", file));
                return USAGE;
            }
            String name = file.getFileName().toString();
            Optional<RegistryInput.Kind> kind = RegistryInput.kindOf(file, name);
            if (kind.isEmpty()) {
                err.println(CliMessages.get(options.locale(), "cli.registryKindUnknown", name));
                return USAGE;
            }
            inputs.add(new RegistryInput(kind.get(), name, file));
        }
        return run(inputs, out, err);
    }

    private int run(List<RegistryInput> inputs, PrintWriter out, PrintWriter err) throws InterruptedException {
        Locale locale = options.locale();
        try (CtrlC ctrlC = new CtrlC(this::interrupt, "registry-import-cancel");
             CommandServices<RegistryImportJobs> s = services.get(); ImportOptions.Acting as = options.actAsUser()) {
            MessageSource messages = s.messages();
            jobs = s.jobs();
            ctrlC.arm();
            running = jobs.start(RegistryFiles.of(inputs), !checkOnly, Access.PERSONAL, options.user());
            RegistryImportStatus status = follow(jobs, running, new ProgressLine(err), messages, locale);
            RegistryImportReport report = status.report();
            print(report, out, messages, locale);
            return switch (report.status()) {
                case VALID, IMPORTED -> CLEAN;
                case INVALID -> PROBLEMS;
                case RUNNING, CANCELLED, FAILED, INTERRUPTED -> STOPPED;
            };
        }
    }

    /** Asks the running import, if any, to stop. */
    void interrupt() {
        RegistryImportJobs j = jobs;
        UUID id = running;
        if (j != null && id != null) {
            j.cancel(id);
        }
    }

    private static RegistryImportStatus follow(RegistryImportJobs jobs, UUID id, ProgressLine line,
                                               MessageSource messages, Locale locale) throws InterruptedException {
        while (true) {
            RegistryImportStatus s = jobs.await(id, Duration.ofMillis(200), locale).orElseThrow();
            if (s.finished()) {
                line.end();
                return s;
            }
            String label = messages.getMessage("registry.import.phase." + s.phase(),
                    new Object[] {s.done(), s.total(), s.rows()}, locale);
            line.show(label, s.percent(), s.cancelRequested()
                    ? messages.getMessage("registry.import.stopping", null, locale) : null);
        }
    }

    private static void print(RegistryImportReport r, PrintWriter out, MessageSource messages, Locale locale) {
        out.println(messages.getMessage("registry.import.status." + r.status(), null, r.status().name(), locale));
        if (!r.status().stopped()) {
            out.println(messages.getMessage("registry.import.counts",
                    new Object[] {r.scholars(), r.awards(), r.employments(), r.existing(), r.millis()}, locale));
        }
        if (r.problemCount() > 0) {
            out.println(messages.getMessage("registry.import.problems",
                    new Object[] {r.problemCount(), r.problems().size()}, locale));
        }
        for (ShownProblem p : r.problems()) {
            out.println("  " + p.line());
        }
        out.flush();
    }
}
