package kz.agyn.residency.estimator;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import kz.agyn.residency.engine.Extracts;
import kz.agyn.residency.engine.Register;
import kz.agyn.residency.engine.Truth;

/**
 * The embedded engine: three passes over the columnar extracts, each in blocks of {@value #BLOCK} persons on all
 * cores, each block's partial result kept in its slot and merged in block order so results do not depend on the
 * threads: (1) activity per register and month, to find months not delivered; (2) the calibration sample as counts
 * per sign pattern, then the fit ({@link Calibration}); (3) each person's verdict ({@link PersonClassifier}) and the
 * aggregates. Decision 0044 says why.
 */
public final class Estimator {

    static final int BLOCK = 16_384;

    private Estimator() {
    }

    /** Estimates without a truth to compare with. */
    public static Estimate run(Extracts x, EstimatorSettings settings) {
        return run(x, null, settings);
    }

    /** Estimates, and when {@code truth} is not null measures precision and recall against it. */
    public static Estimate run(Extracts x, Truth truth, EstimatorSettings settings) {
        int n = x.persons();
        int months = x.period().months();
        int blocks = (n + BLOCK - 1) / BLOCK;
        long[][] activityParts = new long[blocks][];
        IntStream.range(0, blocks).parallel().forEach(b -> activityParts[b] = activity(x, b * BLOCK,
                Math.min(n, (b + 1) * BLOCK)));
        int[] gaps = gaps(sum(activityParts), months, settings.gapShare());

        long[][] presentParts = new long[blocks][];
        long[][] abroadParts = new long[blocks][];
        IntStream.range(0, blocks).parallel().forEach(b -> {
            long[][] sample = sample(x, b * BLOCK, Math.min(n, (b + 1) * BLOCK), gaps, settings);
            presentParts[b] = sample[0];
            abroadParts[b] = sample[1];
        });
        Fit fit = Calibration.fit(sum(presentParts), sum(abroadParts));
        PersonClassifier classifier = new PersonClassifier(fit, settings, x.period(), gaps);

        byte[] status = new byte[n];
        short[] since = new short[n];
        byte[] evidence = new byte[n];
        float[] index = new float[n];
        Partial[] parts = new Partial[blocks];
        IntStream.range(0, blocks).parallel().forEach(b -> parts[b] = aggregate(x, truth, b * BLOCK,
                Math.min(n, (b + 1) * BLOCK), classifier, settings, (p, v) -> {
                    status[p] = (byte) v.status.ordinal();
                    since[p] = (short) v.since;
                    evidence[p] = (byte) v.evidence.ordinal();
                    index[p] = (float) v.index;
                }));
        Partial all = new Partial();
        for (Partial c : parts) {
            all.merge(c);
        }
        return new Estimate(fit, gaps, status, since, evidence, index, all.cells(truth != null),
                truth == null ? null : all.accuracy());
    }

    /*
     * The three passes over persons [from, to) of a columnar batch, public so that another engine (agyn-spark's
     * job, over the persons of one partition) runs exactly this code and merges the parts as run() does
     * (docs/decisions/0047-maven-modules-and-spark.md).
     */

    /** Pass 1: signs per register and month, register-major ({@code r × months + m}). */
    public static long[] activity(Extracts x, int from, int to) {
        int months = x.period().months();
        long[] counts = new long[Register.COUNT * months];
        for (int p = from; p < to; p++) {
            for (int r = 0; r < Register.COUNT; r++) {
                int mask = x.mask(p, r);
                while (mask != 0) {
                    counts[r * months + Integer.numberOfTrailingZeros(mask)]++;
                    mask &= mask - 1;
                }
            }
        }
        return counts;
    }

