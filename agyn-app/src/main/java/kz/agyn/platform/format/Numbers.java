package kz.agyn.platform.format;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Objects;

import org.springframework.context.MessageSource;

/**
 * Numbers, percentages and money in one reader's language: grouping and decimal mark from the JDK's locale data
 * ("1 234 567,89" in kk and ru, "1,234,567.89" in en), with a no-break space (U+00A0) between groups, before a
 * unit and before a scale word, so that a figure never breaks across lines. Public with public methods: pages'
 * expressions call it.
 *
 * <p>A double is rounded (half-even, as {@link NumberFormat} does) from its shortest decimal form,
 * {@link BigDecimal#valueOf(double)}: the 1.015 a reader would see rounds to "1,02" with two places, not to the
 * "1,01" its binary value, a little below 1.015, would give. A {@link BigDecimal} is rounded from its exact
 * value; {@link #binary} rounds a double's binary value instead.
 */
public final class Numbers {

    /** The no-break space between groups, numbers and units. */
    public static final char NBSP = '\u00A0';
    /** The en dash between the two ends of a range. */
    public static final String DASH = "–";

    private final Locale locale;
    private final MessageSource messages;

    /** For numbers and percentages; {@link #shortened} and money need the scale words of the messages. */
    public Numbers(Locale locale) {
        this(locale, null);
    }

    public Numbers(Locale locale, MessageSource messages) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.messages = messages;
    }

    public Locale locale() {
        return locale;
    }

    /** A number in the reader's style, rounded from its shortest decimal form. */
    public String number(double v, Decimals decimals) {
        // NaN and the infinities have no decimal form: written as the JDK writes them ("NaN", "∞").
        return Double.isFinite(v) ? number(BigDecimal.valueOf(v), decimals) : binary(v, decimals);
    }

    /** A number in the reader's style. */
    public String number(BigDecimal v, Decimals decimals) {
        return format(decimals).format(v).replace('\u202F', NBSP);
    }

    /**
     * A number rounded from the double's binary value, as {@link NumberFormat} rounds a double: 1.015, a little
     * below 1.015 in binary, becomes "1,01" with two places. For figures that have always been written so.
     */
    public String binary(double v, Decimals decimals) {
        return format(decimals).format(v).replace('\u202F', NBSP);
    }

    private NumberFormat format(Decimals decimals) {
        NumberFormat nf = NumberFormat.getNumberInstance(locale);
        nf.setMaximumFractionDigits(decimals.places());
        nf.setMinimumFractionDigits(decimals.exact() ? decimals.places() : 0);
        return nf;
    }

    /** Two numbers as a range, "10,2–11,9". */
    public String range(double low, double high, Decimals decimals) {
        return number(low, decimals) + DASH + number(high, decimals);
    }

    /** A value given in percent as a percentage: 37.5 → "37,5 %". */
    public String percent(double percent, Decimals decimals) {
        return number(percent, decimals) + NBSP + "%";
    }

    /** Two values given in percent as a range of percentages: "10,2–11,9 %". */
    public String percentRange(double low, double high, Decimals decimals) {
        return range(low, high, decimals) + NBSP + "%";
    }

    /** An amount in the largest scale it reaches, with the scale's word: "183,5 млрд", "950". */
    public String shortened(double v, Shortening shortening) {
        Shortening.Step step = shortening.stepFor(Math.abs(v));
        return step == null ? number(v, shortening.unscaled())
                : number(v / step.scale().factor().doubleValue(), step.decimals()) + NBSP + word(step.scale());
    }

    /** The same for an exact amount. */
    public String shortened(BigDecimal v, Shortening shortening) {
        Shortening.Step step = shortening.stepFor(v.abs());
        return step == null ? number(v, shortening.unscaled())
                : number(v.divide(step.scale().factor()), step.decimals()) + NBSP + word(step.scale());
    }

    /** Money: "183,5 млрд ₸", "272 188 ₸", "60 000 USD". */
    public String money(double amount, String currency, Shortening shortening) {
        return shortened(amount, shortening) + NBSP + currencySign(currency);
    }

    /**
     * A range of money with both ends in the scale of the larger, so that they read as one range:
     * "12,1–14,9 млрд ₸", never "950 млн–1,2 млрд ₸".
     */
    public String moneyRange(double low, double high, String currency, Shortening shortening) {
        Shortening.Step step = shortening.stepFor(Math.max(Math.abs(low), Math.abs(high)));
        String numbers = step == null ? range(low, high, shortening.unscaled())
                : range(low / step.scale().factor().doubleValue(), high / step.scale().factor().doubleValue(),
                step.decimals()) + NBSP + word(step.scale());
        return numbers + NBSP + currencySign(currency);
    }

    /** The tenge sign for tenge, the ISO code for any other currency. */
    public static String currencySign(String currency) {
        return "KZT".equals(currency) ? "₸" : currency;
    }

    private String word(Scale scale) {
        if (messages == null) {
            throw new IllegalStateException("shortening to " + scale + " needs the messages: use new Numbers(locale, "
                    + "messages)");
        }
        return messages.getMessage(scale.messageKey(), null, scale.fallback(), locale);
    }
}
