package kz.agyn.warehouse.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

import kz.agyn.kernel.UserException;
import kz.agyn.platform.cli.CliMessages;
import kz.agyn.platform.cli.CommandApplication;
import kz.agyn.platform.cli.CtrlC;
import kz.agyn.platform.cli.ImportOptions;
import kz.agyn.warehouse.ImportMapping;
import kz.agyn.warehouse.ImportReport;
import kz.agyn.warehouse.ImportService;
import kz.agyn.warehouse.Warehouse;
import kz.agyn.reference.Names;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code agyn import FILE --dataset CODE [--accept]}: the same checks as the web upload, with a progress bar on
 * the terminal; Ctrl-C during the write rolls it back. Exit code 0 when the file is clean (and written, with
 * --accept), 1 when it has problems, 2 for a usage error.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Check a statistics file (CSV, XLSX, SDMX-CSV, SDMX-ML) and, with --accept, write it as a new "
                + "version of a dataset.")
public class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "the file")
    Path file;

    @Option(names = "--dataset", description = "code of the dataset to import into (required unless the template "
            + "names one)")
    String dataset;

    @Option(names = "--format", description = "csv, xlsx, sdmx-csv or sdmx-ml (detected when absent)")
    String format;

    @Option(names = "--mapping", description = "column mapping as JSON, or @file.json")
    String mapping;

    @Option(names = "--template", description = "name of a saved mapping template (its dataset is used when "
            + "--dataset is not given); GET /api/v1/import-templates lists them")
    String template;

    @Option(names = "--sheet", description = "the sheet of a workbook to read (the report names the sheet read "
            + "and lists the others)")
    String sheet;

    @Option(names = "--save-template", description = "save the mapping the file was checked with as a template "
            + "under this name")
    String saveTemplate;

    @Option(names = "--structure", description = "the dataflow's SDMX structure message (SDMX-ML 2.1/3.0, an "
            + "agency's /datastructure/… or /dataflow/…?references=all answer): names the codes in the report, reads "
            + "areas and units through its code lists")
    Path structure;

    @Option(names = "--accept", description = "write the file when it has no problems")
    boolean accept;

    @ArgGroup(exclusive = false, heading = "%nTo create the dataset when it does not exist yet:%n")
    NewDataset create;

    @Mixin
    ImportOptions options;

    /** What a new dataset needs, as on the import page: a title in the three languages and its publisher. */
    static class NewDataset {
        @Option(names = "--title-kk", required = true, description = "title in Kazakh")
        String titleKk;

        @Option(names = "--title-ru", required = true, description = "title in Russian")
        String titleRu;

        @Option(names = "--title-en", required = true, description = "title in English")
        String titleEn;

        @Option(names = "--publisher", required = true, description = "who publishes the data")
        String publisher;

        @Option(names = "--citation", description = "how to cite it")
        String citation;

        @Option(names = "--url", description = "where it is published")
        String url;

        @Option(names = "--licence", description = "its licence, e.g. CC BY 4.0")
        String licence;

        @Option(names = "--synthetic", description = "the data are synthetic, not observed")
        boolean synthetic;
    }

    @Spec
    CommandSpec spec;

    private volatile ImportService service;
    private volatile UUID running;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Locale locale = options.locale();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            err.println(CliMessages.get(locale, "cli.fileUnreadable", file));
            return 2;
        }
        try (CtrlC ctrlC = new CtrlC(this::interrupt, "import-cancel");
             ConfigurableApplicationContext context = CommandApplication.start()) {
            ImportService imports = context.getBean(ImportService.class);
            service = imports;
            // From here Ctrl-C stops the check or the write under way (a write is rolled back), and the program
            // waits for that, and for the database to be let go, before it ends.
            ctrlC.arm();
            MessageSource messages = context.getBean(MessageSource.class);
            try {
                return run(context, imports, messages, locale, out, err);
            } catch (UserException e) {
                err.println(messages.getMessage(e.code(), e.args(), e.code(), locale));
                return 2;
            }
        }
    }

    private int run(ConfigurableApplicationContext context, ImportService imports, MessageSource messages,
                    Locale locale, PrintWriter out, PrintWriter err) throws Exception {
        Warehouse warehouse = context.getBean(Warehouse.class);
        ImportMapping m = parseMapping(context.getBean(JsonMapper.class));
        kz.agyn.warehouse.ImportTemplates templates = context.getBean(kz.agyn.warehouse.ImportTemplates.class);
        if (template != null && !template.isBlank()) {
            kz.agyn.warehouse.ImportTemplate t = templates.get(template);
            if (mapping == null || mapping.isBlank()) {
                m = t.mapping();
            }
            if ((dataset == null || dataset.isBlank()) && t.dataset() != null) {
                dataset = t.dataset();
            }
        }
        if (dataset == null || dataset.isBlank()) {
            err.println(messages.getMessage("imports.cli.datasetMissing", null, locale));
            return 2;
        }
        if (sheet != null && !sheet.isBlank()) {
            m = m.withSheet(sheet.trim());
        }
        if (create != null && warehouse.dataset(dataset).isEmpty()) {
            warehouse.createDataset(dataset, new Names(create.titleKk, create.titleRu, create.titleEn),
                    create.publisher, create.citation, create.url, create.licence, create.synthetic);
            err.println(messages.getMessage("imports.dataset.created", new Object[] {dataset}, locale));
        }
        UUID id;
        if (structure == null) {
            try (InputStream in = Files.newInputStream(file)) {
                id = imports.uploadAsync(dataset, file.getFileName().toString(), in, format, m, options.user());
            }
        } else {
            kz.agyn.platform.upload.Uploads uploads = context.getBean(kz.agyn.platform.upload.Uploads.class);
            try (InputStream in = Files.newInputStream(file); InputStream dsdIn = Files.newInputStream(structure);
                 kz.agyn.platform.upload.Upload data = uploads.receive(in, file.getFileName().toString(),
                         imports.maxSize());
                 kz.agyn.platform.upload.Upload dsd = uploads.receive(dsdIn, structure.getFileName().toString(),
                         imports.maxSize())) {
                id = imports.uploadAsync(dataset, data, dsd, format, m, options.user());
            }
        }
        running = id;
        ImportConsole.follow(imports, id, err, messages, locale, "VALIDATING");
        ImportReport report = imports.report(id, locale);
        ImportConsole.print(report, out, messages, locale);
        if (saveTemplate != null && !saveTemplate.isBlank()) {
            templates.saveFromImport(id, saveTemplate, null, options.user(), locale);
            out.println(messages.getMessage("imports.template.saved", new Object[] {saveTemplate.trim()}, locale));
        }
        if (!report.acceptable()) {
            return 1;
        }
        if (accept) {
            Optional<ImportReport> written = ImportConsole.write(imports, id, options.user(), err, messages,
                    locale);
            if (written.isEmpty()) {
                return 1;
            }
            out.println(ImportConsole.outcome(warehouse, written.get(), messages, locale,
                    o -> messages.getMessage(o.key(), new Object[] {o.version()}, locale)));
        }
        return 0;
    }

    /** Asks the write under way, if any, to stop (Ctrl-C). */
    private void interrupt() {
        ImportService s = service;
        UUID id = running;
        if (s != null && id != null) {
            s.cancel(id);
        }
    }

    private ImportMapping parseMapping(JsonMapper json) throws java.io.IOException {
        if (mapping == null || mapping.isBlank()) {
            return ImportMapping.empty();
        }
        String text = mapping.startsWith("@") ? Files.readString(Path.of(mapping.substring(1))) : mapping;
        return service.parseMapping(text);
    }
}
