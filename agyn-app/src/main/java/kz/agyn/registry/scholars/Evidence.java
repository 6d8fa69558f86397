package kz.agyn.registry.scholars;

/** How an employment episode became known to the registry. */
public enum Evidence {
    /** Pension contributions paid by the employer (ENPF): employer BIN and months, the register sign of life. */
    PENSION_RECORD,
    /** A certificate from the employer sent in by the scholar. */
    EMPLOYER_CERTIFICATE,
    /** The scholar's own six-monthly report, unconfirmed. */
    SELF_REPORT
}
