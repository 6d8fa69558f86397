package kz.agyn.forecast.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Input the engine cannot forecast from is refused with the reason, never a stack trace. */
class ForecastInputTest {

    private final ForecastEngine engine = new ForecastEngine();
    private final double[] ten = {5, 6, 7, 8, 9, 10, 11, 12, 13, 14};

    @Test
    void fewerThanFivePoints() {
        assertThatThrownBy(() -> engine.forecast(new double[] {1, 2, 3, 4}, 1, 3, Method.AUTO, Transform.AUTO))
                .isInstanceOfSatisfying(ForecastException.class, e -> assertCode(e, "forecast.error.tooShort"));
    }

    @Test
    void aGap() {
        double[] y = ten.clone();
        y[4] = Double.NaN;
        assertThatThrownBy(() -> engine.forecast(y, 1, 3, Method.AUTO, Transform.AUTO))
                .isInstanceOfSatisfying(ForecastException.class, e -> assertCode(e, "forecast.error.gap"));
    }

    @Test
    void zerosUnderALog() {
        double[] y = ten.clone();
        y[2] = 0;
        assertThatThrownBy(() -> engine.forecast(y, 1, 3, Method.TRAMO, Transform.LOG))
                .isInstanceOfSatisfying(ForecastException.class, e -> assertCode(e, "forecast.error.logNonPositive"));
    }

    @Test
    void horizonZeroOrAThousand() {
        for (int h : new int[] {0, 1000, -1}) {
            assertThatThrownBy(() -> engine.forecast(ten, 1, h, Method.AUTO, Transform.AUTO))
                    .isInstanceOfSatisfying(ForecastException.class, e -> assertCode(e, "forecast.error.horizon"));
        }
    }

    private static void assertCode(ForecastException e, String code) {
        org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(code);
    }
}
