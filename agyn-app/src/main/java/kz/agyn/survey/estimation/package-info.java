/**
 * Survey estimation: the statistics behind the survey pages, free of storage and web concerns.
 *
 * <p>It turns respondents' answers and weights into the figures an analyst publishes: design weights
 * raked to known population margins ({@link kz.agyn.survey.estimation.Raking}), weighted shares and
 * means with standard errors, confidence intervals and design effects
 * ({@link kz.agyn.survey.estimation.Estimation}), a ranking of options with the probability that each
 * rank is right ({@link kz.agyn.survey.estimation.Ranking}), cross-tabulations with a design-adjusted
 * chi-square test ({@link kz.agyn.survey.estimation.CrossTabulation}), the change between two waves
 * ({@link kz.agyn.survey.estimation.WaveComparison}) and the minimum cell size rule
 * ({@link kz.agyn.survey.estimation.MinimumCellSize}).
 *
 * <p>The design is the one most opinion surveys can honestly claim: a single-stage sample drawn with
 * replacement, described by weights alone and optionally by strata. Variances are by Taylor
 * linearization, exactly as R's {@code survey} package computes them for
 * {@code svydesign(ids = ~1, strata = ~s, weights = ~w)}; the tests hold reference values produced by
 * that package, so each formula in the Javadoc here can be checked against a second implementation.
 *
 * <p>Respondents are addressed by position: every list of answers is aligned with the
 * {@link kz.agyn.survey.estimation.SurveyDesign}'s weights, and a {@code null} answer means the
 * respondent did not answer (item non-response). Estimates are then made over those who answered as a
 * domain of the full sample, which keeps the stratum sizes of the full design in the variance, as
 * {@code svymean(..., na.rm = TRUE)} and {@code svyby} do.
 *
 * <p>Inputs and results are immutable records. Input that no correct caller can produce (lists of
 * different lengths, negative weights) raises {@link java.lang.IllegalArgumentException}; input that
 * an analyst can get wrong (inconsistent margins) raises a {@link kz.agyn.kernel.UserException} with
 * a message key, so that the page can tell the analyst what to fix.
 *
 * <p>The package depends on the JDK, the kernel and Hipparchus only.
 */
package kz.agyn.survey.estimation;
