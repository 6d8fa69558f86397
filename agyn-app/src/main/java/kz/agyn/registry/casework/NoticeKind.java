package kz.agyn.registry.casework;

/** The letters an officer prints or sends to a scholar from the casework. */
public enum NoticeKind {
    /** A six-monthly work report is due or overdue. */
    REPORT_REMINDER,
    /** The obligation is breached: the amount owed and how to repay it. */
    BREACH,
    /** The agreed instalment schedule with the balance. */
    INSTALMENT_SCHEDULE
}
