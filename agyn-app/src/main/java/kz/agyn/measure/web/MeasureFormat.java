package kz.agyn.measure.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import kz.agyn.measure.KpiUnit;
import kz.agyn.platform.format.Decimals;
import kz.agyn.platform.format.Numbers;

/** KPI values, budgets and dates in the reader's style, with the KPI's unit; pages call it as {@code fmt}. */
public final class MeasureFormat {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Numbers numbers;

    MeasureFormat(Locale locale) {
        this.numbers = new Numbers(locale);
    }

    /** A value with its unit: "40 %", "5 000 000 000 ₸", "12"; a dash for none. */
    public String value(Double v, KpiUnit unit) {
        if (v == null) {
            return Numbers.DASH;
        }
        return withUnit(numbers.number(v, Decimals.upTo(unit == KpiUnit.PERCENT ? 1 : 0)), unit);
    }

    public String value(BigDecimal v, KpiUnit unit) {
        return v == null ? Numbers.DASH : value(v.doubleValue(), unit);
    }

    /** An interval "35,2–44,8 %". */
    public String range(Double low, Double high, KpiUnit unit) {
        if (low == null || high == null) {
            return Numbers.DASH;
        }
        Decimals d = Decimals.upTo(unit == KpiUnit.PERCENT ? 1 : 0);
        return withUnit(numbers.number(low, d) + Numbers.DASH + numbers.number(high, d), unit);
    }

    public String money(BigDecimal v) {
        return v == null ? Numbers.DASH : value(v.doubleValue(), KpiUnit.KZT);
    }

    /** A moment as the reader's clock shows it, 2025-03-01 14:05. */
    public String time(Instant t) {
        return t == null ? Numbers.DASH : MINUTES.format(t.atZone(ZoneId.systemDefault()));
    }

    /** An interval's nominal level as a whole percentage, 80. */
    public long level(double level) {
        return Math.round(level * 100);
    }

    /** A day as ISO writes it, 2030-12-31, the same in every language. */
    public String date(LocalDate d) {
        return d == null ? Numbers.DASH : d.toString();
    }

    private static String withUnit(String number, KpiUnit unit) {
        return switch (unit) {
            case PERCENT -> number + Numbers.NBSP + "%";
            case KZT -> number + Numbers.NBSP + "₸";
            case COUNT -> number;
        };
    }
}
