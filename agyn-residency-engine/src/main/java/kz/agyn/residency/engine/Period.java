package kz.agyn.residency.engine;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The months an estimate covers: {@code months} consecutive months from {@code start}. Month indices are 0-based
 * from the start; at most {@value #MAX_MONTHS} months, because a register's months are the bits of one {@code int}.
 */
public record Period(YearMonth start, int months) {

    /** The longest period, in months. */
    public static final int MAX_MONTHS = 32;

    public Period {
        Objects.requireNonNull(start, "start");
        if (months < 1 || months > MAX_MONTHS) {
            throw new IllegalArgumentException("a period has 1 to " + MAX_MONTHS + " months, not " + months);
        }
    }

    /** The default: 24 months from January 2024. */
    public static Period defaultPeriod() {
        return new Period(YearMonth.of(2024, 1), 24);
    }

    /** The 0-based index of a month, negative before the start and {@code >= months} after the end. */
    public int indexOf(YearMonth month) {
        return (int) ChronoUnit.MONTHS.between(start, month);
    }

    /** The 0-based index of the month a day falls in (negative before the start). */
    public int indexOf(LocalDate day) {
        return indexOf(YearMonth.from(day));
    }

    public YearMonth month(int index) {
        return start.plusMonths(index);
    }

    /** The last day of the period. */
    public LocalDate lastDay() {
        return start.plusMonths(months - 1L).atEndOfMonth();
    }

    /** Bits of all months of the period. */
    public int allMonths() {
        return months == 32 ? -1 : (1 << months) - 1;
    }
}
