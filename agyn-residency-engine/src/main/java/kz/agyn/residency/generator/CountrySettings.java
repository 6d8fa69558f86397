package kz.agyn.residency.generator;

import java.util.Objects;
import kz.agyn.residency.engine.Period;
import kz.agyn.residency.engine.Register;

/**
 * What a synthetic country is made of. The defaults are documented assumptions, not measurements:
 * <ul>
 *   <li>emigration: an annual hazard of {@code baseRate} = 0.6%, times multipliers by age (18–34 ×2–2.2, over 55
 *       ×0.2–0.4), education (ISCED 6 ×1.6, 7 ×2.2, 8 ×2.5), occupation (ICT professionals ISCO 25 ×2.5, science and
 *       engineering 21 ×2, ICT technicians 35 ×1.8, health 22 ×1.5) and region (the northern and industrial oblasts
 *       ×1.6, Astana and Almaty ×1.3, the south ×0.5); overall about 0.8% a year, of whom {@code deregisteredShare}
 *       (20%) deregister — the official count — and {@code returnShare} (15% of the others) come back after 2–11
 *       months;</li>
 *   <li>signs of life: each register's monthly chance of activity for a person present ({@link #PRESENT}, by
 *       profile) and abroad ({@link #ABROAD}), drawn independently month by month;</li>
 *   <li>noise (when {@code noise}): informal workers (17% of adults of working age; half of them pay the single
 *       aggregate payment, so PENSION, SOCIAL and HEALTH still show some) and seasonal workers abroad May
 *       to October (3%) with sparse signs, children and pensioners with their own registers, a reporting lag (the
 *       last month of TAX lacks 30% of its signs, PENSION/SOCIAL/HEALTH 20%, EMPLOYMENT 10%), one month of UTILITY
 *       not delivered (month 9), short trips abroad (15% of persons a year) of which 3% lack the entry record;
 *       without noise every person leaves signs like a formal worker, which is what recovering the weights
 *       needs;</li>
 *   <li>border records: an emigrant's exit is recorded with chance {@code exitRecorded} (70%), a return's entry with
 *       the same chance (land borders with EAEU neighbours are not all recorded);</li>
 *   <li>known statuses: deaths always (the civil registry is complete), deregistrations, and for
 *       {@code confirmedShare} (5%) of persons one month in which they were seen in Kazakhstan in person (a public
 *       service centre visit, a survey interview): the "known residents" of the calibration.</li>
 * </ul>
 *
 * @param key the installation key persons are keyed with (≥ 32 bytes)
 */
public record CountrySettings(int persons, long seed, Period period, boolean noise, byte[] key, double baseRate,
                              double deregisteredShare, double returnShare, double exitRecorded,
                              double confirmedShare) {

    /** Monthly chance of a sign in each register (column order of {@link Register}) for a formal worker present. */
    static final double[] WORKER = {.85, .85, .80, .85, .30, .05, .10, .80, .05, .06, .60, .85};
    // Half of the informal pay the single aggregate payment (pension, social and health contributions in one).
    static final double[] INFORMAL = {.05, .30, .25, .55, .35, .05, .20, .03, .05, .05, .65, .80};
    static final double[] CHILD = {0, 0, 0, .90, .45, .85, .40, 0, 0, .01, 0, .25};
    static final double[] RETIRED = {.05, .05, .02, .90, .55, 0, .95, .05, .04, .05, .75, .80};
    /** Seasonal workers at home in winter: often on a short contract or paying the single aggregate payment. */
    static final double[] SEASONAL = {.30, .45, .40, .70, .40, .05, .20, .25, .05, .05, .70, .85};
    /** Presence chances by {@code Truth.Profile} ordinal (WORKER, INFORMAL, SEASONAL, CHILD, RETIRED). */
    public static final double[][] PRESENT = {WORKER, INFORMAL, SEASONAL, CHILD, RETIRED};
    /** Monthly chance of a sign abroad (a card used, a property tax paid, a relative paying the bills). */
    public static final double[] ABROAD = {.03, .04, .03, .05, .01, .01, .02, .02, .01, .03, .15, .20};
    /** Share of the last month's signs not yet reported, by register, with noise. */
    static final double[] LAG = {.3, .2, .2, .2, 0, 0, 0, .1, 0, 0, 0, 0};
    /** The month (0-based) in which UTILITY was not delivered, with noise. */
    static final int GAP_MONTH = 8;

    public CountrySettings {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(key, "key");
        if (persons < 1) {
            throw new IllegalArgumentException("a country needs persons");
        }
        if (key.length < 32) {
            throw new IllegalArgumentException("the key needs at least 32 bytes");
        }
        key = key.clone();
    }

    /** The documented defaults for {@code persons} persons and a seed, over the default period, with noise. */
    public static CountrySettings defaults(int persons, long seed) {
        return new CountrySettings(persons, seed, Period.defaultPeriod(), true, demoKey(), 0.006, 0.2, 0.15, 0.7, 0.05);
    }

    /** The same, without noise (every person a formal worker, no lag, no gap, no trips). */
    public CountrySettings withoutNoise() {
        return new CountrySettings(persons, seed, period, false, key, baseRate, deregisteredShare, returnShare,
                exitRecorded, confirmedShare);
    }

    /** The same over another period. */
    public CountrySettings withPeriod(Period p) {
        return new CountrySettings(persons, seed, p, noise, key, baseRate, deregisteredShare, returnShare,
                exitRecorded, confirmedShare);
    }

    /** The same with another number of persons. */
    public CountrySettings withPersons(int n) {
        return new CountrySettings(n, seed, period, noise, key, baseRate, deregisteredShare, returnShare,
                exitRecorded, confirmedShare);
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    /**
     * The weights a calibration should recover on a country without noise: for independent monthly signs the
     * log-odds of presence is linear in them with weight {@code logit(present) − logit(abroad)} per register.
     */
    public static double[] trueWeights() {
        double[] w = new double[Register.COUNT];
        for (int r = 0; r < w.length; r++) {
            w[r] = logit(WORKER[r]) - logit(ABROAD[r]);
        }
        return w;
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    /** A fixed key for synthetic countries, so that the same seed gives the same files. Not a secret. */
    public static byte[] demoKey() {
        byte[] k = new byte[32];
        for (int i = 0; i < k.length; i++) {
            k[i] = (byte) (0x5a ^ i * 7);
        }
        return k;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CountrySettings s && s.persons == persons && s.seed == seed && s.period.equals(period)
                && s.noise == noise && java.util.Arrays.equals(s.key, key) && s.baseRate == baseRate
                && s.deregisteredShare == deregisteredShare && s.returnShare == returnShare
                && s.exitRecorded == exitRecorded && s.confirmedShare == confirmedShare;
    }

    @Override
    public int hashCode() {
        return Objects.hash(persons, seed, period, noise, baseRate);
    }

    @Override
    public String toString() {
        return "CountrySettings[" + persons + " persons, seed " + seed + ", " + period + (noise ? ", noise" : "")
                + "]";
    }
}
