package kz.agyn.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be (OWASP ASVS 2.1, NIST SP 800-63B): at least 12 characters, any characters
 * (Kazakh, Russian, spaces: a phrase is easiest to remember), not one of the 10,000 most common passwords nor one
 * of them with digits or signs around it, not a few characters repeated, and not holding the user name. Length
 * is counted in characters as a person sees them, not in bytes; the text is compared in Unicode NFKC, as it is
 * hashed (docs/decisions/0013-passwords-argon2id-and-policy.md).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;
    /** "aaaaaaaaaaaa", "abababababab" or "121212121212" are long but guessed at once. */
    static final int MIN_DISTINCT = 5;

    private PasswordPolicy() {
    }

    /** Throws an {@link AccountException} naming the first rule the password breaks. */
    public static void check(String username, String password) {
        if (password == null) {
            throw new AccountException("account.error.passwordLength", MIN_LENGTH);
        }
        String text = normalise(password);
        int length = text.codePointCount(0, text.length());
        if (length < MIN_LENGTH) {
            throw new AccountException("account.error.passwordLength", MIN_LENGTH);
        }
        if (length > MAX_LENGTH) {
            throw new AccountException("account.error.passwordTooLong", MAX_LENGTH);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (text.codePoints().distinct().count() < MIN_DISTINCT) {
            throw new AccountException("account.error.passwordSimple", MIN_DISTINCT);
        }
        if (isCommon(lower)) {
            throw new AccountException("account.error.passwordCommon");
        }
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw new AccountException("account.error.passwordUsername");
        }
    }

    /** Unicode NFKC: the same visible password typed on two keyboards (composed or not) is the same password. */
    public static String normalise(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /** The password, or its letters with the digits and signs around them taken away ("Password2026!"). */
    static boolean isCommon(String lower) {
        Set<String> common = Common.LIST;
        if (common.contains(lower)) {
            return true;
        }
        int start = 0;
        int end = lower.length();
        while (start < end && !Character.isLetter(lower.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(lower.charAt(end - 1))) {
            end--;
        }
        return start < end && common.contains(lower.substring(start, end));
    }

    /** The list, read once on first use (src/main/resources/account/common-passwords.SOURCE.md says whence). */
    private static final class Common {
        static final Set<String> LIST = read();

        private static Set<String> read() {
            Set<String> set = new HashSet<>(16_384);
            try (InputStream in = PasswordPolicy.class.getResourceAsStream("/account/common-passwords.txt")) {
                if (in == null) {
                    throw new IllegalStateException("account/common-passwords.txt is missing from the build");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isBlank()) {
                        set.add(normalise(line.strip()).toLowerCase(Locale.ROOT));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Set.copyOf(set);
        }
    }
}
