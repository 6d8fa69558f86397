package kz.agyn.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The throttle's arithmetic on its own clock: waits, locks, forgetting, and seeded random sequences. */
class SignInThrottleTest {

    /** A clock that only moves when told. */
    static final class Manual implements InstantSource {
        Instant now = Instant.parse("2026-12-06T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }
    }

    final Manual clock = new Manual();
    final SignInThrottle throttle = new SignInThrottle(Optional.of(SignInLimits.DEFAULTS),
            new AccountTime(Optional.of(clock)));

    @Test
    void fiveFreeThenDoublingWaitsThenLocks() {
        for (int i = 1; i <= 4; i++) {
            assertThat(throttle.failed("aigerim", "10.0.0.1")).isEmpty();
        }
        var fifth = throttle.failed("aigerim", "10.0.0.1");
        assertThat(fifth).singleElement().satisfies(b -> {
            assertThat(b.scope()).isEqualTo(SignInThrottle.Scope.ACCOUNT);
            assertThat(b.length()).isEqualTo(Duration.ofMinutes(1));
            assertThat(b.locked()).isFalse();
        });
        assertThat(throttle.check("AIGERIM", "10.9.9.9")).as("any case, any address").isPresent();
        long[] minutes = {2, 4, 8, 15, 15};
        for (int i = 0; i < minutes.length; i++) {
            clock.now = throttle.check("aigerim", "10.0.0.1").orElseThrow().until();
            assertThat(throttle.check("aigerim", "10.0.0.1")).isEmpty();
            var block = throttle.failed("aigerim", "10.0.0.1").get(0);
            assertThat(block.length()).isEqualTo(Duration.ofMinutes(minutes[i]));
            assertThat(block.locked()).isEqualTo(block.failures() >= 10);
        }
        throttle.succeeded("aigerim");
        assertThat(throttle.check("aigerim", "10.0.0.1")).isEmpty();
        assertThat(throttle.lockedUntil("aigerim")).isEmpty();
    }

    @Test
    void failuresAreForgottenAfterAnHourWithoutOne() {
        for (int i = 1; i <= 4; i++) {
            throttle.failed("bolat", "10.0.0.2");
        }
        clock.now = clock.now.plus(Duration.ofMinutes(61));
        assertThat(throttle.failed("bolat", "10.0.0.2")).as("counted from one again").isEmpty();
    }

    @Test
    void anAddressWaitsAfterThirtyFailuresWhateverTheNames() {
        for (int i = 1; i < 30; i++) {
            assertThat(throttle.failed("name-" + i, "10.0.0.3")).isEmpty();
        }
        assertThat(throttle.failed("name-30", "10.0.0.3")).singleElement()
                .satisfies(b -> assertThat(b.scope()).isEqualTo(SignInThrottle.Scope.ADDRESS));
        assertThat(throttle.check("someone-new", "10.0.0.3")).isPresent();
        assertThat(throttle.check(null, "10.0.0.3")).as("tokens too").isPresent();
        assertThat(throttle.check("someone-new", "10.0.0.4")).isEmpty();
        // One good account from the address does not clear what the address did.
        throttle.succeeded("name-1");
        assertThat(throttle.check(null, "10.0.0.3")).isPresent();
    }

    @Test
    void aLongNameIsKeptAsAHash() {
        String typed = "x".repeat(500);
        assertThat(SignInThrottle.accountKey(typed)).startsWith("u:#").hasSize(3 + 64).doesNotContain("xxxx");
    }

    @Test
    void aFloodOfMadeUpNamesIsBounded() {
        SignInThrottle small = new SignInThrottle(Optional.of(new SignInLimits(null, null, null, null, 1000)),
                new AccountTime(Optional.of(clock)));
        for (int i = 0; i < 5000; i++) {
            small.failed("made-up-" + i, "10.1." + (i / 250) + "." + (i % 250));
        }
        assertThat(small.tracked()).isLessThanOrEqualTo(1000 + 2);
    }

    static Stream<Long> seeds() {
        return IntStream.range(0, 40).mapToObj(i -> 7919L * i + 13);
    }

    /**
     * Over random sequences of failures, successes and pauses: a name is never refused before its fifth failure
     * since the last success or forgetting, and whenever it is refused, the refusal ends no later than 15 minutes
     * after its last failure.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void randomSequencesKeepTheRules(long seed) {
        Random random = new Random(seed);
        SignInThrottle t = new SignInThrottle(Optional.of(SignInLimits.DEFAULTS), new AccountTime(Optional.of(clock)));
        int sinceReset = 0;
        Instant lastFailure = null;
        for (int step = 0; step < 300; step++) {
            int what = random.nextInt(10);
            String address = "10.2.0." + random.nextInt(200);
            if (what < 6) {
                if (t.check("dana", address).isEmpty()) {
                    if (lastFailure != null && lastFailure.plus(Duration.ofHours(1)).isBefore(clock.now)) {
                        sinceReset = 0;
                    }
                    t.failed("dana", address);
                    sinceReset++;
                    lastFailure = clock.now;
                }
            } else if (what < 7) {
                if (t.check("dana", address).isEmpty()) {
                    t.succeeded("dana");
                    sinceReset = 0;
                }
            } else {
                clock.now = clock.now.plusSeconds(random.nextInt(1200));
            }
            var refusal = t.check("dana", address);
            if (refusal.isPresent() && refusal.get().scope() == SignInThrottle.Scope.ACCOUNT) {
                assertThat(sinceReset).isGreaterThanOrEqualTo(5);
                assertThat(refusal.get().until()).isBeforeOrEqualTo(lastFailure.plus(Duration.ofMinutes(15)));
            }
        }
    }
}
