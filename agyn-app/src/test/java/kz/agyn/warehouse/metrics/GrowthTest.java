package kz.agyn.warehouse.metrics;

import static kz.agyn.warehouse.metrics.Expect.close;
import static kz.agyn.warehouse.metrics.Expect.d;
import static kz.agyn.warehouse.metrics.Expect.exactly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GrowthTest {

    @Test
    void rateIsTheChangeOverThePreviousValue() {
        // (31,287 − 27,000) / 27,000 = 4,287 / 27,000 = 0.158777…
        close(Growth.rate(d(31_287), d(27_000)), "0.1587777777777778");
        // (24,000 − 30,000) / 30,000 = −0.2 exactly
        exactly(Growth.rate(d(24_000), d(30_000)), "-0.2");
        exactly(Growth.rate(d(500), d(500)), "0");
    }

    @Test
    void rateIsUndefinedFromAZeroOrNegativeBaseOrMissingData() {
        assertThat(Growth.rate(d(10), d(0))).isEmpty();
        // From −100 to −50 the "rate" would be −0.5, a fall, when the value rose.
        assertThat(Growth.rate(d(-50), d(-100))).isEmpty();
        assertThat(Growth.rate(null, d(1))).isEmpty();
        assertThat(Growth.rate(d(1), null)).isEmpty();
    }

    @Test
    void compoundAnnualRateIsTheConstantYearlyRate() {
        // 1,000 × 1.1³ = 1,331, so (1331 / 1000)^(1/3) − 1 = 0.1
        close(Growth.compoundAnnualRate(d(1_000), d(1_331), 3), "0.1");
        // Population 16.2 M → 20.0 M over 14 years: (20 / 16.2)^(1/14) − 1 = 1.2345679^(0.0714286) − 1
        // = exp(ln(1.2345679) / 14) − 1 = exp(0.2107210 / 14) − 1 = exp(0.0150515) − 1 = 0.0151653…
        close(Growth.compoundAnnualRate(d(16_200_000), d(20_000_000), 14), "0.015165346555491288");
        // Over one year the compound rate is the simple rate, computed exactly: 31,287 / 27,000 − 1
        exactly(Growth.compoundAnnualRate(d(27_000), d(31_287), 1), "0.1587777777777778");
        // Falling to zero is a 100% loss per year, whatever the span.
        close(Growth.compoundAnnualRate(d(5), d(0), 4), "-1");
    }

    @Test
    void compoundAnnualRateEdgeCases() {
        assertThat(Growth.compoundAnnualRate(d(0), d(10), 5)).isEmpty();
        assertThat(Growth.compoundAnnualRate(d(-1), d(10), 5)).isEmpty();
        assertThat(Growth.compoundAnnualRate(d(10), d(-1), 5)).isEmpty();
        assertThat(Growth.compoundAnnualRate(null, d(10), 5)).isEmpty();
        assertThatThrownBy(() -> Growth.compoundAnnualRate(d(1), d(2), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one year");
        assertThatThrownBy(() -> Growth.compoundAnnualRate(d(1), d(2), -3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStepOfASeriesIsItsMostCommonGap() {
        // Annual: 2015, 2016, 2017 → gaps 1, 1.
        assertThat(Growth.step(java.util.List.of(1, 1))).isEqualTo(1);
        // UN DESA's migrant stock 1990, 1995, …, 2015, 2019: five gaps of 5, one of 4.
        assertThat(Growth.step(java.util.List.of(5, 5, 5, 5, 5, 4))).isEqualTo(5);
        // An annual series with a missing year keeps its yearly step.
        assertThat(Growth.step(java.util.List.of(1, 2, 1))).isEqualTo(1);
        // A tie goes to the shorter step; no gaps at all is a step of one period.
        assertThat(Growth.step(java.util.List.of(5, 1))).isEqualTo(1);
        assertThat(Growth.step(java.util.List.of())).isEqualTo(1);
    }
}
