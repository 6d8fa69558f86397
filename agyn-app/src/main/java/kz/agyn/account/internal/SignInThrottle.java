package kz.agyn.account.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import kz.agyn.account.PasswordPolicy;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account name and per client address and makes them wait: growing delays, then a
 * lock (limits in {@link SignInLimits}). A name that is no account is counted exactly like one, so the answer
 * never tells whether an account exists. The counts live in memory: Agyn runs as one process, and a restart (which
 * an attacker cannot cause) forgets them (docs/decisions/0014-sign-in-throttling-sessions-and-security-audit.md).
 */
@Component
public class SignInThrottle {

    /** What a limit is kept for. */
    public enum Scope { ACCOUNT, ADDRESS }

    /**
     * A wait that a failure has just started.
     *
     * @param length how long, from the failure
     * @param locked true for a lock (the failures reached {@code lockAfter}), false for a growing delay
     */
    public record Block(Scope scope, Instant until, Duration length, int failures, boolean locked) {
    }

    /** A sign-in refused without looking at its password: the name or the address must still wait. */
    public record Refusal(Scope scope, Instant until) {

        public Duration retryAfter(Instant now) {
            Duration d = Duration.between(now, until);
            return d.isNegative() ? Duration.ZERO : d;
        }
    }

    private record Entry(int failures, Instant lastFailure, Instant blockedUntil) {
    }

    private final SignInLimits limits;
    private final AccountTime time;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public SignInThrottle(Optional<SignInLimits> limits, AccountTime time) {
        this.limits = limits.orElse(SignInLimits.DEFAULTS);
        this.time = time;
    }

    public Instant now() {
        return time.now();
    }

    public SignInLimits limits() {
        return limits;
    }

    /** A refusal if the name (may be null, as for a token) or the address must still wait; else empty. */
    public Optional<Refusal> check(String name, String address) {
        Instant now = now();
        Refusal refusal = null;
        for (String key : keys(name, address)) {
            Entry e = entries.get(key);
            if (e != null && e.blockedUntil() != null && e.blockedUntil().isAfter(now)
                    && (refusal == null || e.blockedUntil().isAfter(refusal.until()))) {
                refusal = new Refusal(scope(key), e.blockedUntil());
            }
        }
        return Optional.ofNullable(refusal);
    }

    /** Counts a failure of the name (may be null) from the address; returns the waits it starts, if any. */
    public List<Block> failed(String name, String address) {
        Instant now = now();
        List<Block> blocks = new ArrayList<>();
        if (entries.size() >= limits.maxTracked()) {
            forgetStale(now);
        }
        for (String key : keys(name, address)) {
            Scope scope = scope(key);
            SignInLimits.Limit limit = scope == Scope.ACCOUNT ? limits.account() : limits.address();
            Entry e = entries.compute(key, (k, old) -> {
                int failures = old == null || old.lastFailure().plus(limits.forgetAfter()).isBefore(now)
                        ? 1 : old.failures() + 1;
                return new Entry(failures, now, blockedUntil(limit, failures, now));
            });
            if (e.blockedUntil() != null) {
                blocks.add(new Block(scope, e.blockedUntil(), Duration.between(now, e.blockedUntil()), e.failures(),
                        e.failures() >= limit.lockAfter()));
            }
        }
        return blocks;
    }

    /** The right password: the account's failures are forgotten (its address's are not: one good account of an
     * attacker must not clear the failures of a host that guesses others'). */
    public void succeeded(String name) {
        if (name != null) {
            entries.remove(accountKey(name));
        }
    }

    /** Until when the account name must wait, if it must. */
    public Optional<Instant> lockedUntil(String name) {
        Entry e = entries.get(accountKey(name));
        Instant now = now();
        return e == null || e.blockedUntil() == null || !e.blockedUntil().isAfter(now)
                ? Optional.empty() : Optional.of(e.blockedUntil());
    }

    /** An administrator lifts an account's wait and forgets its failures; true if it had to wait. */
    public boolean unlock(String name) {
        boolean waiting = lockedUntil(name).isPresent();
        entries.remove(accountKey(name));
        return waiting;
    }

    /** Forgets an address's failures (an administrator's action, e.g. after a known test). */
    public void forgetAddress(String address) {
        entries.remove("a:" + address);
    }

    int tracked() {
        return entries.size();
    }

    private static Instant blockedUntil(SignInLimits.Limit limit, int failures, Instant now) {
        if (failures >= limit.lockAfter()) {
            return now.plus(limit.lockDuration());
        }
        if (failures < limit.freeFailures()) {
            return null;
        }
        int doublings = Math.min(failures - limit.freeFailures(), 30);
        Duration delay = limit.firstDelay().multipliedBy(1L << doublings);
        return now.plus(delay.compareTo(limit.lockDuration()) > 0 ? limit.lockDuration() : delay);
    }

    /** Drops what no longer matters; if that is not enough (a flood of made-up names), all that does not wait. */
    private void forgetStale(Instant now) {
        entries.entrySet().removeIf(x -> x.getValue().lastFailure().plus(limits.forgetAfter()).isBefore(now)
                && (x.getValue().blockedUntil() == null || !x.getValue().blockedUntil().isAfter(now)));
        if (entries.size() >= limits.maxTracked()) {
            entries.entrySet().removeIf(x -> x.getValue().blockedUntil() == null
                    || !x.getValue().blockedUntil().isAfter(now));
        }
    }

    private static List<String> keys(String name, String address) {
        List<String> keys = new ArrayList<>(2);
        if (name != null && !name.isBlank()) {
            keys.add(accountKey(name));
        }
        keys.add("a:" + (address == null ? "unknown" : address));
        return keys;
    }

    private static Scope scope(String key) {
        return key.startsWith("u:") ? Scope.ACCOUNT : Scope.ADDRESS;
    }

    /** The name as the sign-in looks it up (any case); a long one is kept as its hash, not as typed. */
    static String accountKey(String name) {
        String n = PasswordPolicy.normalise(name).toLowerCase(Locale.ROOT);
        if (n.length() <= 64) {
            return "u:" + n;
        }
        try {
            return "u:#" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(n.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
