package kz.agyn.registry.obligation;

/**
 * What a scholar in breach owes before any penalty. The unfulfilled share is what is left of the obligation on the
 * breach date (with mixed places, the weighted share: see {@link ObligationRules}).
 */
public enum RepaymentBasis {
    /** The award's total budget times the unfulfilled share. */
    PRO_RATA,
    /** The award's whole budget, whatever was worked. */
    FULL,
    /**
     * What was spent on the award by the breach date, whatever was worked: the published Bolashak rule ("repay
     * what was spent plus a 10% penalty"). A scholar who lost the scholarship after 8 M KZT were spent owes 8 M
     * plus the penalty, not the budget of the whole programme.
     */
    SPENT,
    /** What was spent times the unfulfilled share: SPENT, less what the work already done paid back. */
    SPENT_PRO_RATA
}
