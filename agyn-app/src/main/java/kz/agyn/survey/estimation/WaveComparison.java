package kz.agyn.survey.estimation;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.distribution.continuous.NormalDistribution;

/** Comparison of shares between two independent waves of a survey; see {@link ShareDifference}. */
public final class WaveComparison {

    private static final NormalDistribution NORMAL = new NormalDistribution();

    private WaveComparison() {
    }

    /** The change of one option's share from the first wave to the second. */
    public static ShareDifference compare(ShareEstimate first, ShareEstimate second, double level) {
        if (!first.option().equals(second.option())) {
            throw new IllegalArgumentException("comparing option " + first.option() + " with " + second.option());
        }
        return compare(first.option(), first.share(), first.standardError(), second.share(), second.standardError(),
                level);
    }

    /**
     * Every option present in both waves, in the order of the first, as a family: the p-values are Holm-adjusted
     * over these options and each change flagged by its adjusted value. A single-choice question of two options
     * (shares summing to 1 in both waves) is one test, not two: the change of one option is minus the change of
     * the other, with the same standard error and p-value, so its p-value is left as it is rather than doubled.
     */
    public static List<ShareDifference> compare(ShareTable first, ShareTable second, double level) {
        List<ShareDifference> raw = new ArrayList<>();
        List<String> later = second.options();
        for (ShareEstimate e : first.shares()) {
            if (later.contains(e.option())) {
                raw.add(compare(e, second.share(e.option()), level));
            }
        }
        double[] pValues = raw.stream().mapToDouble(ShareDifference::pValue).toArray();
        double[] adjusted = raw.size() == 2 && complementary(first) && complementary(second) ? pValues
                : Holm.adjust(pValues);
        List<ShareDifference> result = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            result.add(raw.get(i).adjusted(adjusted[i]));
        }
        return result;
    }

    private static boolean complementary(ShareTable t) {
        return t.shares().size() == 2
                && Math.abs(t.shares().get(0).share() + t.shares().get(1).share() - 1) < 1e-9;
    }

    /** The change from (p₁, SE₁) to (p₂, SE₂). */
    public static ShareDifference compare(String option, double p1, double se1, double p2, double se2, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the confidence level must lie strictly between 0 and 1: " + level);
        }
        if (!(se1 >= 0 && se2 >= 0)) {
            throw new IllegalArgumentException("standard errors must be non-negative: " + se1 + ", " + se2);
        }
        double d = p2 - p1;
        double se = Math.sqrt(se1 * se1 + se2 * se2);
        double z;
        if (se > 0) {
            z = d / se;
        } else {
            z = d == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, d);
        }
        // The upper tail directly, not 1 − Φ, so that small p-values keep their digits.
        double p = Math.min(1, 2 * NORMAL.cumulativeProbability(-Math.abs(z)));
        double q = NORMAL.inverseCumulativeProbability((1 + level) / 2);
        Interval interval = new Interval(d - q * se, d + q * se, Interval.Method.WALD_DIFFERENCE);
        return new ShareDifference(option, p1, p2, d, se, z, p, p, interval, p < 1 - level, level);
    }
}
