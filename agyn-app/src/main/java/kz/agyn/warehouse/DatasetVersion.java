package kz.agyn.warehouse;

import java.time.OffsetDateTime;

/**
 * One import of a dataset; {@code current} when it is the version read by default. {@code withdrawn} when an
 * administrator withdrew it (decision 0033): its rows stay for the history but it is never current again.
 */
public record DatasetVersion(int version, OffsetDateTime importedAt, String importedBy, String fileName,
                             String format, long rows, boolean current, Withdrawal withdrawn) {

    public DatasetVersion(int version, OffsetDateTime importedAt, String importedBy, String fileName, String format,
                          long rows, boolean current) {
        this(version, importedAt, importedBy, fileName, format, rows, current, null);
    }

    /** Who withdrew something, when and why; also who retired a dataset or closed a survey. */
    public record Withdrawal(OffsetDateTime at, String by, String reason) {
    }
}