    /**
     * Pass 2: the calibration sample as counts per sign pattern, {@code {present, abroad}}: confirmed presences,
     * and the months from an official deregistration on.
     */
    public static long[][] sample(Extracts x, int from, int to, int[] gaps, EstimatorSettings settings) {
        int months = x.period().months();
        long[] present = new long[Calibration.PATTERNS];
        long[] abroad = new long[Calibration.PATTERNS];
        int[] masks = new int[Register.COUNT];
        PersonClassifier filler = new PersonClassifier(new Fit(0, new double[Register.COUNT],
                new double[Register.COUNT + 1], 0, 0, 0, 1, 1, 0), settings, x.period(), gaps);
        for (int p = from; p < to; p++) {
            int seen = x.confirmed(p);
            int dereg = x.deregistered(p);
            if (seen == Extracts.NO_MONTH && dereg == Extracts.NO_MONTH) {
                continue;
            }
            x.masks(p, masks);
            filler.fillGaps(masks);
            if (seen != Extracts.NO_MONTH) {
                present[pattern(masks, seen)]++;
            }
            if (dereg != Extracts.NO_MONTH) {
                int end2 = x.died(p) == Extracts.NO_MONTH ? months : x.died(p);
                for (int m = dereg; m < end2; m++) {
                    abroad[pattern(masks, m)]++;
                }
            }
        }
        return new long[][] {present, abroad};
    }

    /** What is done with each person's verdict besides counting it (the embedded engine keeps it). */
    @FunctionalInterface
    public interface VerdictSink {
        void accept(int person, PersonClassifier.Verdict verdict);
    }

    /** Pass 3: each person's verdict, counted into the aggregates; {@code truth} and {@code sink} may be null. */
    public static Partial aggregate(Extracts x, Truth truth, int from, int to, PersonClassifier classifier,
                                    EstimatorSettings settings, VerdictSink sink) {
        Partial c = new Partial();
        Dimension[] dims = Dimension.values();
        int months = x.period().months();
        int[] masks = new int[Register.COUNT];
        PersonClassifier.Verdict v = new PersonClassifier.Verdict();
        for (int p = from; p < to; p++) {
            x.masks(p, masks);
            classifier.fillGaps(masks);
            classifier.classify(masks, x.deregistered(p), x.died(p), x.lastExit(p), x.lastEntry(p), v);
            if (sink != null) {
                sink.accept(p, v);
            }
            c.add(x, truth, p, v, dims, months, settings.minAbsence());
        }
        return c;
    }

    private static int pattern(int[] masks, int month) {
        int pattern = 0;
        for (int r = 0; r < Register.COUNT; r++) {
            pattern |= (masks[r] >>> month & 1) << r;
        }
        return pattern;
    }

    /** Per register, the months whose activity (pass 1, all persons) is under {@code share} of its median month. */
    public static int[] gaps(long[] counts, int months, double share) {
        int[] gaps = new int[Register.COUNT];
        for (int r = 0; r < Register.COUNT; r++) {
            long[] row = Arrays.copyOfRange(counts, r * months, (r + 1) * months);
            long[] sorted = row.clone();
            Arrays.sort(sorted);
            long median = sorted[months / 2];
            // A register too quiet to judge (fewer than 100 signs a month) is left as it is.
            if (median < 100 || months < 3) {
                continue;
            }
            for (int m = 0; m < months; m++) {
                if (row[m] < share * median) {
                    gaps[r] |= 1 << m;
                }
            }
        }
        return gaps;
    }

    /** Element-wise sum of parts of equal length, in their order. */
    public static long[] sum(long[][] parts) {
        long[] out = new long[parts.length == 0 ? Calibration.PATTERNS : parts[0].length];
        for (long[] part : parts) {
            for (int i = 0; i < out.length; i++) {
                out[i] += part[i];
            }
        }
        return out;
    }

