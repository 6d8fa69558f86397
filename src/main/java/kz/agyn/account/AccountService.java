package kz.agyn.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import kz.agyn.account.internal.AccountRepository;
import kz.agyn.platform.i18n.LanguageChosen;
import kz.agyn.platform.i18n.Languages;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating and changing users, their roles, language and API tokens. */
@Service
public class AccountService {

    /** Languages of the interface; the first is the default. */
    public static final List<String> LANGUAGES = Languages.CODES;
    public static final int MIN_PASSWORD_LENGTH = PasswordPolicy.MIN_LENGTH;
    static final String TOKEN_PREFIX = "agyn_";
    /** Session attribute set at sign-in while the user still has a one-time password. */
    public static final String MUST_CHANGE_PASSWORD = "agyn.mustChangePassword";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountRepository repository;
    private final PasswordEncoder passwordEncoder;

    public AccountService(AccountRepository repository, PasswordEncoder passwordEncoder) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
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
        return repository.findById(id).orElseThrow();
    }

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
        repository.replaceRoles(user.id(), EnumSet.copyOf(roles));
    }

    @Transactional
    public void setEnabled(String username, boolean enabled, String actingUser) {
        UserAccount user = existing(username);
        if (!enabled && user.username().equals(actingUser)) {
            throw new AccountException("account.error.selfDisable");
        }
        if (!enabled && user.has(Role.ADMIN) && user.enabled() && repository.countEnabledAdmins() <= 1) {
            throw new AccountException("account.error.lastAdmin");
        }
        repository.setEnabled(user.id(), enabled);
    }

    /** An administrator sets a new password; the user must change it at next sign-in. */
    @Transactional
    public void resetPassword(String username, String newPassword) {
        UserAccount user = existing(username);
        checkPassword(user.username(), newPassword);
        repository.setPassword(user.id(), passwordEncoder.encode(newPassword), true);
    }

    @Transactional
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        UserAccount user = existing(username);
        String hash = repository.passwordHash(user.username()).orElseThrow();
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, hash)) {
            throw new AccountException("account.error.currentPassword");
        }
        if (newPassword != null && newPassword.equals(currentPassword)) {
            throw new AccountException("account.error.samePassword");
        }
        checkPassword(user.username(), newPassword);
        repository.setPassword(user.id(), passwordEncoder.encode(newPassword), false);
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

    public List<ApiToken> tokens(String username) {
        return repository.tokensOf(existing(username).id());
    }

    @Transactional
    public NewToken createToken(String username, String name) {
        UserAccount user = existing(username);
        String label = name == null ? "" : name.trim();
        if (label.isEmpty() || label.length() > 100) {
            throw new AccountException("account.error.tokenName");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = repository.insertToken(user.id(), label, sha256(secret), secret.substring(0, 12));
        return new NewToken(repository.tokenById(id).orElseThrow(), secret);
    }

    @Transactional
    public void revokeToken(String username, long tokenId) {
        if (!repository.revokeToken(existing(username).id(), tokenId)) {
            throw new AccountException("account.error.tokenNotFound");
        }
    }

    /** The username that an API token authenticates, if the token is known, active and its user enabled. */
    @Transactional
    public Optional<String> authenticateToken(String secret) {
        if (secret == null || !secret.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        return repository.useToken(sha256(secret));
    }

    private UserAccount existing(String username) {
        return repository.findByUsername(username)
                .orElseThrow(() -> new AccountException("account.error.noSuchUser", username));
    }

    private static void checkPassword(String username, String password) {
        PasswordPolicy.check(username, password);
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
