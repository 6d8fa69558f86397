package kz.agyn.residency;

/** A stored aggregate of a residency run ({@code kz.agyn.residency.estimator.Cell} as read back); truth null if unknown. */
public record StoredCell(String dimension, String code, long persons, long emigrated, long official, long uncertain,
                         double low, double high, Long truth) {

    /** Those estimated to have emigrated who did not deregister: what the official count misses. */
    public long hidden() {
        return Math.max(0, emigrated - official);
    }
}
