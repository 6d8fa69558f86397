package kz.agyn.costmodel.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * Numbers as a reader of each language writes them ("12,4 млрд ₸" in kk and ru, "12.4 bn ₸" in en), for the page
 * and for the sentences of the claim check. Public with public methods: the page's expressions call it.
 */
public final class CostModelFormat {

    private final Locale locale;
    private final MessageSource messages;

    public CostModelFormat(Locale locale, MessageSource messages) {
        this.locale = locale;
        this.messages = messages;
    }

    /** An amount in tenge, scaled to billions or millions when large, with the tenge sign. */
    public String money(double kzt) {
        double a = Math.abs(kzt);
        if (a >= 1e9) {
            return number(kzt / 1e9, 1) + "\u00A0" + word("bn") + "\u00A0₸";
        }
        if (a >= 1e6) {
            return number(kzt / 1e6, 2) + "\u00A0" + word("mn") + "\u00A0₸";
        }
        return number(kzt, 0) + "\u00A0₸";
    }

    /** A P5–P95 band with both ends at the scale of the larger, so that they read as one range. */
    public String band(double low, double high) {
        double a = Math.max(Math.abs(low), Math.abs(high));
        if (a >= 1e9) {
            return number(low / 1e9, 1) + "–" + number(high / 1e9, 1) + "\u00A0" + word("bn") + "\u00A0₸";
        }
        if (a >= 1e6) {
            return number(low / 1e6, 2) + "–" + number(high / 1e6, 2) + "\u00A0" + word("mn") + "\u00A0₸";
        }
        return number(low, 0) + "–" + number(high, 0) + "\u00A0₸";
    }

    /** Billions of tenge as a plain number, the unit of the tornado's axis. */
    public static double billions(double kzt) {
        return Math.round(kzt / 1e6) / 1e3;
    }

    /** A count of people. */
    public String count(double n) {
        return number(n, 0);
    }

    /** A parameter's value in its unit: whole tenge and persons, up to four decimals for rates and shares. */
    public String value(double v, String unit) {
        boolean whole = unit.startsWith("KZT") || "COUNT".equals(unit);
        String n = number(v, whole ? 0 : 4);
        return unit.startsWith("KZT") ? n + "\u00A0₸" : n;
    }

    /** A percentage given in percent (37.5 → "37,5 %"). */
    public String percent(double p) {
        return number(p, 1) + "\u00A0%";
    }

    /** The number as an input field holds it: a decimal point, no grouping, no exponent. */
    public String plain(double v) {
        return CostModelRunner.plain(v);
    }

    /** A number in the locale's style with at most {@code decimals} decimals. */
    public String number(double v, int decimals) {
        NumberFormat nf = NumberFormat.getNumberInstance(locale);
        nf.setMaximumFractionDigits(decimals);
        nf.setMinimumFractionDigits(0);
        return nf.format(BigDecimal.valueOf(v)).replace('\u202F', '\u00A0');
    }

    private String word(String scale) {
        return messages.getMessage("costmodel.scale." + scale, null, scale, locale);
    }
}
