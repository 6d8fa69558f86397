package kz.agyn.registry.obligation;

/** How a break between two counted jobs is treated. */
public enum GapMode {
    /** The clock stops: days between jobs are not worked off, the required days still have to be worked. */
    PAUSE,
    /**
     * A break of at most {@link ObligationRules#graceDays()} days between two counted jobs is credited as worked
     * in full; a longer break is credited nothing. A break still open on the evaluation date is not credited
     * until the next job starts, so that days worked never fall as time passes.
     */
    GRACE
}
