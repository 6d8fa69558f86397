package kz.agyn.registry.casework;

/** Where one six-monthly work report stands on a day. */
public enum ReportStatus {
    /** Received. */
    RECEIVED,
    /** The period's end is more than the reminder horizon away. */
    UPCOMING,
    /** Within the reminder horizon before the period's end, or within the grace period after it. */
    DUE,
    /** The grace period after the period's end has passed without a report. */
    OVERDUE
}
