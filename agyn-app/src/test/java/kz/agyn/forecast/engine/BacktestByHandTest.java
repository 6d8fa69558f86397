package kz.agyn.forecast.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The backtest's measures worked out by hand on a short yearly series. */
class BacktestByHandTest {

    /**
     * y = 10, 12, 11, 13, 15, 14, 16; naive forecasts one step ahead from the last three origins:
     * <pre>
     * origin  training            forecast  actual  |e|  scale (mean |Δy| of training)  |e|/scale  sMAPE term
     *   5     10 12 11 13         13        15      2    (2+1+2)/3 = 5/3                1.2        200·2/28
     *   6     10 12 11 13 15      15        14      1    (2+1+2+2)/4 = 7/4              4/7        200·1/29
     *   7     10 12 11 13 15 14   14        16      2    (2+1+2+2+1)/5 = 8/5            1.25       200·2/30
     * </pre>
     * MASE = (1.2 + 4/7 + 1.25)/3 = 1.007142…, sMAPE = (14.2857 + 6.8966 + 13.3333)/3 = 11.5052…%. Naive's σ at
     * each origin is the root mean square of the training differences: √3, √(13/4), √(14/5); its 80% half-widths
     * 1.2816σ = 2.220, 2.311, 2.144 hold all three errors, so both coverages are 1.
     */
    @Test
    void naiveOneStepAhead() {
        double[] y = {10, 12, 11, 13, 15, 14, 16};
        List<Backtester.Scored> s = Backtester.run(y, 3, 1, 1, train -> SimpleMethods.naive(train, 1));
        assertThat(s).hasSize(3);
        assertThat(s).extracting(Backtester.Scored::mean).containsExactly(13.0, 15.0, 14.0);
        assertThat(s).extracting(Backtester.Scored::scale).containsExactly(5 / 3.0, 7 / 4.0, 8 / 5.0);
        Accuracy a = Backtester.accuracy(Method.NAIVE, s);
        assertThat(a.forecasts()).isEqualTo(3);
        assertThat(a.mase()).isCloseTo((1.2 + 4 / 7.0 + 1.25) / 3, within(1e-12));
        assertThat(a.smape()).isCloseTo((400 / 28.0 + 200 / 29.0 + 400 / 30.0) / 3, within(1e-12));
        assertThat(a.smape()).isCloseTo(11.5052, within(1e-4));
        assertThat(a.coverage80()).isEqualTo(1.0);
        assertThat(a.coverage95()).isEqualTo(1.0);
        // Naive2 on a yearly series is naive: relative measures of 1.
        Accuracy rel = Backtester.relative(a, a);
        assertThat(rel.relativeMase()).isEqualTo(1.0);
        assertThat(rel.relativeSmape()).isEqualTo(1.0);
    }

    /**
     * Drift two steps ahead from the last two origins of y = 1, 2, 4, 5, 7, 8: from 1 2 4 5 (slope 4/3) the
     * forecasts are 6.333 and 7.667 against 7 and 8; from 1 2 4 5 7 (slope 6/4) the forecast is 8.5 against 8.
     * Scales: (1+2+1)/3 = 4/3 and (1+2+1+2)/4 = 3/2. MASE = (0.6667/(4/3) + 0.3333/(4/3) + 0.5/1.5)/3 = 0.3611…
     */
    @Test
    void driftTwoStepsAheadScoresOnlyKnownActuals() {
        double[] y = {1, 2, 4, 5, 7, 8};
        List<Backtester.Scored> s = Backtester.run(y, 2, 2, 1, train -> SimpleMethods.drift(train, 2));
        assertThat(s).hasSize(3);
        assertThat(s.get(0).mean()).isCloseTo(5 + 4 / 3.0, within(1e-12));
        assertThat(s.get(1).mean()).isCloseTo(5 + 8 / 3.0, within(1e-12));
        assertThat(s.get(2).mean()).isCloseTo(8.5, within(1e-12));
        Accuracy a = Backtester.accuracy(Method.DRIFT, s);
        assertThat(a.mase()).isCloseTo(((2 / 3.0) / (4 / 3.0) + (1 / 3.0) / (4 / 3.0) + 0.5 / 1.5) / 3, within(1e-12));
        assertThat(a.mase()).isCloseTo(0.36111, within(1e-5));
    }

    /**
     * Calibration: six forecasts with point 100 and intervals 90–110 (80%) and 80–120 (95%); the actuals fall at
     * distances 5, 5, 5, 15, 25, 30. 80%: ratios to the half-width 10 are 0.5, 0.5, 0.5, 1.5, 2.5, 3; the ⌈0.8·6⌉ =
     * 5th smallest is 2.5, so the 80% intervals are widened 2.5 times. 95%: ratios to 20 are 0.25 … 1.25, 1.5; the
     * 6th is 1.5.
     */
    @Test
    void underCoveringIntervalsAreWidenedByTheBacktestQuantile() {
        List<Backtester.Scored> s = java.util.stream.DoubleStream.of(105, 95, 105, 115, 75, 130)
                .mapToObj(a -> new Backtester.Scored(a, 100, 90, 110, 80, 120, 1)).toList();
        Accuracy a = Backtester.accuracy(Method.NAIVE, s);
        assertThat(a.coverage80()).isEqualTo(0.5);
        assertThat(a.coverage95()).isCloseTo(4 / 6.0, within(1e-12));
        assertThat(a.underCovers()).isTrue();
        Calibration c = Backtester.calibration(s);
        assertThat(c.factor80()).isEqualTo(2.5);
        assertThat(c.factor95()).isEqualTo(1.5);
        Prediction p = new Prediction(Method.NAIVE, new double[] {100}, new double[] {90}, new double[] {110},
                new double[] {80}, new double[] {120}, null).widened(c.factor80(), c.factor95());
        assertThat(p.lo80()[0]).isEqualTo(75.0);
        assertThat(p.hi95()[0]).isEqualTo(130.0);
        // Too few forecasts to calibrate from: left as they are.
        assertThat(Backtester.calibration(s.subList(0, 4)).widened()).isFalse();
    }
}
