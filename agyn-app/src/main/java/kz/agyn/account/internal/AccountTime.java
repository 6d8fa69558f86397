package kz.agyn.account.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The account feature's clock, for sign-in waits and token expiry: the system clock, or an {@link InstantSource}
 * bean where one is given (tests move it on instead of waiting fifteen minutes or ninety days).
 */
@Component
public class AccountTime {

    private final InstantSource source;

    public AccountTime(Optional<InstantSource> source) {
        this.source = source.orElse(Clock.systemUTC());
    }

    public Instant now() {
        return source.instant();
    }
}
