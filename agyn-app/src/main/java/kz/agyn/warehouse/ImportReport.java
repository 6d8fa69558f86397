package kz.agyn.warehouse;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.agyn.platform.problems.ProblemCollector;
import kz.agyn.platform.problems.ShownProblem;

/**
 * What an uploaded file would add. Nothing is written until the user accepts a report without problems.
 * {@code problemCount} may exceed the problems listed: the list stops at {@link ProblemCollector#MAX_LISTED}.
 * {@code status}: see {@link ImportStatus}. For a workbook, {@code sheet} is the
 * sheet read and {@code sheets} all of them, to choose another in the mapping. {@code notes} are lines the user
 * should read although nothing is wrong: which sheet was read, how many rows were left out as groups of countries.
 * {@code leftOut}: how many rows the mapping's slice left out, by the column and code that put them outside it
 * ("FREQ=M" → 120). {@code structure}: the SDMX data structure the message was read with ({@code ECB:ECB_AME1(1.0)}),
 * if its structure message came with it; {@code codeNames}: what the codes met in each coded column stand for
 * (column → code → name in the reader's language). The data keep the codes; the names are for reading.
 */
public record ImportReport(UUID id, String dataset, String fileName, String format, ImportStatus status, long rows,
                           int problemCount, List<ShownProblem> problems, List<String> columns,
                           ImportMapping mapping, Integer existingVersion, Integer version,
                           OffsetDateTime createdAt, String sheet, List<String> sheets, List<ShownProblem> notes,
                           Map<String, Long> leftOut, String structure, Map<String, Map<String, String>> codeNames) {

    /**
     * A clean file, or one whose write was interrupted (the application stopped while accepting it; nothing was
     * written). An import interrupted while being checked has no counts and must be checked again first.
     */
    public boolean acceptable() {
        return status == ImportStatus.VALID || interruptedWhileWriting();
    }

    /** Interrupted while being written: it was clean and can be accepted again. */
    public boolean interruptedWhileWriting() {
        return status == ImportStatus.INTERRUPTED && rows > 0 && problemCount == 0;
    }
}
