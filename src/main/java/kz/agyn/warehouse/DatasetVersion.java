package kz.agyn.warehouse;

import java.time.OffsetDateTime;

/** One import of a dataset; {@code current} when it is the version read by default. */
public record DatasetVersion(int version, OffsetDateTime importedAt, String importedBy, String fileName,
                             String format, long rows, boolean current) {
}
