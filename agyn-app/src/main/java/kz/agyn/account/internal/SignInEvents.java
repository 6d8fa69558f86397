package kz.agyn.account.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditLog;
import org.springframework.stereotype.Component;

/**
 * Writes sign-in events to the audit log. A failure names the account only when the name typed is one: what
 * was typed for a name that is no account may be a password typed in the wrong field, so it is kept as
 * "(unknown)" and never in clear. No password, token or part of one other than a token's public prefix is kept.
 */
@Component
public class SignInEvents {

    /** The actor of a failure whose name is no account. */
    public static final String UNKNOWN = "(unknown)";
    /** The actor of a lock of a client address. */
    public static final String ANONYMOUS = "(anonymous)";
    public static final String SUBJECT = "USER";

    private final AuditLog audit;
    private final SignInThrottle throttle;
    private final Map<String, Instant> lastApiSuccess = new ConcurrentHashMap<>();

    public SignInEvents(AuditLog audit, SignInThrottle throttle) {
        this.audit = audit;
        this.throttle = throttle;
    }

    /** Every sign-in by the form; by HTTP Basic or a token the first per user, method and address per period. */
    public void succeeded(AccountRepository.Credentials user, SignInDetails how) {
        if (how.method() != SignInMethod.FORM) {
            Instant now = throttle.now();
            Duration every = throttle.limits().auditApiEvery();
            String key = user.id() + "|" + how.method() + "|" + how.address();
            Instant last = lastApiSuccess.get(key);
            if (last != null && last.plus(every).isAfter(now)) {
                return;
            }
            if (lastApiSuccess.size() > throttle.limits().maxTracked()) {
                lastApiSuccess.clear();
            }
            lastApiSuccess.put(key, now);
        }
        audit.recordAs(user.username(), roles(user), AuditAction.SIGN_IN, SUBJECT, user.id(), detail(how, null));
    }

    /**
     * A failed attempt; {@code user} is the account named (null when the name is none, or for a token that
     * matches nothing).
     */
    public void failed(AccountRepository.Credentials user, SignInDetails how, String reason) {
        audit.recordAs(user == null ? UNKNOWN : user.username(), user == null ? "" : roles(user),
                AuditAction.SIGN_IN_FAILURE, SUBJECT, user == null ? null : user.id(), detail(how, reason));
    }

    /** Waits that a failure has started, each audited as a lock of its account name or client address. */
    public void blocked(Iterable<SignInThrottle.Block> blocks, AccountRepository.Credentials user,
                        SignInDetails how) {
        for (SignInThrottle.Block b : blocks) {
            boolean account = b.scope() == SignInThrottle.Scope.ACCOUNT;
            long seconds = b.length().toSeconds();
            String what = (b.locked() ? "lock" : "delay") + " of the " + (account ? "account name" : "address")
                    + " for " + seconds + " s after " + b.failures() + " failures";
            audit.recordAs(account ? (user == null ? UNKNOWN : user.username()) : ANONYMOUS, "",
                    AuditAction.SIGN_IN_LOCKED, account && user != null ? SUBJECT : null,
                    account && user != null ? user.id() : null, detail(how, what));
        }
    }

    private static String roles(AccountRepository.Credentials user) {
        TreeSet<String> names = new TreeSet<>();
        user.roles().forEach(r -> names.add(r.name()));
        return String.join(",", names);
    }

    private static String detail(SignInDetails how, String more) {
        return "method=" + how.method() + " address=" + how.address() + (more == null ? "" : "; " + more);
    }
}
