package kz.agyn.warehouse.refresh.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

import kz.agyn.kernel.UserException;
import kz.agyn.platform.cli.CommandApplication;
import kz.agyn.platform.cli.CtrlC;
import kz.agyn.platform.cli.ImportOptions;
import kz.agyn.warehouse.cli.ImportConsole;
import kz.agyn.warehouse.ImportReport;
import kz.agyn.warehouse.ImportService;
import kz.agyn.warehouse.ImportStatus;
import kz.agyn.warehouse.Warehouse;
import kz.agyn.warehouse.refresh.RefreshService;
import kz.agyn.warehouse.refresh.SourceException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code agyn refresh DATASET}: fetches the dataset's source (set on its page or with
 * {@code PUT /api/v1/datasets/{code}/source}) and imports the message with the import command's progress bar and
 * report; a clean message is written as a new version unless {@code --check-only}. Ctrl-C stops the check or rolls
 * the write back. Exit 0: a new version, or nothing new; 1: the message has problems; 2: a usage error (no such
 * dataset, no source); 3: the source could not be read, or the refresh was cancelled.
 */
@Command(name = "refresh", mixinStandardHelpOptions = true,
        description = "Fetch a dataset's source (an agency's SDMX web service or the World Bank API) and import it "
                + "as a new version, through the same checks as an uploaded file.")
public class RefreshCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "code of the dataset")
    String dataset;

    @Option(names = "--check-only", description = "fetch and check, but write nothing")
    boolean checkOnly;

    @Mixin
    ImportOptions options;

    @Spec
    CommandSpec spec;

    private volatile ImportService service;
    private volatile UUID running;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Locale locale = options.locale();
        try (CtrlC ctrlC = new CtrlC(this::interrupt, "refresh-cancel");
             ConfigurableApplicationContext context = CommandApplication.start()) {
            service = context.getBean(ImportService.class);
            ctrlC.arm();
            MessageSource messages = context.getBean(MessageSource.class);
            RefreshService refresh = context.getBean(RefreshService.class);
            RefreshService.Started started;
            try {
                err.println(messages.getMessage("refresh.cli.fetching",
                        new Object[] {refresh.address(refresh.require(dataset))}, locale));
                started = refresh.start(dataset, options.user(), locale);
            } catch (SourceException e) {
                err.println(messages.getMessage(e.code(), e.args(), e.code(), locale));
                return 3;
            } catch (UserException e) {
                err.println(messages.getMessage(e.code(), e.args(), e.code(), locale));
                return 2;
            }
            started.leftOut().forEach(out::println);
            if (started.nothingNew()) {
                out.println(messages.getMessage("refresh.nothingNew",
                        new Object[] {started.url(), started.currentVersion()}, locale));
                return 0;
            }
            return imported(context, started, messages, locale, out, err);
        }
    }

    private int imported(ConfigurableApplicationContext context, RefreshService.Started started,
                         MessageSource messages, Locale locale, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        ImportService imports = service;
        UUID id = started.importId();
        running = id;
        ImportConsole.follow(imports, id, err, messages, locale, "VALIDATING");
        ImportReport report = imports.report(id, locale);
        ImportConsole.print(report, out, messages, locale);
        if (!report.acceptable()) {
            return report.status() == ImportStatus.CANCELLED ? 3 : 1;
        }
        if (checkOnly) {
            return 0;
        }
        Optional<ImportReport> written = ImportConsole.write(imports, id, options.user(), err, messages,
                locale);
        if (written.isEmpty()) {
            return 3;
        }
        // A message that holds the current version's data is "nothing new", as when no import was needed.
        out.println(ImportConsole.outcome(context.getBean(Warehouse.class), written.get(), messages, locale,
                o -> o.newVersion() ? messages.getMessage("imports.accepted", new Object[] {o.version()}, locale)
                        : o.current() ? messages.getMessage("refresh.nothingNew",
                                new Object[] {started.url(), o.version()}, locale)
                        : messages.getMessage(o.key(), new Object[] {o.version()}, locale)));
        return 0;
    }

    private void interrupt() {
        ImportService s = service;
        UUID id = running;
        if (s != null && id != null) {
            s.cancel(id);
        }
    }
}
