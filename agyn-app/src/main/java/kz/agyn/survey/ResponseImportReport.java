package kz.agyn.survey;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import kz.agyn.platform.problems.ProblemCollector;

/**
 * What a response file would add to a survey. Nothing is written until a report without problems is
 * accepted.
 *
 * @param status          see {@link ResponseImportStatus}
 * @param rows            data rows read
 * @param problemCount    all problems; the list stops at {@link ProblemCollector#MAX_LISTED}
 * @param written         respondents written on acceptance; 0 when the same file had been accepted before
 * @param alreadyImported true when the survey already holds this file's responses (same SHA-256)
 */
public record ResponseImportReport(UUID id, int surveyId, String fileName, String format, String sha256,
                                   ResponseImportStatus status, long rows, int problemCount, List<ResponseProblem> problems,
                                   List<String> columns, Integer written, boolean alreadyImported,
                                   OffsetDateTime createdAt) {

    public ResponseImportReport {
        problems = List.copyOf(problems);
        columns = List.copyOf(columns);
    }

    public boolean acceptable() {
        return status == ResponseImportStatus.VALID;
    }
}
