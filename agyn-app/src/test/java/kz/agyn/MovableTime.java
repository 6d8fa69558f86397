package kz.agyn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The system clock plus an offset that a test moves on, so that a sign-in lock of fifteen minutes or a token of
 * ninety days ends without waiting. The account feature reads it (kz.agyn.account.internal.AccountTime); it is
 * an {@link InstantSource}, not a {@link Clock}, so no feature that asks for a Clock receives it. Time only moves
 * forward, so no other test sees it go back.
 */
public final class MovableTime implements InstantSource {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Override
    public Instant instant() {
        return Clock.systemUTC().instant().plus(offset.get());
    }

    public void advance(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        MovableTime movableTime() {
            return new MovableTime();
        }
    }
}
