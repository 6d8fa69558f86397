package kz.agyn.registry.casework;

import java.time.LocalDate;

/**
 * A task the monitoring pass should hold open: {@code overdue} false for "report due", true for "report overdue".
 *
 * @param awardId the award
 * @param overdue whether the report is overdue (else due)
 * @param dueOn   the end of the (earliest such) period
 */
public record ReportTask(long awardId, boolean overdue, LocalDate dueOn) {
}
