package kz.agyn.survey.estimation;

/**
 * Tests of independence of the two questions of a {@link CrossTab}, over the categories that at least
 * one respondent chose (an empty row or column carries no information, and R drops it too).
 *
 * <p>Let {@code p_ij} be the weighted cell shares, {@code N} all respondents of the design (answering both
 * questions or not: R's {@code svychisq} scales to {@code nrow(design)}), r × c the table's size and
 * {@code ν} the design's degrees of freedom (PSUs less strata).
 *
 * @param pearsonWeighted the Pearson statistic of the weighted table scaled to N respondents,
 *                        {@code X² = N Σ (p_ij − p_i· p_·j)² / (p_i· p_·j)}, with the naive
 *                        {@code (r − 1)(c − 1)} degrees of freedom and p-value, which ignore the design:
 *                        shown for reference only
 * @param raoScottFirstOrder the first-order Rao–Scott correction: {@code X² / δ̄}, where δ̄ is the mean
 *                        of the eigenvalues of the generalized design-effect matrix
 *                        {@code Δ = (Cᵀ D⁻¹ C / N)⁻¹ (Cᵀ D⁻¹ V D⁻¹ C)}; C spans the interaction
 *                        contrasts (the complement of the row and column main effects), D = diag(p),
 *                        V the linearized covariance of p. Referred to χ² with {@code (r − 1)(c − 1)}
 *                        degrees of freedom. Its p-value is that of R's
 *                        {@code svychisq(statistic = "Chisq")} (survey 4.1.1 prints X² as the statistic
 *                        and computes the p-value from X² / δ̄)
 * @param raoScottSecondOrder the second-order (Satterthwaite) Rao–Scott correction as an F test:
 *                        {@code F = X² / tr Δ} on {@code d₀ = (tr Δ)² / tr(Δ²)} and {@code d₀ ν}
 *                        degrees of freedom: R's {@code svychisq(statistic = "F")}, its default and the
 *                        one to show
 * @param meanDesignEffect δ̄ = tr Δ / ((r − 1)(c − 1))
 * @param pearsonUnweighted Pearson's X² on the unweighted respondent counts, R's
 *                        {@code chisq.test(table(a, b), correct = FALSE)}, for reference
 */
public record IndependenceTests(ChiSquareTest pearsonWeighted, ChiSquareTest raoScottFirstOrder,
                                FTest raoScottSecondOrder, double meanDesignEffect,
                                ChiSquareTest pearsonUnweighted) {
}
