package kz.agyn.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import kz.agyn.account.internal.AccountRepository;
import kz.agyn.account.internal.AccountTime;
import kz.agyn.account.internal.SignInThrottle;
import kz.agyn.account.internal.TokenLimits;
import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditLog;
import kz.agyn.platform.i18n.LanguageChosen;
import kz.agyn.platform.i18n.Languages;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and changing users, their roles, language and API tokens. Every change is in the audit log. A change
 * that should stop what the user was doing (disabled, roles changed, password reset or changed) raises the user's
 * security stamp, which ends their open sessions on their next request; a password reset also revokes their
 * tokens, and a token always acts with its owner's roles of the moment.
 */
@Service
public class AccountService {

    /** Languages of the interface; the first is the default. */
    public static final List<String> LANGUAGES = Languages.CODES;
    public static final int MIN_PASSWORD_LENGTH = PasswordPolicy.MIN_LENGTH;
    static final String TOKEN_PREFIX = "agyn_";
    /** Session attribute set at sign-in while the user still has a one-time password. */
    public static final String MUST_CHANGE_PASSWORD = "agyn.mustChangePassword";
    /** The audit log's subject type of users and their tokens. */
    public static final String SUBJECT = "USER";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog audit;
    private final TokenLimits tokenLimits;
    private final AccountTime time;
    private final SignInThrottle throttle;

