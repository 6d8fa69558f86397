package kz.agyn.registry.obligation;

/** What a scholar in breach owes before any penalty. */
public enum RepaymentBasis {
    /** The funding times the unfulfilled share of the required days. */
    PRO_RATA,
    /** The whole funding, whatever was worked. */
    FULL
}
