package kz.agyn.kernel;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount in one currency: salaries, remittances, grant sizes.
 *
 * <p>The constructor normalises the amount to its shortest exact form (trailing zeros stripped,
 * never a negative scale), so 1.0 and 1.00 are the same value. That keeps the record's generated
 * {@code equals} and {@code hashCode} right for map keys and sets, where a compareTo-based equals
 * would need a hand-written hashCode to agree with it.
 *
 * @param amount   the exact amount, any scale
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /** Kazakhstan tenge. */
    public static final Currency KZT = Currency.getInstance("KZT");

    // A no-break space, so a figure and its currency never wrap apart. Chosen over U+202F (what
    // newer CLDR data uses for kk/ru) because every font and terminal renders it.
    private static final char NBSP = '\u00A0';
    private static final String TENGE_SIGN = "\u20B8";

    /** Normalises the amount's scale; see the class comment. */
    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = amount.stripTrailingZeros();
        if (amount.scale() < 0) {
            amount = amount.setScale(0);
        }
    }

    /**
     * @param amount       a decimal such as "272188" or "1499.50"
     * @param currencyCode an ISO 4217 code such as "KZT"
     * @throws IllegalArgumentException if either is malformed
     */
    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    /** A whole amount in the given ISO 4217 currency. */
    public static Money of(long amount, String currencyCode) {
        return new Money(BigDecimal.valueOf(amount), Currency.getInstance(currencyCode));
    }

    /** Whole tenge. */
    public static Money kzt(long amount) {
        return new Money(BigDecimal.valueOf(amount), KZT);
    }

    /** An amount of tenge. */
    public static Money kzt(BigDecimal amount) {
        return new Money(amount, KZT);
    }

    /** @throws IllegalArgumentException if the currencies differ */
    public Money plus(Money other) {
        requireSameCurrency(other, "add");
        return new Money(amount.add(other.amount), currency);
    }

    /** @throws IllegalArgumentException if the currencies differ */
    public Money minus(Money other) {
        requireSameCurrency(other, "subtract");
        return new Money(amount.subtract(other.amount), currency);
    }

    /** The exact product, unrounded: round once at the end of a calculation, not at every step. */
    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    /** The quotient, rounded to the currency's minor units with the given mode. */
    public Money dividedBy(BigDecimal divisor, RoundingMode rounding) {
        int digits = currency.getDefaultFractionDigits();
        BigDecimal quotient = digits >= 0
                ? amount.divide(divisor, digits, rounding)
                : amount.divide(divisor, new MathContext(MathContext.DECIMAL128.getPrecision(), rounding));
        return new Money(quotient, currency);
    }

    /**
     * Converts at a rate given as units of {@code target} per unit of this currency, rounding
     * half-even (banker's rounding, which does not drift when many conversions are summed) to the
     * target's minor units.
     *
     * @throws IllegalArgumentException if the rate is not positive
     */
    public Money convert(BigDecimal rate, Currency target) {
        Objects.requireNonNull(target, "target");
        if (rate.signum() <= 0) {
            throw new IllegalArgumentException("exchange rate must be positive, got " + rate.toPlainString());
        }
        return new Money(roundTo(amount.multiply(rate), target), target);
    }

    /** Rounded half-even to the currency's minor units (2 for tenge). */
    public Money rounded() {
        return new Money(roundTo(amount, currency), currency);
    }

    /** Whether the amount is zero. */
    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** Whether the amount is below zero. */
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /** @throws IllegalArgumentException if the currencies differ: there is no rate-free order */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other, "compare");
        return amount.compareTo(other.amount);
    }

    /**
     * For display: "272 188 ₸" and "60 000 USD" in Kazakh and Russian, "KZT 272,188" and
     * "USD 60,000" in any other language (English is the only other UI language). Spaces are
     * U+00A0. Two decimals appear only when the amount has a fractional part, rounded half-even.
     */
    public String format(Locale locale) {
        String language = locale.getLanguage();
        boolean kkOrRu = language.equals("kk") || language.equals("ru");
        // The amount is normalised, so a positive scale means a real fractional part.
        BigDecimal shown = amount.abs().setScale(amount.scale() > 0 ? 2 : 0, RoundingMode.HALF_EVEN);
        String plain = shown.toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String number = group(whole, kkOrRu ? NBSP : ',')
                + (dot < 0 ? "" : (kkOrRu ? "," : ".") + plain.substring(dot + 1));
        String sign = isNegative() && shown.signum() != 0 ? "-" : "";
        String code = currency.getCurrencyCode();
        return kkOrRu
                ? sign + number + NBSP + (currency.equals(KZT) ? TENGE_SIGN : code)
                : sign + code + NBSP + number;
    }

    private static String group(String digits, char separator) {
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3);
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(separator);
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    // Pseudo-currencies such as XAU have no minor unit (-1): nothing to round to.
    private static BigDecimal roundTo(BigDecimal value, Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        return digits < 0 ? value : value.setScale(digits, RoundingMode.HALF_EVEN);
    }

    private void requireSameCurrency(Money other, String operation) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot " + operation + " " + other.currency.getCurrencyCode()
                    + " and " + currency.getCurrencyCode() + ": currencies differ");
        }
    }
}
