package kz.agyn.account.internal;

import java.util.Map;
import java.util.concurrent.Semaphore;

import kz.agyn.account.PasswordPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How passwords are hashed (docs/decisions/0013-passwords-argon2id-and-policy.md): Argon2id with OWASP's
 * parameters (19 MiB, 2 passes, 1 lane) for every new password, of any length; a bcrypt hash of an earlier
 * version still verifies and is replaced by an Argon2id one at the user's next sign-in.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    static final String ARGON2 = "argon2";

    @Bean
    PasswordEncoder passwordEncoder() {
        Map<String, PasswordEncoder> encoders = Map.of(
                ARGON2, new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2),
                "bcrypt", new BCryptPasswordEncoder());
        return new UnicodePasswordEncoder(new DelegatingPasswordEncoder(ARGON2, encoders),
                Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Hashes the NFKC form of a password, so that "ә" typed as one character or as "ә" is the same password,
     * and lets only a few hashes run at once: each takes 19 MiB, and a flood of sign-ins must not exhaust the
     * heap (the throttle stops a guesser, not many hosts at once).
     */
    static final class UnicodePasswordEncoder implements PasswordEncoder {

        private final PasswordEncoder delegate;
        private final Semaphore slots;

        UnicodePasswordEncoder(PasswordEncoder delegate, int concurrent) {
            this.delegate = delegate;
            this.slots = new Semaphore(concurrent, true);
        }

        @Override
        public String encode(CharSequence raw) {
            return limited(() -> delegate.encode(PasswordPolicy.normalise(raw.toString())));
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            if (raw == null || encoded == null) {
                return false;
            }
            String text = raw.toString();
            String nfkc = PasswordPolicy.normalise(text);
            return limited(() -> safeMatches(nfkc, encoded)
                    // A bcrypt hash from before normalisation was made of the text as typed.
                    || !nfkc.equals(text) && safeMatches(text, encoded));
        }

        @Override
        public boolean upgradeEncoding(String encoded) {
            return delegate.upgradeEncoding(encoded);
        }

        /** bcrypt refuses more than 72 bytes; such a password cannot be the one behind a bcrypt hash. */
        private boolean safeMatches(String raw, String encoded) {
            try {
                return delegate.matches(raw, encoded);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        private <T> T limited(java.util.function.Supplier<T> work) {
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to hash a password", e);
            }
            try {
                return work.get();
            } finally {
                slots.release();
            }
        }
    }
}
