package kz.agyn.warehouse.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import kz.agyn.platform.cli.ProgressLine;
import kz.agyn.platform.problems.ShownProblem;
import kz.agyn.warehouse.ImportOutcome;
import kz.agyn.warehouse.ImportProgress;
import kz.agyn.warehouse.ImportReport;
import kz.agyn.warehouse.ImportService;
import kz.agyn.warehouse.ImportStatus;
import kz.agyn.warehouse.Warehouse;
import org.springframework.context.MessageSource;

/**
 * What the commands that import into the warehouse ({@code import}, {@code refresh}) print: the progress of a
 * check or a write, and the report, alike, so that a user reads a refresh's problems as an upload's.
 */
public final class ImportConsole {

    private ImportConsole() {
    }

    /** Shows the import's progress on one line of {@code err} until it is done. */
    public static void follow(ImportService imports, UUID id, PrintWriter err, MessageSource messages,
                               Locale locale, String phase) throws InterruptedException {
        String label = messages.getMessage("imports.phase." + phase, null, phase, locale);
        ProgressLine line = new ProgressLine(err);
        while (true) {
            ImportProgress p = imports.progress(id).orElseThrow();
            line.show(label, Math.max(p.percent(), 0), Long.toString(p.rows()));
            if (p.done()) {
                line.end();
                return;
            }
            Thread.sleep(250);
        }
    }

    /** The import's report: status, counts, notes, what a slice left out, and each problem where it is. */
    public static void print(ImportReport r, PrintWriter out, MessageSource messages, Locale locale) {
        out.println(r.fileName() + ": " + messages.getMessage("imports.status." + r.status(), null, locale) + " — "
                + messages.getMessage("imports.summary", new Object[] {r.rows(), r.problemCount()}, locale));
        for (ShownProblem n : r.notes()) {
            out.println("  " + n.message());
        }
        if (r.leftOut() != null && !r.leftOut().isEmpty()) {
            StringBuilder left = new StringBuilder("  " + messages.getMessage("imports.leftOut", null, locale));
            r.leftOut().forEach((code, n) -> left.append(' ').append(code).append(": ").append(n).append(';'));
            out.println(left.substring(0, left.length() - 1));
        }
        if (r.codeNames() != null && !r.codeNames().isEmpty()) {
            // The codes stay codes in the data; here the reader learns what they stand for.
            out.println("  " + messages.getMessage("structure.codes", null, locale) + " (" + r.structure() + "):");
            r.codeNames().forEach((column, names) -> {
                StringBuilder line = new StringBuilder("    " + column + ":");
                names.forEach((code, name) -> line.append(' ').append(code).append(" = ").append(name).append(';'));
                out.println(line.substring(0, line.length() - 1));
            });
        }
        for (ShownProblem p : r.problems()) {
            out.println("  " + p.line());
        }
        if (r.problemCount() > r.problems().size()) {
            out.println("  " + messages.getMessage("imports.moreProblems",
                    new Object[] {r.problems().size(), r.problemCount()}, locale));
        }
    }

    /**
     * Writes a checked import and follows the write; the report once written, or empty when the write was cancelled
     * (Ctrl-C), which is then said on {@code err}.
     */
    public static Optional<ImportReport> write(ImportService imports, UUID id, String user, PrintWriter err,
                                                         MessageSource messages, Locale locale)
            throws InterruptedException {
        imports.acceptAsync(id, user);
        follow(imports, id, err, messages, locale, "WRITING");
        ImportReport report = imports.report(id, locale);
        if (report.status() != ImportStatus.ACCEPTED) {
            err.println(messages.getMessage("warehouse.import.cancelled", null, locale));
            return Optional.empty();
        }
        return Optional.of(report);
    }

    /**
     * The line that says what a written import became: {@code said} of its outcome, and which version is current
     * when it is not.
     */
    public static String outcome(Warehouse warehouse, ImportReport report, MessageSource messages, Locale locale,
                                 Function<ImportOutcome, String> said) {
        return warehouse.outcome(report).map(o -> o.current() || o.currentVersion() == null ? said.apply(o)
                        : said.apply(o) + " " + messages.getMessage("imports.notCurrent",
                                new Object[] {o.version(), o.currentVersion()}, locale))
                .orElseGet(() -> messages.getMessage("imports.accepted", new Object[] {report.version()}, locale));
    }
}
