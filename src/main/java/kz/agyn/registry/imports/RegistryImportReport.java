package kz.agyn.registry.imports;

import java.util.List;

import kz.agyn.platform.problems.ShownProblem;

/**
 * What a bulk import of scholars, awards and jobs found and did, as shown to one reader: the problems are in their
 * language (see {@link RegistryImportResult}, the same untranslated). {@code status} is VALID (checked, nothing
 * written), INVALID (problems; nothing written), IMPORTED, or CANCELLED, FAILED or INTERRUPTED (stopped, by a
 * request, an error, or the application's end; nothing written).
 * Rows already in the registry (the same {@code scholar_ref}, {@code award_ref}, or scholar and {@code seq})
 * are counted in {@code existing} and left alone, so importing the same files twice changes nothing. A problem
 * names no personal data.
 */
public record RegistryImportReport(String status, int scholars, int awards, int employments, int existing,
                                   long problemCount, List<ShownProblem> problems, long millis) {

    /** Stopped on request before anything was committed: nothing was written. */
    public static final String CANCELLED = "CANCELLED";
    /** Stopped by an error of the system's own (not of the files): nothing was written. */
    public static final String FAILED = "FAILED";
    /** The application stopped (a crash, a kill) while it ran: nothing was written. Known at the next start. */
    public static final String INTERRUPTED = "INTERRUPTED";
}
