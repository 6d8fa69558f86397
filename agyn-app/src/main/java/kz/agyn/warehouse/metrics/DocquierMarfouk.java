package kz.agyn.warehouse.metrics;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Optional;

/**
 * The emigration rate of the highly skilled: what fraction of a country's tertiary-educated people
 * live abroad.
 *
 * <p>Reference: Docquier, F. &amp; Marfouk, A. (2006), "International migration by educational
 * attainment, 1990–2000", in Özden, Ç. &amp; Schiff, M. (eds), <i>International Migration, Remittances
 * and the Brain Drain</i>, World Bank, Washington DC, pp. 151–199.
 *
 * <p>Docquier and Marfouk count E_h as a <em>stock</em>: people born in the country, aged 25 and over,
 * with tertiary education, living in OECD countries, taken from the destinations' censuses. Agyn
 * often has only the origin's deregistration <em>flows</em>; {@link #rateFromFlows} then uses the flows
 * cumulated over a window the caller chooses (ten years is the usual stand-in). A cumulated flow is
 * not a stock: it ignores people who came back or died abroad (so it overstates) and people who left
 * without deregistering (so it understates). A figure computed that way must say so in its source.
 */
public final class DocquierMarfouk {

    private DocquierMarfouk() {
    }

    /**
     * Emigration rate of the highly skilled, as a fraction.
     *
     * <pre>m = E_h / (N_h + E_h)</pre>
     *
     * <p>E_h: tertiary-educated (ISCED 5–8) emigrants, a stock; N_h: the resident tertiary-educated
     * population aged 25 and over. The denominator is the skilled population the country would have
     * if nobody had left, so m reads as "of every 100 skilled nationals, m·100 are abroad".
     * Empty when a value is missing or both are zero.
     *
     * @param emigrantsTertiary         E_h
     * @param residentsTertiary25Plus   N_h
     * @throws IllegalArgumentException if a value is negative
     */
    public static Optional<BigDecimal> rate(BigDecimal emigrantsTertiary, BigDecimal residentsTertiary25Plus) {
        if (Decimals.anyNull(emigrantsTertiary, residentsTertiary25Plus)) {
            return Optional.empty();
        }
        Decimals.requireNonNegative(emigrantsTertiary, "tertiary-educated emigrants");
        Decimals.requireNonNegative(residentsTertiary25Plus, "tertiary-educated residents aged 25+");
        return Decimals.divide(emigrantsTertiary, residentsTertiary25Plus.add(emigrantsTertiary));
    }

    /** {@link #rate(BigDecimal, BigDecimal)} for whole person counts. */
    public static Optional<BigDecimal> rate(long emigrantsTertiary, long residentsTertiary25Plus) {
        return rate(BigDecimal.valueOf(emigrantsTertiary), BigDecimal.valueOf(residentsTertiary25Plus));
    }

    /**
     * The rate with E_h approximated by cumulated annual flows (see the class comment for what that
     * over- and understates).
     *
     * <pre>m = ΣF_h / (N_h + ΣF_h)</pre>
     *
     * <p>F_h: the annual numbers of tertiary-educated emigrants in the window; N_h as in
     * {@link #rate(BigDecimal, BigDecimal)}, at the end of the window. Empty when a flow or N_h is
     * missing, when the window is empty, or when everything is zero.
     *
     * @throws IllegalArgumentException if a value is negative
     */
    public static Optional<BigDecimal> rateFromFlows(Collection<BigDecimal> annualTertiaryEmigrants,
                                                     BigDecimal residentsTertiary25Plus) {
        if (annualTertiaryEmigrants == null || annualTertiaryEmigrants.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal cumulated = BigDecimal.ZERO;
        for (BigDecimal flow : annualTertiaryEmigrants) {
            if (flow == null) {
                return Optional.empty();
            }
            Decimals.requireNonNegative(flow, "annual tertiary-educated emigrants");
            cumulated = cumulated.add(flow);
        }
        return rate(cumulated, residentsTertiary25Plus);
    }
}
