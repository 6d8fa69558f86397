package kz.agyn.registry.cohorts.web;

import java.util.Locale;

import kz.agyn.platform.format.Decimals;
import kz.agyn.platform.format.Numbers;
import kz.agyn.registry.cohorts.Share;

/**
 * Numbers of the cohort page as the reader's language writes them, each with a fixed number of decimals so that
 * a column lines up; a dash where there is nothing to show. The writing itself is the shared {@link Numbers}.
 */
public final class CohortFormat {

    /** What a blanked or undefined cell shows. */
    public static final String DASH = "—";
    private static final Decimals ONE = Decimals.exactly(1);

    private final Numbers numbers;

    CohortFormat(Locale locale) {
        this.numbers = new Numbers(locale);
    }

    /** A fraction as a percentage with one decimal (0.1234 → "12,3 %"). */
    public String percent(Double fraction) {
        return fraction == null ? DASH : numbers.percent(fraction * 100, ONE);
    }

    /** A share's value. */
    public String share(Share s) {
        return s == null ? DASH : percent(s.value());
    }

    /** A share's 95% interval, "10,2–11,9 %", or empty when undefined. */
    public String interval(Share s) {
        return s == null || !s.defined() ? "" : interval(s.lower(), s.upper());
    }

    public String interval(Double lower, Double upper) {
        return lower == null || upper == null ? "" : numbers.percentRange(lower * 100, upper * 100, ONE);
    }

    /** A count of people, or a dash. */
    public String count(Number n) {
        return n == null ? DASH : number(n.doubleValue(), 0);
    }

    /** A mean count such as graduates a year, with one decimal. */
    public String mean(Double n) {
        return n == null ? DASH : number(n, 1);
    }

    /** Months with one decimal, or a dash. */
    public String months(Double m) {
        return m == null ? DASH : number(m, 1);
    }

    String number(double v, int decimals) {
        return numbers.number(v, Decimals.exactly(decimals));
    }
}
