package kz.agyn.warehouse.internal;

import java.util.Map;
import java.util.Set;

/**
 * Which figures of the shipped real datasets could not be checked against a figure their publisher states (the
 * README of {@code resources/realdata} says what was checked, how, and what was searched in vain). The views and
 * exports say so beside the source, so that an analyst does not quote such a figure as if it had been checked.
 * Kept by indicator within a dataset, because one shipped file may hold a checked and an unchecked series (the WDI
 * release of 2024-06-28 holds net migration, checked, and tertiary enrolment, not checked).
 */
public final class RealDataChecks {

    /** Dataset code to the indicators of it that are not checked. */
    private static final Map<String, Set<String>> NOT_CHECKED = Map.of(
            "wb-wdi-education-migration", Set.of("TERTIARY_ENROLMENT_GROSS"),
            // Mirror statistics: one copy of the publication, and no second copy or other figure of the
            // publisher for these arrivals from Kazakhstan was found (README, "searched in vain").
            "eurostat-immigration-kazakhstan", Set.of("MIRROR_INFLOW"));

    private RealDataChecks() {
    }

    /** True when this indicator of this shipped dataset could not be checked against its publisher. */
    public static boolean notChecked(String dataset, String indicator) {
        return dataset != null && indicator != null
                && NOT_CHECKED.getOrDefault(dataset, Set.of()).contains(indicator);
    }
}
