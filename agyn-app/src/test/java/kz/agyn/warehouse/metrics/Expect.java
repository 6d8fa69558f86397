package kz.agyn.warehouse.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.Optional;

/** Assertions shared by the metric tests: a present value within 1e-9 of a hand-computed one. */
final class Expect {

    static final double TOLERANCE = 1e-9;

    private Expect() {
    }

    static void close(Optional<BigDecimal> actual, String expected) {
        assertThat(actual).as("a value, expected ≈ %s", expected).isPresent();
        assertThat(actual.get().doubleValue()).isCloseTo(new BigDecimal(expected).doubleValue(), within(TOLERANCE));
    }

    static void exactly(Optional<BigDecimal> actual, String expected) {
        assertThat(actual).as("a value, expected %s", expected).isPresent();
        assertThat(actual.get()).isEqualByComparingTo(expected);
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    static BigDecimal d(long value) {
        return BigDecimal.valueOf(value);
    }
}
