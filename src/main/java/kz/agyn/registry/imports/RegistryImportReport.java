package kz.agyn.registry.imports;

import java.util.List;

/**
 * What a bulk import of scholars, awards and jobs found and did. {@code status} is VALID (checked, nothing
 * written), INVALID (problems; nothing written), IMPORTED, or CANCELLED, FAILED or INTERRUPTED (stopped, by a
 * request, an error, or the application's end; nothing written).
 * Rows already in the registry (the same {@code scholar_ref}, {@code award_ref}, or scholar and {@code seq})
 * are counted in {@code existing} and left alone, so importing the same files twice changes nothing.
 */
public record RegistryImportReport(String status, int scholars, int awards, int employments, int existing,
                                   long problemCount, List<Problem> problems, long millis) {

    /** Stopped on request before anything was committed: nothing was written. */
    public static final String CANCELLED = "CANCELLED";
    /** Stopped by an error of the system's own (not of the files): nothing was written. */
    public static final String FAILED = "FAILED";
    /** The application stopped (a crash, a kill) while it ran: nothing was written. Known at the next start. */
    public static final String INTERRUPTED = "INTERRUPTED";

    /** One problem, located; {@code message} is in the reader's language and names no personal data. */
    public record Problem(String file, String sheet, long row, String column, String code, String message) {
    }
}
