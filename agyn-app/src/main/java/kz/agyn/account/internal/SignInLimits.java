package kz.agyn.account.internal;

import java.time.Duration;

import kz.agyn.platform.startup.StartupProblem;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many wrong passwords (or unknown tokens) an account name and a client address may send before they must
 * wait (docs/decisions/0014-sign-in-throttling-sessions-and-security-audit.md). After {@code freeFailures}
 * failures each further one makes the name or address wait {@code firstDelay}, then twice as long, and so on;
 * from {@code lockAfter} failures each one locks it for {@code lockDuration}. Failures are forgotten after
 * {@code forgetAfter} without one. A client address is shared by everyone behind one office's NAT, so its limits
 * are higher than an account's.
 *
 * @param account limits per account name (known or not: an unknown name is answered exactly as a known one)
 * @param address limits per client address
 * @param forgetAfter a name's or address's failures are forgotten after this long without another
 * @param auditApiEvery a successful HTTP Basic or token sign-in is audited once per user, method and address
 *                      in this period (each API call signs in; the form's sign-ins are all audited)
 * @param maxTracked how many names and addresses are remembered at most (stale ones are dropped first)
 */
@ConfigurationProperties("agyn.security.sign-in")
public record SignInLimits(Limit account, Limit address, Duration forgetAfter, Duration auditApiEvery,
                           int maxTracked) {

    public static final SignInLimits DEFAULTS = new SignInLimits(null, null, null, null, 0);

    /**
     * @param freeFailures failures that cost nothing
     * @param firstDelay the wait after the first failure beyond them; it doubles with each further failure
     * @param lockAfter from this many failures, each failure locks for {@code lockDuration}
     * @param lockDuration the lock, and the longest wait
     */
    public record Limit(int freeFailures, Duration firstDelay, int lockAfter, Duration lockDuration) {
    }

    public SignInLimits {
        account = account == null ? new Limit(5, Duration.ofMinutes(1), 10, Duration.ofMinutes(15)) : account;
        address = address == null ? new Limit(30, Duration.ofMinutes(1), 100, Duration.ofMinutes(15)) : address;
        forgetAfter = forgetAfter == null ? Duration.ofHours(1) : forgetAfter;
        auditApiEvery = auditApiEvery == null ? Duration.ofHours(1) : auditApiEvery;
        maxTracked = maxTracked <= 0 ? 100_000 : maxTracked;
        check("account", account);
        check("address", address);
    }

    private static void check(String which, Limit l) {
        String prefix = "agyn.security.sign-in." + which;
        if (l.freeFailures() < 1 || l.lockAfter() <= l.freeFailures() || l.firstDelay() == null
                || l.lockDuration() == null || l.firstDelay().isNegative() || l.firstDelay().isZero()
                || l.lockDuration().compareTo(l.firstDelay()) < 0) {
            throw new StartupProblem(prefix + ": free-failures=" + l.freeFailures() + ", first-delay="
                    + l.firstDelay() + ", lock-after=" + l.lockAfter() + ", lock-duration=" + l.lockDuration()
                    + " do not make a throttle.",
                    "Set free-failures to 1 or more, lock-after above it, first-delay to a positive duration and "
                            + "lock-duration to at least first-delay (for example 5, PT1M, 10, PT15M).");
        }
    }
}
