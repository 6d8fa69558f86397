package kz.agyn.residency.estimator;

/** Where a person stands at the end of the period. */
public enum Status {
    /** Signs of life say the person lives in Kazakhstan. */
    RESIDENT,
    /** Left since a month (deregistered, abroad more than 12 months by the border records, or signs stopped). */
    EMIGRATED,
    /** The evidence does not decide (index between the thresholds, or border records and signs disagree). */
    UNCERTAIN,
    /** A recorded death: not counted either way. */
    DECEASED
}
