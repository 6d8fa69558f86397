package kz.agyn.warehouse.metrics;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * How fast a series changes: from one period to the next, and on average per year over several.
 *
 * <p>Reference: the standard definitions, e.g. OECD, <i>Glossary of Statistical Terms</i> (2008),
 * "growth rate" and "compound annual growth rate".
 */
public final class Growth {

    private Growth() {
    }

    /**
     * Period-on-period growth rate, as a fraction (0.05 is 5%).
     *
     * <pre>rate = (x_t − x_{t−1}) / x_{t−1}</pre>
     *
     * <p>Empty when either value is missing or when {@code x_{t−1} ≤ 0}: from a zero base the rate is
     * infinite, and from a negative base (net migration can be negative) its sign would say the
     * opposite of what happened; show the difference instead.
     *
     * @param current  x_t
     * @param previous x_{t−1}
     */
    public static Optional<BigDecimal> rate(BigDecimal current, BigDecimal previous) {
        if (Decimals.anyNull(current, previous) || previous.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(current.subtract(previous).divide(previous, Decimals.MC));
    }

    /**
     * The step of a series: the gap, in periods of its frequency, that most often separates one observation from
     * the next (the smallest such gap on a tie). Published series have their own rhythm: UN DESA's migrant stock
     * is published for 1990, 1995, …, 2020, so its step is five years, and a "previous period" one year back never
     * exists; the growth rate is then taken over five years, and says so. Gaps that break the rhythm (a missing
     * year in an annual series) give no rate rather than a rate over a different span.
     *
     * @param gaps the gaps between consecutive observations, each at least 1
     * @return the step, or 1 when there are no gaps
     */
    public static int step(java.util.List<Integer> gaps) {
        java.util.Map<Integer, Integer> counts = new java.util.TreeMap<>();
        gaps.forEach(g -> counts.merge(g, 1, Integer::sum));
        int step = 1;
        int most = 0;
        for (java.util.Map.Entry<Integer, Integer> e : counts.entrySet()) {
            if (e.getValue() > most) {
                step = e.getKey();
                most = e.getValue();
            }
        }
        return step;
    }

    /**
     * Compound annual growth rate over {@code years} years, as a fraction.
     *
     * <pre>CAGR = (x_end / x_start)^(1 / n) − 1</pre>
     *
     * <p>The fractional power is taken in {@code double} (with {@link StrictMath}, so every machine
     * gives the same digits) and the result is rounded to DECIMAL64; it is exact to about 1e-15,
     * far beyond what any published series supports.
     *
     * <p>Empty when a value is missing, when {@code x_start ≤ 0} (no growth from nothing) or when
     * {@code x_end < 0} (a negative value has no real root).
     *
     * @param start x_start, the value at the beginning of the span
     * @param end   x_end, the value {@code years} years later
     * @param years n, at least 1
     * @throws IllegalArgumentException if {@code years < 1}
     */
    public static Optional<BigDecimal> compoundAnnualRate(BigDecimal start, BigDecimal end, int years) {
        if (years < 1) {
            throw new IllegalArgumentException("a compound annual rate needs a span of at least one year, got " + years);
        }
        if (Decimals.anyNull(start, end) || start.signum() <= 0 || end.signum() < 0) {
            return Optional.empty();
        }
        if (years == 1) {
            // Over one year CAGR is the simple rate; computing it as one would round once, not twice.
            return rate(end, start);
        }
        BigDecimal ratio = end.divide(start, Decimals.MC);
        double rate = StrictMath.pow(ratio.doubleValue(), 1.0 / years) - 1.0;
        return Optional.of(new BigDecimal(rate).round(Decimals.MC));
    }
}
