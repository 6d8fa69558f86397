package kz.agyn.account.internal;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** The name or the address must wait before signing in again; the password was not looked at. */
public class SignInRefusedException extends AuthenticationException {

    private final Duration retryAfter;

    public SignInRefusedException(Duration retryAfter) {
        super("Too many failed sign-ins; retry after " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole minutes, rounded up, at least one: what the login page tells a person. */
    public long minutes() {
        return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
    }
}
