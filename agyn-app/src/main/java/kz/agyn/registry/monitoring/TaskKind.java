package kz.agyn.registry.monitoring;

/** What a monitoring task asks an officer to look at; the due date of each kind is given below. */
public enum TaskKind {
    /** Not back yet and expected within the horizon (study ends or the deadline falls in it); due: the deadline. */
    DUE_HOME,
    /** Not back by the return deadline; due: the deadline that passed. */
    OVERDUE,
    /** Back and working off, but no job reported for more than N days; due: the day the N days ran out. */
    NO_EMPLOYER,
    /** The latest job after study is abroad; due: that job's start. */
    MOVED_ABROAD,
    /**
     * A six-monthly work report falls due (its period ends within the reminder horizon, or ended within the grace
     * period) and has not arrived; due: the period's end. See {@link kz.agyn.registry.casework.WorkReports}.
     */
    REPORT_DUE,
    /** A work report's grace period has passed without the report; due: the end of the earliest such period. */
    REPORT_OVERDUE
}
