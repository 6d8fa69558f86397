package kz.agyn.measure;

import java.time.Instant;

/**
 * A comment on a measure, or a piece of evidence: free text about the measure, with a link or a file.
 *
 * @param body     as written
 * @param link     an address, or null
 * @param fileName the attached file's name, or null
 * @param fileSize its size in bytes, 0 without a file
 */
public record MeasureComment(long id, String body, String link, String fileName, long fileSize, String author,
                             Instant createdAt) {
}
