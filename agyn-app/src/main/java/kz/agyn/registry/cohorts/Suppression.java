package kz.agyn.registry.cohorts;

/** Why a cohort cell is hidden from viewers who may not see small numbers. */
public enum Suppression {
    /** Shown to everyone. */
    NONE,
    /** Fewer graduates than the minimum cell size. */
    PRIMARY,
    /** Large enough itself, hidden so that the total minus the visible rows does not give away a small row. */
    SECONDARY
}
