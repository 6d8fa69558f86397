package kz.agyn.kernel;

import java.time.LocalDate;

/**
 * The outcome of {@link Iin#check(String)}: for forms and bulk imports that must report on
 * every row instead of stopping at the first exception.
 *
 * @param valid     whether the text is a valid IIN
 * @param reason    why it is not; {@code null} when valid
 * @param birthDate the encoded birth date; {@code null} when invalid
 * @param sex       the encoded sex; {@code null} when invalid
 */
public record IinCheck(boolean valid, IinProblem reason, LocalDate birthDate, Sex sex) {

    /** Rejects combinations that would let a caller read a birth date off an invalid number. */
    public IinCheck {
        boolean consistent = valid
                ? reason == null && birthDate != null && sex != null
                : reason != null && birthDate == null && sex == null;
        if (!consistent) {
            throw new IllegalArgumentException(
                    "a valid check needs birthDate and sex and no reason; an invalid one only a reason");
        }
    }

    /** Leaves out the birth date and sex: they are personal data, and checks get logged. */
    @Override
    public String toString() {
        return valid ? "IinCheck[valid]" : "IinCheck[invalid: " + reason + "]";
    }

    static IinCheck ok(LocalDate birthDate, Sex sex) {
        return new IinCheck(true, null, birthDate, sex);
    }

    static IinCheck failed(IinProblem reason) {
        return new IinCheck(false, reason, null, null);
    }
}
