package kz.agyn.warehouse.metrics;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Optional;

/**
 * Research and development intensity, and how far a country lags a comparison group.
 *
 * <p>Reference: OECD (2015), <i>Frascati Manual 2015: Guidelines for Collecting and Reporting Data on
 * Research and Experimental Development</i>, OECD Publishing, Paris (GERD and its ratio to GDP);
 * UNESCO Institute for Statistics, indicator "GERD as a percentage of GDP" (SDG 9.5.1).
 */
public final class RdIntensity {

    private RdIntensity() {
    }

    /**
     * R&amp;D intensity, in percent of GDP.
     *
     * <pre>intensity = GERD / GDP × 100</pre>
     *
     * <p>GERD: gross domestic expenditure on R&amp;D; GDP in the same currency and year.
     * Empty when a value is missing or GDP is zero.
     *
     * @throws IllegalArgumentException if a value is negative
     */
    public static Optional<BigDecimal> intensity(BigDecimal gerd, BigDecimal gdp) {
        if (Decimals.anyNull(gerd, gdp)) {
            return Optional.empty();
        }
        Decimals.requireNonNegative(gerd, "GERD");
        Decimals.requireNonNegative(gdp, "GDP");
        return Decimals.divide(gerd.multiply(Decimals.HUNDRED), gdp);
    }

    /**
     * The comparison group's mean intensity, in percent of GDP.
     *
     * <pre>simple:       Ī = Σ I_i / k
     * GDP-weighted: Ī = Σ (GDP_i × I_i) / Σ GDP_i</pre>
     *
     * <p>Empty when the group is empty, or, weighted, when a member has no GDP or the GDPs sum to zero.
     */
    public static Optional<BigDecimal> groupMean(Collection<Peer> group, Weighting weighting) {
        if (group == null || group.isEmpty() || weighting == null) {
            return Optional.empty();
        }
        BigDecimal numerator = BigDecimal.ZERO;
        BigDecimal denominator = BigDecimal.ZERO;
        for (Peer peer : group) {
            BigDecimal weight = weighting == Weighting.SIMPLE ? BigDecimal.ONE : peer.gdp();
            if (weight == null) {
                return Optional.empty();
            }
            numerator = numerator.add(weight.multiply(peer.intensity()));
            denominator = denominator.add(weight);
        }
        return Decimals.divide(numerator, denominator);
    }

    /**
     * Gap to the comparison group, in percentage points; positive when the country lags.
     *
     * <pre>gap = Ī − I_own</pre>
     *
     * <p>Empty when the own value is missing or the group mean is (see {@link #groupMean}).
     *
     * @throws IllegalArgumentException if the own intensity is negative
     */
    public static Optional<BigDecimal> gap(BigDecimal own, Collection<Peer> group, Weighting weighting) {
        if (own == null) {
            return Optional.empty();
        }
        Decimals.requireNonNegative(own, "own R&D intensity");
        return groupMean(group, weighting).map(mean -> mean.subtract(own, Decimals.MC));
    }

    /**
     * The country's intensity as a fraction of the group's.
     *
     * <pre>ratio = I_own / Ī</pre>
     *
     * <p>Empty when the own value is missing, the group mean is, or the group mean is zero.
     *
     * @throws IllegalArgumentException if the own intensity is negative
     */
    public static Optional<BigDecimal> ratio(BigDecimal own, Collection<Peer> group, Weighting weighting) {
        if (own == null) {
            return Optional.empty();
        }
        Decimals.requireNonNegative(own, "own R&D intensity");
        return groupMean(group, weighting).flatMap(mean -> Decimals.divide(own, mean));
    }
}
