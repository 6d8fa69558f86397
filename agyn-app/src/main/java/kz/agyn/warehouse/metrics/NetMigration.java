package kz.agyn.warehouse.metrics;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Net migration and its crude rate per 1,000 population.
 *
 * <p>Reference: United Nations, Department of Economic and Social Affairs, <i>World Population
 * Prospects</i>, definition of the net migration rate; Preston, S. H., Heuveline, P. &amp; Guillot, M.
 * (2001), <i>Demography: Measuring and Modeling Population Processes</i>, Blackwell, ch. 1 (crude rates
 * over person-years lived, approximated by the mid-year population).
 */
public final class NetMigration {

    private NetMigration() {
    }

    /**
     * Net migration, in persons; negative when more leave than arrive.
     *
     * <pre>net = I − E</pre>
     *
     * <p>Empty when a value is missing.
     *
     * @param immigrants I, arrivals in the period
     * @param emigrants  E, departures in the period
     * @throws IllegalArgumentException if a count is negative
     */
    public static Optional<BigDecimal> net(BigDecimal immigrants, BigDecimal emigrants) {
        if (Decimals.anyNull(immigrants, emigrants)) {
            return Optional.empty();
        }
        Decimals.requireNonNegative(immigrants, "immigrants");
        Decimals.requireNonNegative(emigrants, "emigrants");
        return Optional.of(immigrants.subtract(emigrants));
    }

    /**
     * Crude net migration rate per 1,000, over the mid-year population.
     *
     * <pre>rate = 1000 × (I − E) / P_mid</pre>
     *
     * <p>Empty when a value is missing or the population is zero.
     *
     * @throws IllegalArgumentException if a count is negative
     */
    public static Optional<BigDecimal> ratePerThousand(BigDecimal immigrants, BigDecimal emigrants,
                                                       BigDecimal midYearPopulation) {
        if (Decimals.anyNull(immigrants, emigrants, midYearPopulation)) {
            return Optional.empty();
        }
        Decimals.requireNonNegative(midYearPopulation, "mid-year population");
        return net(immigrants, emigrants).flatMap(
                n -> Decimals.divide(Decimals.THOUSAND.multiply(n), midYearPopulation));
    }

    /**
     * Crude net migration rate per 1,000, over the mean of the populations at the start and the end
     * of the period: the usual substitute when only 1 January figures are published (as in
     * Kazakhstan's statistics), the end being the next year's 1 January.
     *
     * <pre>rate = 1000 × (I − E) / ((P_start + P_end) / 2)</pre>
     *
     * <p>Empty when a value is missing or both populations are zero.
     *
     * @throws IllegalArgumentException if a count is negative
     */
    public static Optional<BigDecimal> ratePerThousandAveragePopulation(BigDecimal immigrants, BigDecimal emigrants,
                                                                        BigDecimal populationStart,
                                                                        BigDecimal populationEnd) {
        if (Decimals.anyNull(populationStart, populationEnd)) {
            return Optional.empty();
        }
        Decimals.requireNonNegative(populationStart, "population at the start");
        Decimals.requireNonNegative(populationEnd, "population at the end");
        BigDecimal average = populationStart.add(populationEnd).divide(Decimals.TWO);
        return ratePerThousand(immigrants, emigrants, average);
    }
}
