package kz.agyn.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IinTest {

    /*
     * 850101 3 0012 ?  — male, born 1985-01-01.
     *   digits   8  5  0  1  0  1  3  0  0  1  2
     *   weights  1  2  3  4  5  6  7  8  9 10 11
     *   products 8 10  0  4  0  6 21  0  0 10 22   sum 81, 81 mod 11 = 4  -> check digit 4
     */
    private static final String MALE_1985 = "850101300124";

    /*
     * 900215 4 0040 ?  — female, born 1990-02-15; the first pass gives 10.
     *   digits    9  0  0  2  1  5  4  0  0  4  0
     *   pass 1    1  2  3  4  5  6  7  8  9 10 11  ->  9+8+5+30+28+40 = 120, 120 mod 11 = 10: retry
     *   pass 2    3  4  5  6  7  8  9 10 11  1  2  ->  27+12+7+40+36+4 = 126, 126 mod 11 = 5  -> check digit 5
     */
    private static final String FEMALE_1990_SECOND_PASS = "900215400405";

    /*
     * 900215 4 0048: pass 1 gives 9+8+5+30+28+40+88 = 208 = 18*11 + 10, pass 2 gives
     * 27+12+7+40+36+4+16 = 142 = 12*11 + 10, so no check digit exists and no IIN is issued.
     */
    private static final String NO_CHECK_DIGIT_PREFIX = "90021540048";

    @Test
    void acceptsHandCheckedFirstPassExample() {
        Iin iin = Iin.parse(MALE_1985);

        assertThat(iin.value()).isEqualTo(MALE_1985);
        assertThat(iin.birthDate()).isEqualTo(LocalDate.of(1985, 1, 1));
        assertThat(iin.sex()).isEqualTo(Sex.MALE);
        assertThat(Iin.checkDigit("85010130012")).isEqualTo(4);
    }

    @Test
    void acceptsHandCheckedSecondPassExample() {
        Iin iin = Iin.parse(FEMALE_1990_SECOND_PASS);

        assertThat(iin.birthDate()).isEqualTo(LocalDate.of(1990, 2, 15));
        assertThat(iin.sex()).isEqualTo(Sex.FEMALE);
        assertThat(Iin.checkDigit("90021540040")).isEqualTo(5);
    }

    @Test
    void prefixWhoseBothPassesGiveTenHasNoValidIin() {
        assertThat(Iin.checkDigit(NO_CHECK_DIGIT_PREFIX)).isEqualTo(-1);
        assertThat(Iin.of(LocalDate.of(1990, 2, 15), Sex.FEMALE, 48)).isEmpty();
        for (char last = '0'; last <= '9'; last++) {
            assertThat(Iin.check(NO_CHECK_DIGIT_PREFIX + last).reason()).isEqualTo(IinProblem.CHECK_DIGIT);
        }
    }

    @Test
    void ofBuildsTheSameNumbersAsTheHandExamples() {
        assertThat(Iin.of(LocalDate.of(1985, 1, 1), Sex.MALE, 12)).contains(new Iin(MALE_1985));
        assertThat(Iin.of(LocalDate.of(1990, 2, 15), Sex.FEMALE, 40)).contains(new Iin(FEMALE_1990_SECOND_PASS));
    }

    @Test
    void ofRejectsYearsAndSerialsTheNumberCannotEncode() {
        assertThatThrownBy(() -> Iin.of(LocalDate.of(1799, 12, 31), Sex.MALE, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Iin.of(LocalDate.of(2100, 1, 1), Sex.MALE, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Iin.of(LocalDate.of(1990, 1, 1), Sex.MALE, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Iin.of(LocalDate.of(1990, 1, 1), Sex.MALE, 10_000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "1, 1800, MALE", "2, 1800, FEMALE",
        "3, 1900, MALE", "4, 1900, FEMALE",
        "5, 2000, MALE", "6, 2000, FEMALE"})
    void digitSevenEncodesCenturyAndSex(char centurySex, int century, Sex sex) {
        Iin iin = Iin.parse(withCheckDigit("770412" + centurySex + "0001"));

        assertThat(iin.birthDate()).isEqualTo(LocalDate.of(century + 77, 4, 12));
        assertThat(iin.sex()).isEqualTo(sex);
    }

    @ParameterizedTest
    @ValueSource(chars = {'0', '7', '8', '9'})
    void rejectsCenturyDigitsOutsideOneToSix(char centurySex) {
        assertProblem(withCheckDigit("850101" + centurySex + "0012"), IinProblem.CENTURY_SEX);
    }

    @Test
    void rejectsWrongCheckDigit() {
        assertProblem("850101300125", IinProblem.CHECK_DIGIT);
        assertProblem("850101300120", IinProblem.CHECK_DIGIT);
        assertProblem("900215400404", IinProblem.CHECK_DIGIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"990230", "990231", "990431", "991301", "990001", "990100", "991232"})
    void rejectsDatesThatDoNotExist(String yymmdd) {
        assertProblem(withCheckDigit(yymmdd + "30001"), IinProblem.BIRTH_DATE);
    }

    @Test
    void acceptsTwentyNinthOfFebruaryOnlyInLeapYearsOfTheEncodedCentury() {
        assertThat(Iin.parse(withCheckDigit("000229" + "5" + "0001")).birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
        assertThat(Iin.parse(withCheckDigit("960229" + "4" + "0001")).birthDate()).isEqualTo(LocalDate.of(1996, 2, 29));
        assertThat(Iin.parse(withCheckDigit("880229" + "1" + "0001")).birthDate()).isEqualTo(LocalDate.of(1888, 2, 29));

        assertProblem(withCheckDigit("000229" + "3" + "0001"), IinProblem.BIRTH_DATE); // 1900 is not a leap year
        assertProblem(withCheckDigit("000229" + "1" + "0001"), IinProblem.BIRTH_DATE); // nor is 1800
        assertProblem(withCheckDigit("970229" + "3" + "0001"), IinProblem.BIRTH_DATE);
        assertProblem(withCheckDigit("230229" + "5" + "0001"), IinProblem.BIRTH_DATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"85010130012", "8501013001245", "8", "85010130012400000"})
    void rejectsWrongLength(String text) {
        assertProblem(text, IinProblem.LENGTH);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void parseReportsMissingInputAsEmpty(String text) {
        assertThatThrownBy(() -> Iin.parse(text))
                .isInstanceOfSatisfying(InvalidIinException.class, e -> assertThat(e.problem()).isEqualTo(IinProblem.EMPTY));
        assertThat(Iin.check(text).reason()).isEqualTo(IinProblem.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "85010130012A",
        "850101 30012",
        "8501-0130012",
        "+85010130012",
        "850101300124.",
        "\u0668\u0665\u0660\u0661\u0660\u0661\u0663\u0660\u0660\u0661\u0662\u0664", // Arabic-Indic
        "\u06F8\u06F5\u06F0\u06F1\u06F0\u06F1\u06F3\u06F0\u06F0\u06F1\u06F2\u06F4", // Extended Arabic-Indic
        "\uFF18\uFF15\uFF10\uFF11\uFF10\uFF11\uFF13\uFF10\uFF10\uFF11\uFF12\uFF14", // full-width
        "85010130012\u0664"})
    void rejectsAnythingButAsciiDigits(String text) {
        assertProblem(text, IinProblem.NOT_DIGITS);
    }

    @Test
    void parseTrimsSurroundingWhitespaceButTheConstructorIsStrict() {
        assertThat(Iin.parse("  " + MALE_1985 + "\n")).isEqualTo(new Iin(MALE_1985));
        assertThat(Iin.check("\t" + MALE_1985 + " ").valid()).isTrue();
        assertThatThrownBy(() -> new Iin(" " + MALE_1985))
                .isInstanceOfSatisfying(InvalidIinException.class,
                        e -> assertThat(e.problem()).isEqualTo(IinProblem.NOT_DIGITS));
    }

    @Test
    void checkReportsWithoutThrowing() {
        assertThat(Iin.check(FEMALE_1990_SECOND_PASS))
                .isEqualTo(new IinCheck(true, null, LocalDate.of(1990, 2, 15), Sex.FEMALE));
        assertThat(Iin.check("850101300125"))
                .isEqualTo(new IinCheck(false, IinProblem.CHECK_DIGIT, null, null));
        assertThat(Iin.check(null)).isEqualTo(new IinCheck(false, IinProblem.EMPTY, null, null));
    }

    @Test
    void iinCheckRefusesInconsistentCombinations() {
        assertThatThrownBy(() -> new IinCheck(true, IinProblem.LENGTH, LocalDate.of(1990, 1, 1), Sex.MALE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IinCheck(true, null, null, Sex.MALE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IinCheck(false, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IinCheck(false, IinProblem.LENGTH, LocalDate.of(1990, 1, 1), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringRevealsNoDigits() {
        Iin iin = Iin.parse(MALE_1985);

        assertThat(iin.toString()).isEqualTo("Iin[******]").doesNotContainPattern("[0-9]");
        assertThat(List.of(iin).toString()).doesNotContainPattern("[0-9]");
    }

    @Test
    void checkResultPrintsNeitherBirthDateNorSex() {
        assertThat(Iin.check(MALE_1985)).hasToString("IinCheck[valid]");
        assertThat(Iin.check("850101300125")).hasToString("IinCheck[invalid: CHECK_DIGIT]");
    }

    @Test
    void maskedShowsOnlyFirstAndLastTwoDigits() {
        assertThat(Iin.parse(MALE_1985).masked()).isEqualTo("85********24");
    }

    @ParameterizedTest
    @MethodSource("invalidInputs")
    void exceptionMessagesNeverQuoteTheNumber(String text, IinProblem expected) {
        assertThatThrownBy(() -> Iin.parse(text))
                .isInstanceOfSatisfying(InvalidIinException.class, e -> {
                    assertThat(e.problem()).isEqualTo(expected);
                    assertThat(e.getMessage()).isEqualTo(expected.defaultMessage());
                    assertThat(e.toString()).doesNotContain(text, text.substring(0, 6), text.substring(6));
                });
    }

    static Stream<Arguments> invalidInputs() {
        return Stream.of(
                Arguments.of("850101300125", IinProblem.CHECK_DIGIT),
                Arguments.of("990230300124", IinProblem.BIRTH_DATE),
                Arguments.of("850101700124", IinProblem.CENTURY_SEX),
                Arguments.of("8501013001245", IinProblem.LENGTH),
                Arguments.of("85010130012x", IinProblem.NOT_DIGITS));
    }

    @Test
    void everyProblemHasADefaultMessage() {
        for (IinProblem problem : IinProblem.values()) {
            assertThat(problem.defaultMessage()).isNotBlank();
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"8501013001", "850101300124", "8501013001x"})
    void checkDigitInsistsOnElevenAsciiDigits(String text) {
        assertThatThrownBy(() -> Iin.checkDigit(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalNumbersAreEqualValues() {
        assertThat(Iin.parse(MALE_1985)).isEqualTo(new Iin(MALE_1985)).hasSameHashCodeAs(new Iin(MALE_1985));
        assertThat(Iin.parse(MALE_1985)).isNotEqualTo(Iin.parse(FEMALE_1990_SECOND_PASS));
    }

    /** Completes eleven digits with their check digit, moving the serial on if none exists. */
    static String withCheckDigit(String first11) {
        int check = Iin.checkDigit(first11);
        if (check < 0) {
            int serial = Integer.parseInt(first11.substring(7)) + 1;
            return withCheckDigit(first11.substring(0, 7) + String.format("%04d", serial));
        }
        return first11 + check;
    }

    private static void assertProblem(String text, IinProblem expected) {
        assertThat(Iin.check(text).reason()).as("check(%s)", text).isEqualTo(expected);
        assertThat(Iin.check(text).valid()).isFalse();
        assertThatThrownBy(() -> Iin.parse(text))
                .isInstanceOfSatisfying(InvalidIinException.class, e -> assertThat(e.problem()).isEqualTo(expected));
    }
}
