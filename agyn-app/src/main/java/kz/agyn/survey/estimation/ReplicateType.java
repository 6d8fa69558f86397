package kz.agyn.survey.estimation;

/**
 * How a survey's replicate weights were made, which fixes how their spread becomes a variance: R's
 * {@code svrepdesign(type = ...)} with {@code combined.weights = TRUE}, and its defaults for {@code scale} and
 * {@code rscales}. The variance of an estimate θ is {@code scale · Σ_r rscales_r (θ_r − θ̄)²}, θ_r the estimate
 * under replicate r and θ̄ the replicates' mean (or θ itself with {@code mse}).
 */
public enum ReplicateType {
    /** Delete-one-cluster jackknife, unstratified: scale {@code (R − 1) / R}, rscales 1. */
    JK1("JK1"),
    /**
     * Stratified delete-one-cluster jackknife: scale 1, rscales {@code (n_h − 1) / n_h} for the replicate that drops
     * a PSU of stratum h (n_h its PSUs). R requires the rscales; Agyn takes them as given or from the strata.
     */
    JKN("JKn"),
    /** Bootstrap: scale {@code 1 / (R − 1)}, rscales 1. */
    BOOTSTRAP("bootstrap"),
    /** Balanced repeated replication (half-samples): scale {@code 1 / R}, fixed, rscales 1. */
    BRR("BRR"),
    /** Fay's BRR with factor ρ: scale {@code 1 / (R (1 − ρ)²)}, fixed, rscales 1. */
    FAY("Fay");

    private final String rName;

    ReplicateType(String rName) {
        this.rName = rName;
    }

    /** The {@code type} R's {@code svrepdesign} is given. */
    public String rName() {
        return rName;
    }

    /** BRR and Fay have their scale from the number of replicates (and ρ); R ignores one given. */
    public boolean fixedScale() {
        return this == BRR || this == FAY;
    }

    /** R's default scale for {@code replicates} replicates. */
    public double defaultScale(int replicates, Double rho) {
        return switch (this) {
            case JK1 -> (replicates - 1.0) / replicates;
            case JKN -> 1;
            case BOOTSTRAP -> 1.0 / (replicates - 1);
            case BRR -> 1.0 / replicates;
            case FAY -> 1.0 / (replicates * (1 - rho) * (1 - rho));
        };
    }
}
