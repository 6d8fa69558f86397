package kz.agyn.registry.cohorts.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

import kz.agyn.registry.cohorts.Share;

/** Numbers of the cohort page as the reader's language writes them; a dash where there is nothing to show. */
public final class CohortFormat {

    /** What a blanked or undefined cell shows. */
    public static final String DASH = "—";

    private final Locale locale;

    CohortFormat(Locale locale) {
        this.locale = locale;
    }

    /** A fraction as a percentage with one decimal (0.1234 → "12,3 %"). */
    public String percent(Double fraction) {
        return fraction == null ? DASH : number(fraction * 100, 1) + "\u00A0%";
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
        return lower == null || upper == null ? ""
                : number(lower * 100, 1) + "–" + number(upper * 100, 1) + "\u00A0%";
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
        NumberFormat nf = NumberFormat.getNumberInstance(locale);
        nf.setMaximumFractionDigits(decimals);
        nf.setMinimumFractionDigits(decimals);
        return nf.format(BigDecimal.valueOf(v)).replace('\u202F', '\u00A0');
    }
}
