package kz.agyn.kernel;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statistical reference period: a calendar year, quarter or month, as the statistics bureau
 * and SDMX feeds publish figures for.
 *
 * @param frequency how long the period is
 * @param year      1800–2200
 * @param number    0 for a year, 1–4 for a quarter, 1–12 for a month
 */
public record Period(Frequency frequency, int year, int number) implements Comparable<Period> {

    /** Period lengths, in the order that sorts the longer of two periods with the same start first. */
    public enum Frequency {
        YEAR(12),
        QUARTER(3),
        MONTH(1);

        private final int months;

        Frequency(int months) {
            this.months = months;
        }

        /** The length of one period in months. */
        public int months() {
            return months;
        }
    }

    private static final int MIN_YEAR = 1800;
    private static final int MAX_YEAR = 2200;
    private static final String ACCEPTED_FORMS =
            "accepted forms are YYYY, YYYY-Qn, YYYYQn, YYYY-MM and YYYY-Mmm, e.g. 2022, 2022-Q3, 2022Q3, 2022-07, 2022-M07";
    private static final Pattern YEAR_FORM = Pattern.compile("([0-9]{4})");
    private static final Pattern QUARTER_FORM = Pattern.compile("([0-9]{4})-?Q([0-9])");
    private static final Pattern MONTH_FORM = Pattern.compile("([0-9]{4})-M?([0-9]{2})");
    private static final Comparator<Period> ORDER =
            Comparator.comparing(Period::start).thenComparing(Period::frequency);

    /** @throws IllegalArgumentException if the year or number is out of range for the frequency */
    public Period {
        Objects.requireNonNull(frequency, "frequency");
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException("year must be " + MIN_YEAR + "-" + MAX_YEAR + ", got " + year);
        }
        int min = frequency == Frequency.YEAR ? 0 : 1;
        int max = frequency == Frequency.YEAR ? 0 : 12 / frequency.months();
        if (number < min || number > max) {
            throw new IllegalArgumentException(frequency.name().toLowerCase() + " number must be "
                    + (min == max ? min : min + "-" + max) + ", got " + number);
        }
    }

    /** The calendar year. */
    public static Period ofYear(int year) {
        return new Period(Frequency.YEAR, year, 0);
    }

    /** Quarter 1–4 of a year. */
    public static Period ofQuarter(int year, int quarter) {
        return new Period(Frequency.QUARTER, year, quarter);
    }

    /** Month 1–12 of a year. */
    public static Period ofMonth(int year, int month) {
        return new Period(Frequency.MONTH, year, month);
    }

    /**
     * Parses "2022", "2022-Q3", "2022Q3", "2022-07" or the SDMX "2022-M07"; surrounding whitespace
     * is ignored.
     *
     * @throws IllegalArgumentException quoting the input and listing the accepted forms
     */
    public static Period parse(String text) {
        String quoted = text == null ? "null" : "'" + text + "'";
        String s = text == null ? "" : text.strip();
        try {
            Matcher m;
            if ((m = YEAR_FORM.matcher(s)).matches()) {
                return ofYear(Integer.parseInt(m.group(1)));
            }
            if ((m = QUARTER_FORM.matcher(s)).matches()) {
                return ofQuarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if ((m = MONTH_FORM.matcher(s)).matches()) {
                return ofMonth(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Cannot parse period " + quoted + ": " + e.getMessage() + "; " + ACCEPTED_FORMS, e);
        }
        throw new IllegalArgumentException("Cannot parse period " + quoted + ": " + ACCEPTED_FORMS);
    }

    /** The first day. */
    public LocalDate start() {
        return LocalDate.of(year, (number == 0 ? 0 : number - 1) * frequency.months() + 1, 1);
    }

    /** The last day, inclusive. */
    public LocalDate end() {
        return start().plusMonths(frequency.months()).minusDays(1);
    }

    /** Whether the date falls within this period. */
    public boolean contains(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return !date.isBefore(start()) && !date.isAfter(end());
    }

    /** Whether every day of {@code other} falls within this period; a period encloses itself. */
    public boolean encloses(Period other) {
        return !other.start().isBefore(start()) && !other.end().isAfter(end());
    }

    /** The following period of the same frequency. */
    public Period next() {
        return shift(1);
    }

    /** The preceding period of the same frequency. */
    public Period previous() {
        return shift(-1);
    }

    private Period shift(int steps) {
        if (frequency == Frequency.YEAR) {
            return ofYear(year + steps);
        }
        int perYear = 12 / frequency.months();
        int index = year * perYear + (number - 1) + steps;
        return new Period(frequency, Math.floorDiv(index, perYear), Math.floorMod(index, perYear) + 1);
    }

    /** By start date; for the same start the longer period first (year, then quarter, then month). */
    @Override
    public int compareTo(Period other) {
        return ORDER.compare(this, other);
    }

    /** The canonical form: "2022", "2022-Q3" or "2022-07". */
    @Override
    public String toString() {
        return switch (frequency) {
            case YEAR -> Integer.toString(year);
            case QUARTER -> year + "-Q" + number;
            case MONTH -> String.format("%d-%02d", year, number);
        };
    }
}
