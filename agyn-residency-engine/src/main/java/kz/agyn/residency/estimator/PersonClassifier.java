package kz.agyn.residency.estimator;

import java.time.LocalDate;
import java.util.Objects;
import kz.agyn.residency.engine.Extracts;
import kz.agyn.residency.engine.Period;
import kz.agyn.residency.engine.Register;

/**
 * The per-person function of the estimator, stateless and free of Spring and of the columnar store, so that another
 * engine (the Spark job to come) calls it on its own rows and gets the same verdicts.
 *
 * <p>The evidence of month m is the log-likelihood ratio of "present" against "abroad" given the month's signs,
 * {@code z(m) = base + Σ w_r·x_r(m)} with the calibrated weights; the index accumulates it with decay,
 * {@code S(m) = λ·S(m−1) + z(m)} from {@code S(−1) = 0}, and the residency index is {@code 1 / (1 + e^−S)}.
 * The month a person left is the first of the run of negative evidence that took the index below one half.
 */
public final class PersonClassifier {

    private final double base;
    private final double[] weights;
    private final EstimatorSettings settings;
    private final Period period;
    private final int months;
    private final int lastDay;
    private final int[] gaps;
    /**
     * The evidence of each of the 4,096 sign patterns, summed in register order exactly as {@link #evidence} would
     * sum it (so the same doubles): a month's evidence is then a look-up instead of twelve unpredictable branches.
     */
    private final double[] byPattern;

    /**
     * @param fit     the calibration
     * @param gaps    per register, the bits of months not delivered (their signs are carried from the month before)
     */
    public PersonClassifier(Fit fit, EstimatorSettings settings, Period period, int[] gaps) {
        this.base = fit.base();
        this.weights = fit.weights();
        this.settings = Objects.requireNonNull(settings, "settings");
        this.period = Objects.requireNonNull(period, "period");
        this.months = period.months();
        this.lastDay = (int) period.lastDay().toEpochDay();
        this.gaps = gaps.clone();
        this.byPattern = new double[Calibration.PATTERNS];
        for (int pattern = 0; pattern < Calibration.PATTERNS; pattern++) {
            double z = base;
            for (int r = 0; r < Register.COUNT; r++) {
                if ((pattern >>> r & 1) == 1) {
                    z += weights[r];
                }
            }
            byPattern[pattern] = z;
        }
    }

    /** What the estimator says of one person. Mutable and reused, to allocate nothing per person. */
    public static final class Verdict {
        public Status status;
        public Evidence evidence;
        /** Month index the person left (EMIGRATED), else {@link Extracts#NO_MONTH}. */
        public int since;
        /** The residency index at the period's end. */
        public double index;
    }

    /** Signs of each register with the undelivered months filled from the month before (the next for month 0). */
    public void fillGaps(int[] masks) {
        for (int r = 0; r < Register.COUNT; r++) {
            int g = gaps[r];
            while (g != 0) {
                int m = Integer.numberOfTrailingZeros(g);
                g &= g - 1;
                int from = m == 0 ? 1 : m - 1;
                masks[r] = (masks[r] & ~(1 << m)) | ((masks[r] >>> from & 1) << m);
            }
        }
    }

    /** The evidence of month m: the log-likelihood ratio of present against abroad given the month's signs. */
    public double evidence(int[] masks, int m) {
        int pattern = 0;
        for (int r = 0; r < Register.COUNT; r++) {
            pattern |= (masks[r] >>> m & 1) << r;
        }
        return byPattern[pattern];
    }

    /** The residency index of each month of the period (gaps already filled), for showing one person's course. */
    public double[] indexByMonth(int[] masks) {
        double[] out = new double[months];
        double s = 0;
        for (int m = 0; m < months; m++) {
            s = settings.decay() * s + evidence(masks, m);
            out[m] = Calibration.sigmoid(s);
        }
        return out;
    }

    /**
     * Classifies one person.
     *
     * @param masks        the twelve registers' month bits, gaps already filled ({@link #fillGaps})
     * @param deregistered month of official deregistration or {@link Extracts#NO_MONTH}
     * @param died         month of a recorded death or {@link Extracts#NO_MONTH}
     * @param lastExit     epoch day of the last recorded exit or {@link Extracts#NO_DAY}
     * @param lastEntry    epoch day of the last recorded entry or {@link Extracts#NO_DAY}
     */
    public void classify(int[] masks, int deregistered, int died, int lastExit, int lastEntry, Verdict out) {
        double s = 0;
        // The month left: where the run of negative evidence that took the index below one half began. A blip of
        // positive evidence abroad (a relative paying a bill) does not move it, as long as the index stays below.
        int runStart = 0;
        int since = Extracts.NO_MONTH;
        int previous = Extracts.NO_MONTH;
        int end = died == Extracts.NO_MONTH ? months : died;
        for (int m = 0; m < end; m++) {
            double z = evidence(masks, m);
            if (z >= 0) {
                runStart = m + 1;
            }
            boolean wasBelow = s < 0;
            s = settings.decay() * s + z;
            if (s < 0 && !wasBelow) {
                since = Math.min(runStart, m);
            } else if (s >= 0 && since != Extracts.NO_MONTH) {
                previous = since;
                since = Extracts.NO_MONTH;
            }
        }
        out.index = Calibration.sigmoid(s);
        out.since = Extracts.NO_MONTH;
        out.evidence = Evidence.NONE;
        if (died != Extracts.NO_MONTH) {
            out.status = Status.DECEASED;
            return;
        }
        if (deregistered != Extracts.NO_MONTH) {
            emigrated(out, deregistered, Evidence.DEREGISTRATION);
            return;
        }
        boolean abroadLong = lastExit != Extracts.NO_DAY && (lastEntry == Extracts.NO_DAY || lastEntry < lastExit)
                && lastDay - lastExit >= settings.unRuleDays();
        if (abroadLong) {
            // The border says abroad; the signs must not say otherwise (a missing entry record is common).
            if (out.index < 0.5) {
                int exitMonth = period.indexOf(LocalDate.ofEpochDay(lastExit));
                emigrated(out, Math.max(0, since == Extracts.NO_MONTH ? exitMonth : Math.min(exitMonth, since)),
                        Evidence.BORDER);
            } else {
                out.status = Status.UNCERTAIN;
            }
            return;
        }
        // An absence that began a year after an earlier one that ended is likely seasonal work: not decided yet.
        boolean seasonal = since != Extracts.NO_MONTH && previous != Extracts.NO_MONTH
                && Math.abs(since - previous - 12) <= 1;
        if (out.index < settings.lower() && !seasonal) {
            if (months - since >= settings.minAbsence()) {
                emigrated(out, since, Evidence.SIGNS);
            } else {
                out.status = Status.UNCERTAIN;
            }
        } else {
            out.status = out.index > settings.upper() ? Status.RESIDENT : Status.UNCERTAIN;
        }
    }

    private static void emigrated(Verdict out, int since, Evidence evidence) {
        out.status = Status.EMIGRATED;
        out.since = since;
        out.evidence = evidence;
    }
}
