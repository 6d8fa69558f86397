package kz.agyn.costmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimCheckTest {

    private static final double NOTE_CLAIM = 25e9;

    @Test
    void theBaseTotalSitsMidDistributionAndEveryTopParameterReachesItAtItsBase() {
        ParameterSet p = RoundNumbers.symmetric(0.2);
        double base = CostModel.evaluate(p).annualTotal();
        ClaimCheck c = CostModel.checkClaim(p, base, 10_000, 3);
        assertThat(c.percentile()).isBetween(35.0, 65.0);
        assertThat(c.solutions()).hasSize(CostModel.DEFAULT_SOLVED);
        for (ClaimCheck.Solution s : c.solutions()) {
            assertThat(s.reachable()).as(s.code()).isTrue();
            assertThat(s.value()).as(s.code()).isCloseTo(s.base(), within(1e-6 * Math.max(1, Math.abs(s.base()))));
        }
        assertThat(c.impliedEmigrants()).isCloseTo(1_350, within(1e-6));
    }

    @Test
    void aReachableClaimIsSolvedByBisectionToTheClaimedTotal() {
        ParameterSet p = RoundNumbers.symmetric(0.2);
        double claim = CostModel.evaluate(p).annualTotal() * 1.05;
        for (ClaimCheck.Solution s : CostModel.checkClaim(p, claim, 1_000, 3, 28).solutions()) {
            boolean between = Math.min(s.totalAtLow(), s.totalAtHigh()) <= claim
                    && claim <= Math.max(s.totalAtLow(), s.totalAtHigh());
            assertThat(s.reachable()).as(s.code()).isEqualTo(between);
            if (s.reachable()) {
                assertThat(s.value()).isBetween(s.low(), s.high());
                double total = CostModel.evaluate(p.with(s.code(), s.value())).annualTotal();
                assertThat(total).as(s.code()).isCloseTo(claim, within(1e-6 * claim));
            } else {
                assertThat(s.value()).isNull();
            }
        }
    }

    @Test
    void aClaimOutsideEveryRangeIsNotReachableAndFallsAtTheEdgeOfTheDistribution() {
        ParameterSet p = RoundNumbers.symmetric(0.2);
        ClaimCheck low = CostModel.checkClaim(p, 1e6, 1_000, 3);
        assertThat(low.percentile()).isZero();
        assertThat(low.solutions()).allSatisfy(s -> assertThat(s.reachable()).isFalse());
        assertThat(CostModel.checkClaim(p, 1e15, 1_000, 3).percentile()).isEqualTo(100);
    }

    @Test
    void theNotesClaimAgainstTheDefaults() {
        ClaimCheck c = CostModel.checkClaim(ParameterSet.defaults(), NOTE_CLAIM, 10_000, 2024);
        List<TornadoBar> top = CostModel.tornado(ParameterSet.defaults()).subList(0, CostModel.DEFAULT_SOLVED);
        assertThat(c.solutions()).extracting(ClaimCheck.Solution::code)
                .containsExactlyElementsOf(top.stream().map(TornadoBar::code).toList());
        assertThat(c.percentile()).isBetween(0.0, 100.0);
        assertThat(c.band().p5()).isLessThanOrEqualTo(c.band().p95());
        assertThat(c.impliedEmigrants()).isPositive();
    }

    @Test
    void aClaimMustBeANumber() {
        assertThatThrownBy(() -> CostModel.checkClaim(ParameterSet.defaults(), Double.NaN, 10, 1))
                .isInstanceOfSatisfying(CostModelException.class,
                        e -> assertThat(e.problem()).isEqualTo(CostModelException.Problem.NOT_A_NUMBER));
    }
}
