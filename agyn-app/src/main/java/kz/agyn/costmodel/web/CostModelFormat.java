package kz.agyn.costmodel.web;

import java.util.Locale;

import kz.agyn.platform.format.Decimals;
import kz.agyn.platform.format.Numbers;
import kz.agyn.platform.format.Scale;
import kz.agyn.platform.format.Shortening;
import org.springframework.context.MessageSource;

/**
 * The cost model's numbers as a reader of each language writes them ("12,4 млрд ₸" in kk and ru, "12.4 bn ₸" in
 * en), for the page and for the sentences of the claim check: which decimals and scales the model's amounts take;
 * the writing itself is the shared {@link Numbers}. Public with public methods: the page's expressions call it.
 */
public final class CostModelFormat {

    /** Billions with one decimal, millions with two, smaller amounts in whole tenge. */
    private static final Shortening MONEY = Shortening.none(Decimals.upTo(0))
            .and(Scale.MILLION, Decimals.upTo(2)).and(Scale.BILLION, Decimals.upTo(1));

    private final Numbers numbers;

    public CostModelFormat(Locale locale, MessageSource messages) {
        this.numbers = new Numbers(locale, messages);
    }

    /** An amount in tenge, scaled to billions or millions when large, with the tenge sign. */
    public String money(double kzt) {
        return numbers.money(kzt, "KZT", MONEY);
    }

    /** A P5–P95 band with both ends at the scale of the larger, so that they read as one range. */
    public String band(double low, double high) {
        return numbers.moneyRange(low, high, "KZT", MONEY);
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
        return unit.startsWith("KZT") ? n + Numbers.NBSP + Numbers.currencySign("KZT") : n;
    }

    /** A percentage given in percent (37.5 → "37,5 %"). */
    public String percent(double p) {
        return numbers.percent(p, Decimals.upTo(1));
    }

    /** The number as an input field holds it: a decimal point, no grouping, no exponent. */
    public String plain(double v) {
        return CostModelRunner.plain(v);
    }

    /** A number in the locale's style with at most {@code decimals} decimals. */
    public String number(double v, int decimals) {
        return numbers.number(v, Decimals.upTo(decimals));
    }
}
