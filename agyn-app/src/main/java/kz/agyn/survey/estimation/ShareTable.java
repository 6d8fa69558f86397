package kz.agyn.survey.estimation;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The weighted shares of all options of one question, with the covariance of the shares (which the
 * {@link Ranking} needs).
 *
 * <p>For a single-choice question the shares sum to 1 and the covariance matrix is singular; for a
 * multiple-choice question each option is a 0/1 variable of its own and the shares need not sum to 1.
 *
 * @param shares            one estimate per option, in the order the options were given
 * @param respondents       respondents (unweighted) who answered the question, in the domain
 * @param weightedTotal     the sum of their weights
 * @param degreesOfFreedom  respondents who answered less the strata they fall in (R's {@code degf})
 * @param kishDesignEffect  {@code m Σw² / (Σw)²} over the m respondents who answered
 * @param covariance        the linearized covariance of the shares, {@code Σ_h n_h / (n_h − 1) Σ_{i∈h}
 *                          (z_i − z̄_h)(z_i − z̄_h)ᵀ}, rows and columns in the order of {@code shares}
 */
public record ShareTable(List<ShareEstimate> shares, int respondents, double weightedTotal, int degreesOfFreedom,
                         double kishDesignEffect, List<List<Double>> covariance) {

    public ShareTable {
        shares = List.copyOf(shares);
        List<List<Double>> rows = new ArrayList<>();
        for (List<Double> row : covariance) {
            rows.add(List.copyOf(row));
        }
        covariance = List.copyOf(rows);
    }

    public ShareEstimate share(String option) {
        return shares.stream().filter(s -> s.option().equals(option)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no option " + option));
    }

    public List<String> options() {
        return shares.stream().map(ShareEstimate::option).toList();
    }

    double[][] covarianceArray() {
        int k = covariance.size();
        double[][] v = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                v[a][b] = covariance.get(a).get(b);
            }
        }
        return v;
    }
}
