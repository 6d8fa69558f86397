package kz.agyn.measure;

/** The unit of a KPI's values, baseline and target. */
public enum KpiUnit {
    /** A percentage, 0–100. */
    PERCENT,
    /** Tenge. */
    KZT,
    /** A count of things (agreements, people). */
    COUNT
}
