package kz.agyn.measure;

/**
 * A KPI computed by the registry's cohort analytics ({@link kz.agyn.registry.cohorts.CohortService}), over every
 * programme's graduates as of a day: the same definitions the cohort dashboard shows, not a second computation.
 */
public enum RegistryFormula {
    /** Graduates back in Kazakhstan / graduates due back (the cohort table's return rate), in percent. */
    RETURN_RATE,
    /** Graduates back and working off their obligation / graduates, in percent. */
    WORKING_OFF_SHARE
}
