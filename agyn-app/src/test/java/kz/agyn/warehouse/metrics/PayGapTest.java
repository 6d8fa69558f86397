package kz.agyn.warehouse.metrics;

import static kz.agyn.warehouse.metrics.Expect.close;
import static kz.agyn.warehouse.metrics.Expect.d;
import static kz.agyn.warehouse.metrics.Expect.exactly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The note's example: a university teacher in Kazakhstan earns 272,188 KZT a month (2022), one in the
 * United States about 60,000 USD a year. Exchange rate 450 KZT/USD; PPP factors 190 KZT and 1.0 USD per
 * international dollar (round figures for the test, not published values).
 */
class PayGapTest {

    private static final Pay KZ_TEACHER = Pay.monthly(272_188);
    private static final Pay US_TEACHER = Pay.annual(60_000);

    @Test
    void annualisingMultipliesByPeriodsPerYear() {
        // 272,188 × 12 = 3,266,256
        assertThat(KZ_TEACHER.annualised()).isEqualByComparingTo("3266256");
        assertThat(PayGap.annualise(d(1_000), PayPeriod.QUARTERLY)).isEqualByComparingTo("4000");
        assertThat(US_TEACHER.annualised()).isEqualByComparingTo("60000");
    }

    @Test
    void nominalRatioAtTheMarketRate() {
        // 60,000 USD × 450 = 27,000,000 KZT; 27,000,000 / 3,266,256 = 8.266345320146…
        close(PayGap.nominalRatio(US_TEACHER, d(450), KZ_TEACHER), "8.266345320146369");
        // The same pay stated monthly (5,000 USD) gives the same ratio.
        close(PayGap.nominalRatio(Pay.monthly(5_000), d(450), KZ_TEACHER), "8.266345320146369");
    }

    @Test
    void pppRatioComparesWhatThePayBuys() {
        // US: 60,000 / 1.0 = 60,000 international $; KZ: 3,266,256 / 190 = 17,190.8211 international $
        // 60,000 / 17,190.8211 = (60,000 × 190) / 3,266,256 = 11,400,000 / 3,266,256 = 3.490234690728…
        close(PayGap.pppRatio(US_TEACHER, d("1.0"), KZ_TEACHER, d(190)), "3.490234690728467");
        // Equal pay in international dollars: ratio 1. 190 × 12 = 2,280 KZT/month buys 12 intl $ a year.
        exactly(PayGap.pppRatio(Pay.annual(12), BigDecimal.ONE, Pay.monthly(190), d(190)), "1");
    }

    @Test
    void edgeCases() {
        assertThat(PayGap.nominalRatio(US_TEACHER, d(450), Pay.monthly(0))).isEmpty();
        assertThat(PayGap.pppRatio(US_TEACHER, d(1), Pay.annual(0), d(190))).isEmpty();
        assertThat(PayGap.nominalRatio(null, d(450), KZ_TEACHER)).isEmpty();
        assertThat(PayGap.nominalRatio(US_TEACHER, null, KZ_TEACHER)).isEmpty();
        assertThat(PayGap.pppRatio(US_TEACHER, d(1), KZ_TEACHER, null)).isEmpty();
        assertThatThrownBy(() -> PayGap.nominalRatio(US_TEACHER, d(0), KZ_TEACHER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exchange rate");
        assertThatThrownBy(() -> PayGap.nominalRatio(US_TEACHER, d(-450), KZ_TEACHER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PayGap.pppRatio(US_TEACHER, d(0), KZ_TEACHER, d(190)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PPP");
        assertThatThrownBy(() -> PayGap.pppRatio(US_TEACHER, d(1), KZ_TEACHER, d(-190)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pay(d(-1), PayPeriod.MONTHLY)).isInstanceOf(IllegalArgumentException.class);
    }
}
