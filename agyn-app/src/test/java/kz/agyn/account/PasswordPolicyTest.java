package kz.agyn.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules a new password must pass, one by one, and over seeded random passwords. */
class PasswordPolicyTest {

    static final String KAZAKH_40 = "Қазақстандағы–ақыл–ой–ағыны–өзгеріс–№202";

    @Test
    void theKazakhExampleIsFortyCharactersAndOverEightyBytes() {
        assertThat(KAZAKH_40.codePointCount(0, KAZAKH_40.length())).isEqualTo(40);
        assertThat(KAZAKH_40.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(80);
        assertThatCode(() -> PasswordPolicy.check("aigerim", KAZAKH_40)).doesNotThrowAnyException();
    }

    @Test
    void lengthIsCountedInCharactersNotBytes() {
        // 11 Kazakh letters are 22 bytes but still one character short.
        assertThat(code(() -> PasswordPolicy.check("user1", "әғқңөұүһіәғ"))).isEqualTo("account.error.passwordLength");
        assertThatCode(() -> PasswordPolicy.check("user1", "әғқңөұүһіәғқ")).doesNotThrowAnyException();
        assertThat(code(() -> PasswordPolicy.check("user1", "Short-pw-12"))).isEqualTo("account.error.passwordLength");
        assertThat(code(() -> PasswordPolicy.check("user1", "x".repeat(150) + "y".repeat(51))))
                .isEqualTo("account.error.passwordTooLong");
        assertThat(code(() -> PasswordPolicy.check("user1", null))).isEqualTo("account.error.passwordLength");
    }

    @ParameterizedTest
    @ValueSource(strings = {"qwertyuiop123", "Password2026!", "!!Baseball1234", "FOOTBALL-2026-!",
            "iloveyou!!!!!2"})
    void commonPasswordsAndCommonPasswordsWithDigitsAroundThemAreRefused(String password) {
        assertThat(code(() -> PasswordPolicy.check("someone", password))).isEqualTo("account.error.passwordCommon");
    }

    @Test
    void aFewCharactersRepeatedAreRefused() {
        assertThat(code(() -> PasswordPolicy.check("someone", "abababababab")))
                .isEqualTo("account.error.passwordSimple");
        assertThat(code(() -> PasswordPolicy.check("someone", "жжжжжжжжжжжжжж")))
                .isEqualTo("account.error.passwordSimple");
    }

    @Test
    void thePasswordMustNotHoldTheUserName() {
        assertThat(code(() -> PasswordPolicy.check("aigerim.n", "my-AIGERIM.N-secret-key")))
                .isEqualTo("account.error.passwordUsername");
        assertThat(code(() -> PasswordPolicy.check("admin", "Admin-strong-9-Ж"))).isEqualTo("account.error.passwordUsername");
        assertThatCode(() -> PasswordPolicy.check("admin", "Adm1n-strong-9-Ж")).doesNotThrowAnyException();
    }

    @Test
    void theListShippedIsTheTenThousandWithItsLicenceAndSource() throws IOException {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/account/common-passwords.txt")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertThat(lines).hasSize(10_000).doesNotHaveDuplicates().startsWith("password", "123456");
        }
        assertThat(PasswordPolicy.class.getResource("/account/common-passwords.LICENSE")).isNotNull();
        assertThat(PasswordPolicy.class.getResource("/account/common-passwords.SOURCE.md")).isNotNull();
    }

    @Test
    void composedAndDecomposedLettersAreOnePassword() {
        String composed = "Қайың-орманы-жаңбыр";
        String decomposed = composed.replace("й", "и\u0306");
        assertThat(decomposed).isNotEqualTo(composed);
        assertThat(PasswordPolicy.normalise(decomposed)).isEqualTo(composed);
    }

    /** Random phrases of 3–6 words from three alphabets, with a separator: all acceptable. */
    static Stream<String> randomPhrases() {
        Random random = new Random(20261206L);
        String[] alphabets = {"абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя", "abcdefghijklmnopqrstuvwxyz",
                "АБВГҒДЕЖЗИКҚЛМНҢОӨПРСТУҰҮФХҺЧШЫІЭЮЯ"};
        return IntStream.range(0, 200).mapToObj(i -> {
            StringBuilder b = new StringBuilder();
            int words = 3 + random.nextInt(4);
            for (int w = 0; w < words; w++) {
                String alphabet = alphabets[random.nextInt(alphabets.length)];
                int letters = 4 + random.nextInt(6);
                for (int l = 0; l < letters; l++) {
                    b.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                if (w < words - 1) {
                    b.append(" -_.".charAt(random.nextInt(4)));
                }
            }
            return b.toString();
        });
    }

    @ParameterizedTest
    @MethodSource("randomPhrases")
    void randomPhrasesAreAccepted(String phrase) {
        assertThatCode(() -> PasswordPolicy.check("test-user", phrase)).doesNotThrowAnyException();
    }

    /** Every 97th password of the list, in upper case, with random digits and signs around it: all refused. */
    static Stream<String> decoratedCommonPasswords() throws IOException {
        Random random = new Random(72L);
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/account/common-passwords.txt")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            return IntStream.range(0, lines.size()).filter(i -> i % 97 == 0).mapToObj(lines::get)
                    .filter(p -> p.chars().anyMatch(Character::isLetter))
                    .filter(p -> Character.isLetter(p.charAt(0)) && Character.isLetter(p.charAt(p.length() - 1)))
                    .map(p -> {
                        StringBuilder b = new StringBuilder(p.toUpperCase());
                        while (b.length() < 14) {
                            b.append("0123456789!?#-".charAt(random.nextInt(14)));
                        }
                        return b.toString();
                    }).toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("decoratedCommonPasswords")
    void commonPasswordsDressedUpAreStillRefused(String password) {
        assertThat(code(() -> PasswordPolicy.check("someone-else", password))).isIn("account.error.passwordCommon",
                "account.error.passwordSimple");
    }

    private static String code(Runnable check) {
        AccountException e = catchThrowableOfType(AccountException.class, check::run);
        assertThat(e).as("the password should have been refused").isNotNull();
        return e.code();
    }
}
