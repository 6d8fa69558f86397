package kz.agyn.kernel;

/**
 * Why a text is not a valid IIN. The web layer localises by constant name; the default messages
 * are for logs and developers and, like everything about an IIN, never include its digits.
 */
public enum IinProblem {
    EMPTY("IIN is empty"),
    LENGTH("IIN must be exactly 12 digits"),
    NOT_DIGITS("IIN must contain only the digits 0-9"),
    CENTURY_SEX("IIN digit 7 (century and sex) must be 1 to 6"),
    BIRTH_DATE("IIN digits 1-6 are not a real date of birth"),
    CHECK_DIGIT("IIN check digit does not match");

    private final String defaultMessage;

    IinProblem(String defaultMessage) {
        this.defaultMessage = defaultMessage;
    }

    /** A short English description of the problem, free of personal data. */
    public String defaultMessage() {
        return defaultMessage;
    }
}
