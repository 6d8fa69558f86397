package kz.agyn.warehouse.metrics;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A pay figure with the period it covers, in its own currency (the currency is the caller's to keep
 * straight; the pay-gap methods take the conversion factors explicitly).
 *
 * @param amount gross pay per period, not negative
 * @param period what the amount covers
 */
public record Pay(BigDecimal amount, PayPeriod period) {

    /** @throws IllegalArgumentException if the amount is negative */
    public Pay {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(period, "period");
        Decimals.requireNonNegative(amount, "pay");
    }

    public static Pay monthly(long amount) {
        return new Pay(BigDecimal.valueOf(amount), PayPeriod.MONTHLY);
    }

    public static Pay annual(long amount) {
        return new Pay(BigDecimal.valueOf(amount), PayPeriod.ANNUAL);
    }

    /** The pay for a whole year: amount × periods per year (no 13th-month pay or bonuses assumed). */
    public BigDecimal annualised() {
        return PayGap.annualise(amount, period);
    }
}
