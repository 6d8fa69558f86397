package kz.agyn.survey.estimation;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down adjustment of p-values for testing a family of hypotheses at once (Holm S. 1979, A simple
 * sequentially rejective multiple test procedure, Scandinavian Journal of Statistics 6, 65–70), as R's
 * {@code p.adjust(p, "holm")}: with the m p-values sorted, p₍₁₎ ≤ … ≤ p₍ₘ₎,
 * {@code adjusted₍ᵢ₎ = max over j ≤ i of min(1, (m − j + 1) p₍ⱼ₎)}. Rejecting where the adjusted value is below α
 * keeps the chance of any false flag in the family at most α, whatever the dependence between the tests, and
 * never flags less than Bonferroni.
 */
public final class Holm {

    private Holm() {
    }

    /** The adjusted p-values, in the order of {@code p}. Ties keep their input order, as in R. */
    public static double[] adjust(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new IllegalArgumentException("a p-value must lie in [0, 1]: " + p[i]);
            }
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
