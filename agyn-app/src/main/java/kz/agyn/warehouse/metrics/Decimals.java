package kz.agyn.warehouse.metrics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/** The package's single place for rounding and for the domain checks its failure rule relies on. */
final class Decimals {

    static final MathContext MC = MathContext.DECIMAL64;
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    static final BigDecimal TWO = BigDecimal.valueOf(2);

    private Decimals() {
    }

    static boolean anyNull(Object... values) {
        for (Object value : values) {
            if (value == null) {
                return true;
            }
        }
        return false;
    }

    static void requireNonNegative(BigDecimal value, String what) {
        if (value != null && value.signum() < 0) {
            throw new IllegalArgumentException(what + " cannot be negative, got " + value.toPlainString());
        }
    }

    static void requireNonNegative(long value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " cannot be negative, got " + value);
        }
    }

    static void requirePositive(BigDecimal value, String what) {
        if (value != null && value.signum() <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + value.toPlainString());
        }
    }

    /** Empty for a zero denominator: the package's rule for a gap in the data. */
    static Optional<BigDecimal> divide(BigDecimal numerator, BigDecimal denominator) {
        if (denominator.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(numerator.divide(denominator, MC));
    }
}
