package kz.agyn.costmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.hipparchus.stat.descriptive.rank.Percentile;
import org.hipparchus.stat.descriptive.rank.Percentile.EstimationType;
import org.junit.jupiter.api.Test;

class MonteCarloTest {

    @Test
    void sameSeedGivesTheSameResultAndAnotherSeedAnother() {
        ParameterSet p = ParameterSet.defaults();
        MonteCarloResult a = CostModel.monteCarlo(p, 2_000, 7);
        MonteCarloResult b = CostModel.monteCarlo(p, 2_000, 7);
        MonteCarloResult c = CostModel.monteCarlo(p, 2_000, 8);
        assertThat(a).isEqualTo(b);
        assertThat(c.total().median()).isNotEqualTo(a.total().median());
        assertThat(a.draws()).isEqualTo(2_000);
        assertThat(a.seed()).isEqualTo(7);
    }

    @Test
    void bandsAreOrderedForTheTotalAndEveryLevel() {
        MonteCarloResult r = CostModel.monteCarlo(ParameterSet.defaults(), 5_000, 11);
        assertOrdered(r.total());
        assertThat(r.levels()).hasSize(EducationLevel.values().length);
        for (LevelBand l : r.levels()) {
            assertOrdered(l.perEmigrant());
            assertOrdered(l.total());
        }
    }

    @Test
    void symmetricRangesGiveABandAroundTheBaseTotal() {
        MonteCarloResult r = CostModel.monteCarlo(RoundNumbers.symmetric(0.2), 10_000, 2024);
        assertThat(r.baseTotal()).isCloseTo(14_111_616_000.0, within(1.0));
        assertThat(r.total().p5()).isLessThan(r.baseTotal());
        assertThat(r.total().p95()).isGreaterThan(r.baseTotal());
        // The model is multilinear in most parameters, so the median stays near the base (within 5%).
        assertThat(r.total().median()).isCloseTo(r.baseTotal(), within(0.05 * r.baseTotal()));
    }

    @Test
    void fixedParametersCollapseTheBandOntoTheBaseTotal() {
        MonteCarloResult r = CostModel.monteCarlo(RoundNumbers.fixed(), 100, 1);
        Band t = r.total();
        for (double x : new double[] {t.mean(), t.median(), t.p5(), t.p95()}) {
            assertThat(x).isCloseTo(14_111_616_000.0, within(1.0));
        }
    }

    @Test
    void percentilesMatchHipparchusR7() {
        // Band uses Hyndman–Fan type 7; Hipparchus implements the same estimator as EstimationType.R_7.
        double[] totals = CostModel.sample(ParameterSet.defaults(), 3_001, 99).totals();
        Band band = Band.of(totals.clone());
        Percentile reference = new Percentile().withEstimationType(EstimationType.R_7);
        assertThat(band.p5()).isCloseTo(reference.evaluate(totals, 5), within(1e-3));
        assertThat(band.median()).isCloseTo(reference.evaluate(totals, 50), within(1e-3));
        assertThat(band.p95()).isCloseTo(reference.evaluate(totals, 95), within(1e-3));
        assertThat(band.mean()).isCloseTo(Arrays.stream(totals).average().orElseThrow(), within(1e-3));
    }

    @Test
    void drawsStayWithinTheRangeAndFollowTheTriangularMode() {
        // Triangular(0, 1, 1) has mean 2/3; uniform(0, 1) has mean 1/2; checked through the distribution itself.
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        double triangular = 0;
        double uniform = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            double t = Distribution.TRIANGULAR.quantile(u, 0, 1, 1);
            assertThat(t).isBetween(0.0, 1.0);
            triangular += t;
            uniform += Distribution.UNIFORM.quantile(u, 0, 0.9, 1);
        }
        assertThat(triangular / n).isCloseTo(2.0 / 3, within(0.005));
        assertThat(uniform / n).isCloseTo(0.5, within(0.005));
        assertThat(Distribution.FIXED.quantile(0.3, 1, 2, 3)).isEqualTo(2);
    }

    @Test
    void drawsOutsideTheAllowedNumberAreRefused() {
        assertThatThrownBy(() -> CostModel.monteCarlo(ParameterSet.defaults(), 0, 1))
                .isInstanceOfSatisfying(CostModelException.class, e -> {
                    assertThat(e.problem()).isEqualTo(CostModelException.Problem.DRAWS_OUT_OF_RANGE);
                    assertThat(e.code()).isEqualTo("costmodel.error.drawsOutOfRange");
                    assertThat(e.parameter()).isEqualTo("draws");
                });
        assertThatThrownBy(() -> CostModel.monteCarlo(ParameterSet.defaults(), CostModel.MAX_DRAWS + 1, 1))
                .isInstanceOf(CostModelException.class);
    }

    private static void assertOrdered(Band b) {
        assertThat(b.p5()).isLessThanOrEqualTo(b.median());
        assertThat(b.median()).isLessThanOrEqualTo(b.p95());
        assertThat(b.mean()).isBetween(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }
}
