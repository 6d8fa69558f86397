package kz.agyn.registry.obligation;

/**
 * Whether work must be in the specialty received: the award's ISCED-F field against the job's ISCO-08 code,
 * through the rule set's table (keys {@code specialty.NN} and {@code specialtyAny}).
 */
public enum SpecialtyCheck {
    /** Not checked. */
    OFF,
    /**
     * Checked and shown to the officer (reason codes), but every job still counts: for a table the operator has
     * not yet confirmed, so that a wrong row cannot silently put a scholar into breach.
     */
    FLAG,
    /** A job whose ISCO code the table does not match to the award's field does not count. */
    REQUIRED
}
