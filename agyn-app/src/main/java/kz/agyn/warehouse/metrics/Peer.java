package kz.agyn.warehouse.metrics;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One member of a comparison group for R&amp;D intensity.
 *
 * @param area      who it is, e.g. an ISO 3166-1 code ("KR", "JP"), for labels and traceability
 * @param intensity its GERD as a percentage of GDP
 * @param gdp       its GDP, the weight in a GDP-weighted mean; all peers in one group must use the
 *                  same unit (e.g. billions of international dollars at PPP), since only ratios of
 *                  weights matter. May be {@code null} when only the simple mean is wanted.
 */
public record Peer(String area, BigDecimal intensity, BigDecimal gdp) {

    /** @throws IllegalArgumentException if the intensity or GDP is negative */
    public Peer {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(intensity, "intensity");
        Decimals.requireNonNegative(intensity, "R&D intensity of " + area);
        Decimals.requireNonNegative(gdp, "GDP of " + area);
    }

    /** A peer for the simple mean only. */
    public static Peer of(String area, String intensity) {
        return new Peer(area, new BigDecimal(intensity), null);
    }

    /** A peer usable in both means. */
    public static Peer of(String area, String intensity, String gdp) {
        return new Peer(area, new BigDecimal(intensity), new BigDecimal(gdp));
    }
}
