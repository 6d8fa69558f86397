package kz.agyn.costmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TornadoTest {

    @Test
    void barsAreSortedByWidestSwingFirst() {
        List<TornadoBar> bars = CostModel.tornado(ParameterSet.defaults());
        assertThat(bars).isNotEmpty();
        for (int i = 1; i < bars.size(); i++) {
            assertThat(bars.get(i).swing()).isLessThanOrEqualTo(bars.get(i - 1).swing());
        }
    }

    @Test
    void eachBarIsTheTotalWithOneParameterMovedToAnEnd() {
        ParameterSet p = ParameterSet.defaults();
        double base = CostModel.evaluate(p).annualTotal();
        for (TornadoBar bar : CostModel.tornado(p)) {
            double low = CostModel.evaluate(p.with(bar.code(), bar.low())).annualTotal();
            double high = CostModel.evaluate(p.with(bar.code(), bar.high())).annualTotal();
            assertThat(bar.totalAtLow()).as(bar.code()).isCloseTo(low, within(1e-3));
            assertThat(bar.totalAtHigh()).as(bar.code()).isCloseTo(high, within(1e-3));
            assertThat(bar.baseTotal()).isCloseTo(base, within(1e-3));
            assertThat(bar.swing()).isCloseTo(Math.abs(high - low), within(1e-3));
        }
    }

    @Test
    void fixedParametersHaveNoBar() {
        assertThat(CostModel.tornado(RoundNumbers.fixed())).isEmpty();
        assertThat(CostModel.tornado(ParameterSet.defaults())).extracting(TornadoBar::code)
                .doesNotContain("years_school", "emigrants_school", "years_phd");
    }

    @Test
    void orderFollowsTheHandComputedSwings() {
        // Round set with only two ranges: emigrants_bachelor 900..1,100 moves the total by 200 × 9,881,920
        // = 1,976,384,000; emigrants_phd 0..100 by 100 × 22,361,920 = 2,236,192,000, so the PhD bar comes first
        // (costs per emigrant from CostModelArithmeticTest).
        ParameterSet p = RoundNumbers.fixed().with("emigrants_bachelor", 1_000, 900, 1_100)
                .with("emigrants_phd", 50, 0, 100);
        List<TornadoBar> bars = CostModel.tornado(p);
        assertThat(bars).extracting(TornadoBar::code).containsExactly("emigrants_phd", "emigrants_bachelor");
        assertThat(bars.get(0).swing()).isCloseTo(2_236_192_000.0, within(1.0));
        assertThat(bars.get(1).swing()).isCloseTo(1_976_384_000.0, within(1.0));
    }
}