    public AccountService(AccountRepository repository, PasswordEncoder passwordEncoder, AuditLog audit,
                          Optional<TokenLimits> tokenLimits, AccountTime time, SignInThrottle throttle) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.tokenLimits = tokenLimits.orElse(new TokenLimits(0, 0));
        this.time = time;
        this.throttle = throttle;
    }

    public List<UserAccount> users() {
        return repository.findAll();
    }

    public Optional<UserAccount> user(String username) {
        return repository.findByUsername(username);
    }

    public boolean hasUsers() {
        return repository.countUsers() > 0;
    }

    @Transactional
    public UserAccount createUser(String username, String password, Collection<Role> roles, String displayName,
                                  String locale, boolean mustChangePassword) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        if (!name.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
            throw new AccountException("account.error.username", name);
        }
        if (repository.findByUsername(name).isPresent()) {
            throw new AccountException("account.error.username.taken", name);
        }
        checkPassword(name, password);
        if (roles == null || roles.isEmpty()) {
            throw new AccountException("account.error.roles");
        }
        String lang = locale == null || !LANGUAGES.contains(locale) ? LANGUAGES.get(0) : locale;
        long id = repository.insert(name, passwordEncoder.encode(password), blankToNull(displayName), lang,
                mustChangePassword);
        repository.replaceRoles(id, EnumSet.copyOf(roles));
        audit.record(AuditAction.USER_CREATED, SUBJECT, id, 1, "user " + name + " roles " + names(roles)
                + (mustChangePassword ? ", one-time password" : ""));
        return repository.findById(id).orElseThrow();
    }

    /** New roles; the user's sessions end (they sign in again with the new roles), tokens act with them at once. */
    @Transactional
    public void setRoles(String username, Set<Role> roles, String actingUser) {
        UserAccount user = existing(username);
        if (roles.isEmpty()) {
            throw new AccountException("account.error.roles");
        }
        if (user.has(Role.ADMIN) && !roles.contains(Role.ADMIN) && repository.countEnabledAdmins() <= 1) {
            throw new AccountException("account.error.lastAdmin");
        }
        if (user.username().equals(actingUser) && !roles.contains(Role.ADMIN) && user.has(Role.ADMIN)) {
            throw new AccountException("account.error.selfDemote");
        }
        if (user.roles().equals(roles)) {
            return;
        }
        repository.replaceRoles(user.id(), EnumSet.copyOf(roles));
        repository.raiseStamp(user.id());
        audit.record(AuditAction.ROLES_CHANGED, SUBJECT, user.id(), 1,
                "user " + user.username() + " roles " + names(user.roles()) + " -> " + names(roles));
    }

    /** Disabling ends the user's sessions at once and stops their tokens (they work again if re-enabled). */
    @Transactional
    public void setEnabled(String username, boolean enabled, String actingUser) {
        UserAccount user = existing(username);
        if (!enabled && user.username().equals(actingUser)) {
            throw new AccountException("account.error.selfDisable");
        }
        if (!enabled && user.has(Role.ADMIN) && user.enabled() && repository.countEnabledAdmins() <= 1) {
            throw new AccountException("account.error.lastAdmin");
        }
        if (user.enabled() == enabled) {
            return;
        }
        repository.setEnabled(user.id(), enabled);
        repository.raiseStamp(user.id());
        audit.record(enabled ? AuditAction.USER_ENABLED : AuditAction.USER_DISABLED, SUBJECT, user.id(), 1,
                "user " + user.username());
    }

    /**
     * An administrator sets a new password; the user must change it at next sign-in. A reset is what one does
     * when a password may be known to someone else, so the user's sessions end and their API tokens are revoked.
     */
    @Transactional
    public void resetPassword(String username, String newPassword) {
        UserAccount user = existing(username);
        checkPassword(user.username(), newPassword);
        repository.setPassword(user.id(), passwordEncoder.encode(newPassword), true);
        repository.raiseStamp(user.id());
        int revoked = repository.revokeAllTokens(user.id(), "PASSWORD_RESET");
        throttle.unlock(user.username());
        audit.record(AuditAction.PASSWORD_RESET, SUBJECT, user.id(), 1,
                "user " + user.username() + ", sessions ended, " + revoked + " token(s) revoked");
    }

    /** The user's own change; their other sessions end. Returns the new security stamp of the current session. */
    @Transactional
    public long changeOwnPassword(String username, String currentPassword, String newPassword) {
        UserAccount user = existing(username);
        String hash = repository.passwordHash(user.username()).orElseThrow();
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, hash)) {
            throw new AccountException("account.error.currentPassword");
        }
        if (newPassword != null && PasswordPolicy.normalise(newPassword).equals(
                PasswordPolicy.normalise(currentPassword))) {
            throw new AccountException("account.error.samePassword");
        }
        checkPassword(user.username(), newPassword);
        repository.setPassword(user.id(), passwordEncoder.encode(newPassword), false);
        long stamp = repository.raiseStamp(user.id());
        audit.record(AuditAction.PASSWORD_CHANGED, SUBJECT, user.id(), 1,
                "user " + user.username() + ", other sessions ended");
        return stamp;
    }

    @Transactional
    public void setLocale(String username, String locale) {
        if (!LANGUAGES.contains(locale)) {
            throw new AccountException("account.error.locale", locale);
        }
        repository.findByUsername(username).ifPresent(u -> repository.setLocale(u.id(), locale));
    }

    /** A signed-in user switched the interface's language: it follows them to their next sign-in. */
    @EventListener
    @Transactional
    public void languageChosen(LanguageChosen choice) {
        setLocale(choice.username(), choice.language());
    }

    /** Until when the account name must wait before signing in (too many wrong passwords), if it must. */
    public Optional<Instant> signInLockedUntil(String username) {
        return throttle.lockedUntil(username);
    }

    /** An administrator lets a locked account sign in again at once. */
    public void unlock(String username) {
        UserAccount user = existing(username);
        if (throttle.unlock(user.username())) {
            audit.record(AuditAction.SIGN_IN_UNLOCKED, SUBJECT, user.id(), 1, "user " + user.username());
        }
    }

    public List<ApiToken> tokens(String username) {
        return repository.tokensOf(existing(username).id(), time.now());
    }

    /** How long tokens last unless their owner chooses, and the longest they may choose. */
    public TokenLimits tokenLimits() {
        return tokenLimits;
    }

    public NewToken createToken(String username, String name) {
        return createToken(username, name, null);
    }

    /** A new token valid for {@code days} (the default when null), at most the configured maximum. */
    @Transactional
    public NewToken createToken(String username, String name, Integer days) {
        UserAccount user = existing(username);
        String label = name == null ? "" : name.trim();
        if (label.isEmpty() || label.length() > 100) {
            throw new AccountException("account.error.tokenName");
        }
        int valid = days == null ? tokenLimits.defaultDays() : days;
        if (valid < 1 || valid > tokenLimits.maxDays()) {
            throw new AccountException("account.error.tokenDays", tokenLimits.maxDays());
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime expires = time.now().plus(valid, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC);
        long id = repository.insertToken(user.id(), label, sha256(secret), secret.substring(0, 12), expires);
        audit.record(AuditAction.TOKEN_CREATED, SUBJECT, user.id(), 1, "token " + id + " (" + secret.substring(0, 12)
                + "…) of " + user.username() + ", expires " + expires.toLocalDate());
        return new NewToken(repository.tokenById(id, time.now()).orElseThrow(), secret);
    }

    @Transactional
    public void revokeToken(String username, long tokenId) {
        UserAccount user = existing(username);
        if (!repository.revokeToken(user.id(), tokenId)) {
            throw new AccountException("account.error.tokenNotFound");
        }
        audit.record(AuditAction.TOKEN_REVOKED, SUBJECT, user.id(), 1, "token " + tokenId + " of " + user.username());
    }

    /** What an API token is: valid (and then marked as used), or why not. */
    @Transactional
    public TokenCheck checkToken(String secret) {
        if (secret == null || !secret.startsWith(TOKEN_PREFIX)) {
            return TokenCheck.UNKNOWN;
        }
        var found = repository.tokenByHash(sha256(secret));
        if (found.isEmpty()) {
            return TokenCheck.UNKNOWN;
        }
        var t = found.get();
        TokenCheck.Status status = t.revokedAt() != null ? TokenCheck.Status.REVOKED
                : !t.expiresAt().toInstant().isAfter(time.now()) ? TokenCheck.Status.EXPIRED
                : !t.enabled() ? TokenCheck.Status.DISABLED : TokenCheck.Status.VALID;
        if (status == TokenCheck.Status.VALID) {
            repository.markTokenUsed(t.tokenId());
        }
        return new TokenCheck(status, t.username(), t.prefix(), t.expiresAt());
    }

    /** The username that an API token authenticates, if the token is known, in force and its user enabled. */
    @Transactional
    public Optional<String> authenticateToken(String secret) {
        TokenCheck check = checkToken(secret);
        return check.valid() ? Optional.of(check.username()) : Optional.empty();
    }

    private UserAccount existing(String username) {
        return repository.findByUsername(username)
                .orElseThrow(() -> new AccountException("account.error.noSuchUser", username));
    }

    private static void checkPassword(String username, String password) {
        PasswordPolicy.check(username, password);
    }

    private static String names(Collection<Role> roles) {
        TreeSet<String> names = new TreeSet<>();
        roles.forEach(r -> names.add(r.name()));
        return String.join(",", names);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
