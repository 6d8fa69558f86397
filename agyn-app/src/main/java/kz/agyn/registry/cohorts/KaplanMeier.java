package kz.agyn.registry.cohorts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Time from the end of study to return to Kazakhstan, by the Kaplan–Meier estimator, matching R's
 * {@code survfit(Surv(days, returned) ~ 1, conf.type = "log-log")} and {@code quantile(fit, 0.5)} (survival 3.5).
 *
 * <h2>What is observed</h2>
 * Each graduate ({@code graduated}, study ended on or before {@code asOf}) whose study ended is one subject.
 * Time origin: the day study ended. Event: the return, on {@code returnedOn} if that is on or before
 * {@code asOf}; a return dated before the end of study (a scholar back early, say for an internship's final
 * term) counts at day 0. Everyone else is censored at {@code asOf}. That includes scholars in a debt state
 * or abroad past the deadline: the record carries no date on which such a state began, and a declared breach
 * does not stop a scholar coming back (many return and repay), so treating them as never at risk again would
 * bias the curve down. The price is that the curve is a curve of return at any time, not of return within the
 * obligation's deadline; {@link CohortTable}'s return rate answers that.
 *
 * <h2>Formulas</h2>
 * At each distinct time t_i with n_i subjects at risk (time ≥ t_i) and d_i returns:
 * <pre>
 *   S(t)     = Π_{t_i ≤ t} (1 − d_i/n_i)
 *   Var S(t) = S(t)² · Σ_{t_i ≤ t} d_i / (n_i (n_i − d_i))          (Greenwood)
 *   95% log-log interval: exp(−exp(log(−log S) ∓ z·σ / log S)),  σ = √Σ d_i/(n_i(n_i − d_i))
 * </pre>
 * with z = {@link Share#Z95}. The median is the first time S ≤ ½ and its bounds the first times the lower and
 * the upper band do; when a curve is flat at exactly ½ (within √ε), the midpoint of the flat stretch is taken,
 * or of its start and the last observed time if the curve ends there, as R does.
 *
 * <p>S(t) is the share of graduates still not back t days after study; 1 − S(t) the share back.
 */
public final class KaplanMeier {

    /** R's default tolerance for a quantile landing on a flat stretch: {@code sqrt(.Machine$double.eps)}. */
    private static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));

    private KaplanMeier() {
    }

    /** The curve of all graduates in {@code records}, not suppressed. */
    public static KmCurve fit(Collection<CohortRecord> records, LocalDate asOf) {
        Observations o = observe(records, asOf);
        return estimate(null, o.days(), o.returned());
    }

    /**
     * One curve per group of {@code breakdown}, by key with "not recorded" last, marked for suppression by the
     * rule of {@link CohortTable} (primary below {@code minCell} subjects, then secondary complements), since the
     * subjects of the overall curve minus those of the visible groups would otherwise give a small group away.
     */
    public static List<KmCurve> byGroup(Collection<CohortRecord> records, Breakdown breakdown, LocalDate asOf,
                                        int minCell) {
        Objects.requireNonNull(breakdown, "breakdown");
        Map<String, List<CohortRecord>> groups = new LinkedHashMap<>();
        for (CohortRecord r : records) {
            groups.computeIfAbsent(breakdown.keyOf(r), k -> new ArrayList<>()).add(r);
        }
        List<String> keys = new ArrayList<>(groups.keySet());
        keys.sort(Comparator.nullsLast(Comparator.naturalOrder()));
        List<KmCurve> curves = new ArrayList<>();
        for (String key : keys) {
            Observations o = observe(groups.get(key), asOf);
            if (o.days().length > 0) {
                curves.add(estimate(key, o.days(), o.returned()));
            }
        }
        Suppression[] marks = SmallCells.mark(curves.stream().mapToLong(KmCurve::subjects).toArray(), minCell);
        List<KmCurve> out = new ArrayList<>();
        for (int i = 0; i < curves.size(); i++) {
            out.add(curves.get(i).withSuppression(marks[i]));
        }
        return out;
    }

    /** Days and event flags of the subjects among {@code records}. */
    record Observations(long[] days, boolean[] returned) {
    }

    static Observations observe(Collection<CohortRecord> records, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        long[] days = new long[records.size()];
        boolean[] returned = new boolean[records.size()];
        int n = 0;
        for (CohortRecord r : records) {
            if (!r.graduated() || r.studyEnd().isAfter(asOf)) {
                continue;
            }
            boolean back = r.returnedBy(asOf);
            LocalDate end = back ? r.returnedOn() : asOf;
            days[n] = Math.max(0, ChronoUnit.DAYS.between(r.studyEnd(), end));
            returned[n] = back;
            n++;
        }
        return new Observations(Arrays.copyOf(days, n), Arrays.copyOf(returned, n));
    }

    /**
     * The curve of subjects observed for {@code days[i]} days, ending in a return where {@code returned[i]},
     * else censored; unsuppressed.
     */
    public static KmCurve estimate(String key, long[] days, boolean[] returned) {
        if (days.length != returned.length) {
            throw new IllegalArgumentException("days and returned differ in length");
        }
        int n = days.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            if (days[i] < 0) {
                throw new IllegalArgumentException("negative time: " + days[i]);
            }
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong(i -> days[i]));
        List<KmStep> steps = new ArrayList<>();
        long atRisk = n;
        long totalEvents = 0;
        double s = 1;
        double greenwood = 0;
        int i = 0;
        while (i < n) {
            long t = days[order[i]];
            long events = 0;
            long censored = 0;
            while (i < n && days[order[i]] == t) {
                if (returned[order[i]]) {
                    events++;
                } else {
                    censored++;
                }
                i++;
            }
            if (events > 0) {
                s *= 1 - (double) events / atRisk;
                greenwood += events == atRisk ? Double.POSITIVE_INFINITY
                        : (double) events / ((double) atRisk * (atRisk - events));
            }
            double sigma = Math.sqrt(greenwood);
            Double stdErr = s == 0 ? null : s * sigma;
            Double lower = null;
            Double upper = null;
            if (s > 0 && s < 1) {
                double logLog = Math.log(-Math.log(s));
                double w = Share.Z95 * sigma / Math.log(s);
                lower = Math.exp(-Math.exp(logLog - w));
                upper = Math.exp(-Math.exp(logLog + w));
            }
            steps.add(new KmStep(t, atRisk, events, censored, s, stdErr, lower, upper));
            totalEvents += events;
            atRisk -= events + censored;
        }
        double[] x = new double[steps.size() + 1];
        double[] fromS = new double[x.length];
        double[] fromLower = new double[x.length];
        double[] fromUpper = new double[x.length];
        for (int k = 0; k < steps.size(); k++) {
            KmStep step = steps.get(k);
            x[k + 1] = step.days();
            fromS[k + 1] = 1 - step.survival();
            fromLower[k + 1] = step.lower() == null ? Double.NaN : 1 - step.lower();
            fromUpper[k + 1] = step.upper() == null ? Double.NaN : 1 - step.upper();
        }
        return new KmCurve(key, (long) n, totalEvents, steps, quantile(x, fromS, 0.5),
                quantile(x, fromLower, 0.5), quantile(x, fromUpper, 0.5), Suppression.NONE);
    }

    /**
     * The first x at which the non-decreasing step function y reaches p, as R's survival package finds it
     * ({@code findq} in {@code quantile.survfit}), including its handling of flat stretches at p; NaN in y marks
     * undefined points, which are skipped. Null when y never reaches p.
     */
    static Double quantile(double[] x, double[] y, double p) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            if (!Double.isNaN(v)) {
                max = Math.max(max, v);
            }
        }
        if (max < p) {
            return null;
        }
        double xmax = x[x.length - 1];
        // R drops repeated y values (keeping the first), NaN counting as one value.
        List<Double> keptX = new ArrayList<>();
        List<Double> keptY = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            boolean seen = false;
            for (double k : keptY) {
                if (Double.compare(k, y[i]) == 0) {
                    seen = true;
                    break;
                }
            }
            if (!seen) {
                keptX.add(x[i]);
                keptY.add(y[i]);
            }
        }
        Integer first = stepIndex(keptY, TOLERANCE, p);
        Integer second = stepIndex(keptY, -TOLERANCE, p);
        Double q = first == null || second == null ? null : (keptX.get(first) + keptX.get(second)) / 2;
        double last = keptY.get(keptY.size() - 1);
        if (!Double.isNaN(last) && Math.abs(p - last) < TOLERANCE) {
            q = first == null ? null : (keptX.get(first) + xmax) / 2;
        }
        return q;
    }

    /**
     * R's {@code approx(y + shift, seq_along(y), p, method = "constant", f = 1)}: the index of the right end of
     * the interval of the shifted, sorted, NaN-free y that holds p; null outside their range.
     */
    private static Integer stepIndex(List<Double> y, double shift, double p) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < y.size(); i++) {
            if (!Double.isNaN(y.get(i))) {
                points.add(new double[] {y.get(i) + shift, i});
            }
        }
        points.sort(Comparator.comparingDouble(a -> a[0]));
        int i = 0;
        int j = points.size() - 1;
        if (j < 0 || p < points.get(i)[0] || p > points.get(j)[0]) {
            return null;
        }
        while (i < j - 1) {
            int mid = (i + j) / 2;
            if (p < points.get(mid)[0]) {
                j = mid;
            } else {
                i = mid;
            }
        }
        if (p == points.get(j)[0]) {
            return (int) points.get(j)[1];
        }
        if (p == points.get(i)[0]) {
            return (int) points.get(i)[1];
        }
        return (int) points.get(j)[1];
    }
}
