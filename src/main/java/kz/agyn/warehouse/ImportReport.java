package kz.agyn.warehouse;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What an uploaded file would add. Nothing is written until the user accepts a report without problems.
 * {@code problemCount} may exceed the problems listed: the list stops at {@link #MAX_LISTED}.
 */
public record ImportReport(UUID id, String dataset, String fileName, String format, String status, long rows,
                           int problemCount, List<ImportProblem> problems, List<String> columns,
                           ImportMapping mapping, Integer existingVersion, Integer version,
                           OffsetDateTime createdAt) {

    public static final int MAX_LISTED = 500;

    public boolean acceptable() {
        return "VALID".equals(status);
    }
}
