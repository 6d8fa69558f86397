package kz.agyn.residency.estimator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import kz.agyn.residency.engine.Register;
import kz.agyn.residency.generator.Country;
import kz.agyn.residency.generator.CountryGenerator;
import kz.agyn.residency.generator.CountrySettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 20's acceptance on a generated country of 200,000 persons with all the noise (seeded): precision and recall
 * of EMIGRATED at least 95% at the default thresholds, the emigrated count within 2% of the truth; and on a country
 * without noise, the calibration recovers the generator's weights.
 */
class EstimatorTest {

    static Country country;
    static Estimate estimate;

    @BeforeAll
    static void run() {
        country = CountryGenerator.generate(CountrySettings.defaults(200_000, 20));
        estimate = Estimator.run(country.extracts(), country.truth(), EstimatorSettings.defaults());
    }

    @Test
    void emigratedIsFoundWithPrecisionAndRecallAbove95PercentAndTheCountWithin2Percent() {
        Accuracy a = estimate.accuracy().orElseThrow();
        System.out.printf("precision %.4f recall %.4f count %d vs %d (%.4f) since±1 %.3f uncertain-true %d fit %s%n",
                a.precision(), a.recall(), a.estimated(), a.actual(), a.countError(), a.sinceWithinOneMonth(),
                a.uncertain(), estimate.fit());
        assertThat(a.actual()).as("emigrants in the truth").isGreaterThan(2_000);
        assertThat(a.precision()).isGreaterThanOrEqualTo(0.95);
        assertThat(a.recall()).isGreaterThanOrEqualTo(0.95);
        assertThat(Math.abs(a.countError())).isLessThanOrEqualTo(0.02);
        assertThat(a.sinceWithinOneMonth()).as("month of leaving").isGreaterThan(0.8);
    }

    @Test
    void theOfficialCountIsAFractionOfTheEstimateAndTheTotalsAddUp() {
        Cell total = estimate.total();
        assertThat(total.truth()).isEqualTo(estimate.accuracy().orElseThrow().actual());
        assertThat(total.official()).isGreaterThan(0).isLessThan(total.emigrated() / 3);
        assertThat(total.low()).isLessThanOrEqualTo(total.emigrated()).isGreaterThanOrEqualTo(total.official());
        assertThat(total.high()).isGreaterThanOrEqualTo(total.emigrated());
        assertThat(total.truth()).isBetween((long) total.low(), (long) Math.ceil(total.high()));
        for (Dimension d : Dimension.values()) {
            assertThat(estimate.cells(d).stream().mapToLong(Cell::emigrated).sum()).as("%s", d)
                    .isEqualTo(total.emigrated());
            assertThat(estimate.cells(d).stream().mapToLong(Cell::persons).sum()).as("%s", d)
                    .isEqualTo(total.persons());
        }
    }

    @Test
    void theUndeliveredMonthIsFoundAndOnlyIt() {
        assertThat(estimate.gaps(Register.UTILITY)).isEqualTo(1 << 8);
        for (Register r : Register.values()) {
            if (r != Register.UTILITY) {
                assertThat(estimate.gaps(r)).as("%s", r).isZero();
            }
        }
    }

    @Test
    void theFitIsReported() {
        Fit fit = estimate.fit();
        assertThat(fit.auc()).isGreaterThan(0.95).isLessThanOrEqualTo(1);
        assertThat(fit.logLikelihood()).isGreaterThan(fit.nullLogLikelihood());
        assertThat(fit.pseudoR2()).isBetween(0.3, 1.0);
        assertThat(fit.standardErrors()).hasSize(Register.COUNT + 1);
        assertThat(java.util.Arrays.stream(fit.standardErrors()).allMatch(se -> se > 0 && se < 1)).isTrue();
    }

    /** Without noise the log-odds is exactly linear in the signs: every weight within 4 standard errors of the truth. */
    @Test
    void calibrationRecoversTheGeneratorsWeights() {
        Country clean = CountryGenerator.generate(CountrySettings.defaults(200_000, 21).withoutNoise());
        Fit fit = Estimator.run(clean.extracts(), EstimatorSettings.defaults()).fit();
        double[] expected = CountrySettings.trueWeights();
        double[] got = fit.weights();
        double[] se = fit.standardErrors();
        for (int r = 0; r < Register.COUNT; r++) {
            System.out.printf("%-10s true %.3f fitted %.3f se %.3f%n", Register.at(r), expected[r], got[r], se[r + 1]);
        }
        for (int r = 0; r < Register.COUNT; r++) {
            assertThat(got[r]).as("%s", Register.at(r)).isCloseTo(expected[r], within(4 * se[r + 1]));
        }
    }
}
