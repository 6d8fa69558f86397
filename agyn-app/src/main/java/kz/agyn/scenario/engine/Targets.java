package kz.agyn.scenario.engine;

import java.util.EnumMap;
import java.util.Map;

/**
 * What the baseline must reproduce. Rates are a year's flow as a share of the stock (emigrants a year / specialists
 * in Kazakhstan of that group; returnees a year / specialists abroad); NaN where not observed (that group is then
 * not a target). Standard errors are the sampling errors of the observations: relative for the rates, absolute for
 * the reason shares; they set each target's tolerance (two of them) and the spread of the coefficient draws.
 *
 * @param emigrationRateByIsco index 0..9
 * @param emigrationRateByIsced index ISCED 5..8 mapped to 0..3
 * @param returnRate returnees a year over the stock abroad
 * @param scholarReturnRate share of scholars who come back to work off their obligation when studies end (the
 *                          note: 40%)
 * @param reasonShares the relative weight of each reason (sums to 1; see {@link Calibration} for the definition)
 */
public record Targets(double[] emigrationRateByIsco, double[] emigrationRateByIsced, double returnRate,
                      double scholarReturnRate, Map<Reason, Double> reasonShares, double rateRelativeStandardError,
                      double reasonShareStandardError) {

    /** Table 1 of the note: why specialists leave. */
    public static final Map<Reason, Double> TABLE_1 = Map.of(Reason.PAY, 0.45, Reason.GROWTH, 0.25,
            Reason.SOCIO_POLITICAL, 0.15, Reason.RESEARCH, 0.10, Reason.LIVING, 0.05);

    public Targets {
        if (emigrationRateByIsco.length != 10 || emigrationRateByIsced.length != 4) {
            throw new IllegalArgumentException("targets need 10 ISCO and 4 ISCED emigration rates");
        }
        for (double r : emigrationRateByIsco) {
            checkRate(r);
        }
        for (double r : emigrationRateByIsced) {
            checkRate(r);
        }
        checkRate(returnRate);
        checkRate(scholarReturnRate);
        EnumMap<Reason, Double> shares = new EnumMap<>(Reason.class);
        double sum = 0;
        for (Reason r : Reason.values()) {
            double s = reasonShares.getOrDefault(r, 0.0);
            if (!(s >= 0)) {
                throw new IllegalArgumentException("a reason's share must not be negative: " + r);
            }
            shares.put(r, s);
            sum += s;
        }
        if (Math.abs(sum - 1) > 1e-6) {
            throw new IllegalArgumentException("reason shares must sum to 1, summed to " + sum);
        }
        if (!(rateRelativeStandardError > 0) || !(reasonShareStandardError > 0)) {
            throw new IllegalArgumentException("standard errors must be positive");
        }
        emigrationRateByIsco = emigrationRateByIsco.clone();
        emigrationRateByIsced = emigrationRateByIsced.clone();
        reasonShares = Map.copyOf(shares);
    }

    private static void checkRate(double r) {
        if (!Double.isNaN(r) && !(r > 0 && r < 1)) {
            throw new IllegalArgumentException("a rate must be between 0 and 1 (or NaN: not observed), was " + r);
        }
    }

    @Override
    public double[] emigrationRateByIsco() {
        return emigrationRateByIsco.clone();
    }

    @Override
    public double[] emigrationRateByIsced() {
        return emigrationRateByIsced.clone();
    }

    double isco(int g) {
        return emigrationRateByIsco[g];
    }

    double isced(int level) {
        return emigrationRateByIsced[level];
    }
}