    /**
     * The counts of a block of persons by dimension and slot, and their comparison with the truth; parts merge in
     * any grouping (counts exactly, the interval's sums of doubles to rounding).
     */
    public static final class Partial implements Serializable {
        private static final long serialVersionUID = 1L;
        final long[][] persons;
        final long[][] emigrated;
        final long[][] official;
        final long[][] uncertain;
        final long[][] truth;
        final double[][] variance;
        final double[][] uncertainChance;
        long tp;
        long fp;
        long fn;
        long undecided;
        long sinceClose;

        public Partial() {
            int dims = Dimension.values().length;
            persons = new long[dims][Dimension.SLOTS];
            emigrated = new long[dims][Dimension.SLOTS];
            official = new long[dims][Dimension.SLOTS];
            uncertain = new long[dims][Dimension.SLOTS];
            truth = new long[dims][Dimension.SLOTS];
            variance = new double[dims][Dimension.SLOTS];
            uncertainChance = new double[dims][Dimension.SLOTS];
        }

        void add(Extracts x, Truth t, int p, PersonClassifier.Verdict v, Dimension[] dims, int months,
                 int minAbsence) {
            if (v.status == Status.DECEASED) {
                return;
            }
            boolean out = v.status == Status.EMIGRATED;
            boolean trulyOut = t != null && t.emigratedAtEnd(p, months, minAbsence);
            double chance = v.evidence == Evidence.DEREGISTRATION ? 1 : 1 - v.index;
            for (int d = 0; d < dims.length; d++) {
                int s = dims[d].slot(x, p);
                persons[d][s]++;
                emigrated[d][s] += out ? 1 : 0;
                official[d][s] += v.evidence == Evidence.DEREGISTRATION ? 1 : 0;
                uncertain[d][s] += v.status == Status.UNCERTAIN ? 1 : 0;
                truth[d][s] += trulyOut ? 1 : 0;
                variance[d][s] += chance * (1 - chance);
                uncertainChance[d][s] += v.status == Status.UNCERTAIN ? chance : 0;
            }
            if (t != null) {
                tp += out && trulyOut ? 1 : 0;
                fp += out && !trulyOut ? 1 : 0;
                fn += !out && trulyOut ? 1 : 0;
                undecided += v.status == Status.UNCERTAIN && trulyOut ? 1 : 0;
                sinceClose += out && trulyOut && Math.abs(v.since - t.left(p)) <= 1 ? 1 : 0;
            }
        }

        public void merge(Partial o) {
            for (int d = 0; d < persons.length; d++) {
                for (int s = 0; s < Dimension.SLOTS; s++) {
                    persons[d][s] += o.persons[d][s];
                    emigrated[d][s] += o.emigrated[d][s];
                    official[d][s] += o.official[d][s];
                    uncertain[d][s] += o.uncertain[d][s];
                    truth[d][s] += o.truth[d][s];
                    variance[d][s] += o.variance[d][s];
                    uncertainChance[d][s] += o.uncertainChance[d][s];
                }
            }
            tp += o.tp;
            fp += o.fp;
            fn += o.fn;
            undecided += o.undecided;
            sinceClose += o.sinceClose;
        }

        public List<Cell> cells(boolean truthKnown) {
            Dimension[] dims = Dimension.values();
            List<Cell> out = new ArrayList<>();
            for (int d = 0; d < dims.length; d++) {
                for (int s = 0; s < Dimension.SLOTS; s++) {
                    if (persons[d][s] == 0) {
                        continue;
                    }
                    double margin = 1.96 * Math.sqrt(variance[d][s]);
                    long e = emigrated[d][s];
                    out.add(new Cell(dims[d], dims[d].code(s), persons[d][s], e, official[d][s], uncertain[d][s],
                            Math.max(official[d][s], e - margin), e + uncertainChance[d][s] + margin,
                            truthKnown ? truth[d][s] : -1));
                }
            }
            return out;
        }

        public Accuracy accuracy() {
            return new Accuracy(tp, fp, fn, undecided, tp == 0 ? 0 : sinceClose / (double) tp);
        }
    }
}
