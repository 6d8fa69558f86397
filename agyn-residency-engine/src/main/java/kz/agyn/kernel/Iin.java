package kz.agyn.kernel;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A Kazakhstan individual identification number (ЖСН / ИИН): twelve digits YYMMDD C SSSS K, where
 * C encodes century and sex, SSSS is a serial and K a weighted mod-11 check digit.
 *
 * <p>An IIN is personal data: {@link #toString()} prints nothing identifying and the exceptions
 * never quote it, so an instance can end up in a log line or an error page without leaking.
 * Use {@link #value()} only where the full number is really needed.
 *
 * @param value the twelve ASCII digits
 */
public record Iin(String value) {

    private static final int[] FIRST_WEIGHTS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    private static final int[] SECOND_WEIGHTS = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};

    /**
     * Accepts exactly twelve ASCII digits with a real birth date and a matching check digit.
     *
     * @throws InvalidIinException naming the first rule the text breaks
     */
    public Iin {
        IinProblem problem = problemOf(value);
        if (problem != null) {
            throw new InvalidIinException(problem);
        }
    }

    /**
     * Parses user input, ignoring surrounding whitespace (pasted values often carry it) but
     * nothing else.
     *
     * @throws InvalidIinException if the text is not a valid IIN; {@link IinProblem#EMPTY} for null
     */
    public static Iin parse(String text) {
        return new Iin(text == null ? null : text.strip());
    }

    /** Validates like {@link #parse(String)} but reports instead of throwing. */
    public static IinCheck check(String text) {
        String candidate = text == null ? null : text.strip();
        IinProblem problem = problemOf(candidate);
        if (problem != null) {
            return IinCheck.failed(problem);
        }
        return IinCheck.ok(birthDateOf(candidate), sexOf(candidate));
    }

    /**
     * The check digit for the first eleven digits: 0–9, or -1 when both weight passes give 10,
     * in which case no IIN with these eleven digits is ever issued.
     *
     * @throws IllegalArgumentException unless {@code first11} is eleven ASCII digits
     */
    public static int checkDigit(String first11) {
        if (first11 == null || first11.length() != 11 || !allAsciiDigits(first11)) {
            throw new IllegalArgumentException("expected exactly 11 ASCII digits");
        }
        int check = weightedMod11(first11, FIRST_WEIGHTS);
        if (check == 10) {
            check = weightedMod11(first11, SECOND_WEIGHTS);
        }
        return check == 10 ? -1 : check;
    }

    /**
     * Builds the IIN for a birth date, sex and serial; for synthetic data and tests.
     *
     * @param serial 0–9999, digits 8–11
     * @return empty when no check digit exists for this combination (try another serial)
     * @throws IllegalArgumentException if the year is outside 1800–2099 or the serial out of range
     */
    public static Optional<Iin> of(LocalDate birthDate, Sex sex, int serial) {
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sex, "sex");
        int year = birthDate.getYear();
        if (year < 1800 || year > 2099) {
            throw new IllegalArgumentException("an IIN can encode birth years 1800-2099 only, got " + year);
        }
        if (serial < 0 || serial > 9999) {
            throw new IllegalArgumentException("serial must be 0-9999, got " + serial);
        }
        int centurySex = (year / 100 - 18) * 2 + (sex == Sex.MALE ? 1 : 2);
        String first11 = String.format("%02d%02d%02d%d%04d",
                year % 100, birthDate.getMonthValue(), birthDate.getDayOfMonth(), centurySex, serial);
        int check = checkDigit(first11);
        return check < 0 ? Optional.empty() : Optional.of(new Iin(first11 + check));
    }

    /** The birth date encoded in digits 1–7. */
    public LocalDate birthDate() {
        return birthDateOf(value);
    }

    /** The sex encoded in digit 7. */
    public Sex sex() {
        return sexOf(value);
    }

    /**
     * First two and last two digits around eight asterisks, e.g. {@code 85********31}: enough for
     * a privileged user to tell records apart, not enough to identify anyone.
     */
    public String masked() {
        return value.substring(0, 2) + "********" + value.substring(10);
    }

    /** Deliberately reveals nothing: records and collections of them get printed in logs. */
    @Override
    public String toString() {
        return "Iin[******]";
    }

    private static IinProblem problemOf(String text) {
        if (text == null || text.isEmpty()) {
            return IinProblem.EMPTY;
        }
        // Digits before length: "850101 300123" is better answered "digits only" than "12 digits".
        if (!allAsciiDigits(text)) {
            return IinProblem.NOT_DIGITS;
        }
        if (text.length() != 12) {
            return IinProblem.LENGTH;
        }
        char centurySex = text.charAt(6);
        if (centurySex < '1' || centurySex > '6') {
            return IinProblem.CENTURY_SEX;
        }
        try {
            birthDateOf(text);
        } catch (DateTimeException e) {
            return IinProblem.BIRTH_DATE;
        }
        int check = checkDigit(text.substring(0, 11));
        return check == text.charAt(11) - '0' ? null : IinProblem.CHECK_DIGIT;
    }

    // Character.isDigit would let Arabic-Indic and full-width digits through.
    private static boolean allAsciiDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static LocalDate birthDateOf(String digits) {
        int century = 1800 + (digits.charAt(6) - '1') / 2 * 100;
        return LocalDate.of(century + Integer.parseInt(digits.substring(0, 2)),
                Integer.parseInt(digits.substring(2, 4)),
                Integer.parseInt(digits.substring(4, 6)));
    }

    private static Sex sexOf(String digits) {
        return (digits.charAt(6) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    private static int weightedMod11(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum % 11;
    }
}
