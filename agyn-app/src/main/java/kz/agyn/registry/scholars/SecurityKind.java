package kz.agyn.registry.scholars;

/** How an award's repayment is secured, as the Bolashak rules require one or the other. */
public enum SecurityKind {
    /** A pledge of real estate worth at least the full cost of study. */
    PLEDGE,
    /** Guarantors with joint liability. */
    GUARANTORS
}
