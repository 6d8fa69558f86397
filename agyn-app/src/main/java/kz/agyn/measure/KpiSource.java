package kz.agyn.measure;

/** Where a KPI's actual values come from. */
public enum KpiSource {
    /** An indicator of the warehouse, filtered on its dimensions. */
    WAREHOUSE,
    /** A formula of the registry's cohort analytics over obligation states ({@link RegistryFormula}). */
    REGISTRY,
    /** Values reported by hand, one a year, each with its evidence. */
    MANUAL
}
