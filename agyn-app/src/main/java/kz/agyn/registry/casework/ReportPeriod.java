package kz.agyn.registry.casework;

import java.time.LocalDate;

/**
 * One six-month period of work-off and its report.
 *
 * @param awardId    the award
 * @param period     1 for the first six months of work, 2 for the next…
 * @param from       the period's first day
 * @param dueOn      the period's end, on which the report falls due
 * @param status     on the day asked about
 * @param receivedOn the day the report arrived, or null
 * @param employer   the employer reported, for personal access only, else null
 * @param position   the position reported, for personal access only, else null
 */
public record ReportPeriod(long awardId, int period, LocalDate from, LocalDate dueOn, ReportStatus status,
                           LocalDate receivedOn, String employer, String position) {
}
