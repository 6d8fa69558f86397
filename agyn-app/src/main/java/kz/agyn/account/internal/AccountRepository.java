package kz.agyn.account.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import kz.agyn.account.ApiToken;
import kz.agyn.account.Role;
import kz.agyn.account.UserAccount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the account feature. */
@Repository
public class AccountRepository {

    private static final String USER_COLUMNS = """
            u.id, u.username, u.display_name, u.locale, u.enabled, u.must_change_password, u.created_at,
            coalesce((SELECT string_agg(r.role, ',') FROM app_user_role r WHERE r.user_id = u.id), '') AS roles
            """;

    private final JdbcClient jdbc;

    public AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long countUsers() {
        return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
    }

    public List<UserAccount> findAll() {
        return jdbc.sql("SELECT " + USER_COLUMNS + " FROM app_user u ORDER BY u.username").query(this::user).list();
    }

    public Optional<UserAccount> findByUsername(String username) {
        return jdbc.sql("SELECT " + USER_COLUMNS + " FROM app_user u WHERE lower(u.username) = lower(?)")
                .param(username).query(this::user).optional();
    }

    public Optional<UserAccount> findById(long id) {
        return jdbc.sql("SELECT " + USER_COLUMNS + " FROM app_user u WHERE u.id = ?")
                .param(id).query(this::user).optional();
    }

    /** What signing in needs of a user, the hash included; never leaves the account feature. */
    public record Credentials(long id, String username, String passwordHash, boolean enabled,
                              boolean mustChangePassword, long stamp, Set<Role> roles) {
    }

    public Optional<Credentials> credentials(String username) {
        return jdbc.sql("SELECT " + USER_COLUMNS + ", u.password_hash, u.security_stamp FROM app_user u "
                        + "WHERE lower(u.username) = lower(?)")
                .param(username).query((rs, n) -> {
                    UserAccount u = user(rs, n);
                    return new Credentials(u.id(), u.username(), rs.getString("password_hash"), u.enabled(),
                            u.mustChangePassword(), rs.getLong("security_stamp"), u.roles());
                }).optional();
    }

    /** The user's security stamp, if the user still exists. */
    public Optional<Long> stamp(long userId) {
        return jdbc.sql("SELECT security_stamp FROM app_user WHERE id = ?").param(userId).query(Long.class)
                .optional();
    }

    /** Ends the user's sessions: each is checked against the stamp on its next request. Returns the new stamp. */
    public long raiseStamp(long userId) {
        return jdbc.sql("UPDATE app_user SET security_stamp = security_stamp + 1 WHERE id = ? RETURNING security_stamp")
                .param(userId).query(Long.class).single();
    }

    public Optional<String> passwordHash(String username) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE lower(username) = lower(?)")
                .param(username).query(String.class).optional();
    }

    public long insert(String username, String passwordHash, String displayName, String locale,
                       boolean mustChangePassword) {
        return jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, display_name, locale, must_change_password)
                        VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(username, passwordHash, displayName, locale, mustChangePassword)
                .query(Long.class).single();
    }

    public void replaceRoles(long userId, Collection<Role> roles) {
        jdbc.sql("DELETE FROM app_user_role WHERE user_id = ?").param(userId).update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO app_user_role (user_id, role) VALUES (?, ?)").params(userId, role.name()).update();
        }
    }

    public void setEnabled(long userId, boolean enabled) {
        jdbc.sql("UPDATE app_user SET enabled = ? WHERE id = ?").params(enabled, userId).update();
    }

    public void setPassword(long userId, String passwordHash, boolean mustChange) {
        jdbc.sql("UPDATE app_user SET password_hash = ?, must_change_password = ? WHERE id = ?")
                .params(passwordHash, mustChange, userId).update();
    }

    /** Replaces a hash by a stronger one of the same password (no other change: the user's sessions go on). */
    public void upgradeHash(String username, String passwordHash) {
        jdbc.sql("UPDATE app_user SET password_hash = ? WHERE lower(username) = lower(?)")
                .params(passwordHash, username).update();
    }

    public void setLocale(long userId, String locale) {
        jdbc.sql("UPDATE app_user SET locale = ? WHERE id = ?").params(locale, userId).update();
    }

    public long countEnabledAdmins() {
        return jdbc.sql("""
                SELECT count(*) FROM app_user u JOIN app_user_role r ON r.user_id = u.id
                WHERE u.enabled AND r.role = 'ADMIN'""").query(Long.class).single();
    }

    public long insertToken(long userId, String name, String hash, String prefix, OffsetDateTime expiresAt) {
        return jdbc.sql("""
                        INSERT INTO api_token (user_id, name, token_hash, prefix, expires_at) VALUES (?, ?, ?, ?, ?)
                        RETURNING id""")
                .params(userId, name, hash, prefix, expiresAt).query(Long.class).single();
    }

    private static final String TOKEN_COLUMNS =
            "id, name, prefix, created_at, last_used_at, revoked_at, expires_at, revoked_reason";

    public List<ApiToken> tokensOf(long userId, Instant now) {
        return jdbc.sql("SELECT " + TOKEN_COLUMNS + " FROM api_token WHERE user_id = ? "
                        + "ORDER BY created_at DESC, id DESC")
                .param(userId).query((rs, n) -> token(rs, now)).list();
    }

    public Optional<ApiToken> tokenById(long tokenId, Instant now) {
        return jdbc.sql("SELECT " + TOKEN_COLUMNS + " FROM api_token WHERE id = ?")
                .param(tokenId).query((rs, n) -> token(rs, now)).optional();
    }

    /** Revokes the token if it belongs to the user; false when it does not exist or is someone else's. */
    public boolean revokeToken(long userId, long tokenId) {
        return jdbc.sql("""
                        UPDATE api_token SET revoked_at = coalesce(revoked_at, now()),
                               revoked_reason = coalesce(revoked_reason, 'OWNER')
                        WHERE id = ? AND user_id = ?""")
                .params(tokenId, userId).update() == 1;
    }

    /** Revokes every token of the user still in force; returns how many. */
    public int revokeAllTokens(long userId, String reason) {
        return jdbc.sql("""
                        UPDATE api_token SET revoked_at = now(), revoked_reason = ?
                        WHERE user_id = ? AND revoked_at IS NULL""")
                .params(reason, userId).update();
    }

    /** A token looked up by its hash, with what decides whether it may be used. */
    public record TokenUse(long tokenId, String prefix, String username, boolean enabled, OffsetDateTime expiresAt,
                           OffsetDateTime revokedAt) {
    }

    public Optional<TokenUse> tokenByHash(String hash) {
        return jdbc.sql("""
                        SELECT t.id, t.prefix, u.username, u.enabled, t.expires_at, t.revoked_at
                        FROM api_token t JOIN app_user u ON u.id = t.user_id WHERE t.token_hash = ?""")
                .param(hash).query((rs, n) -> new TokenUse(rs.getLong("id"), rs.getString("prefix"),
                        rs.getString("username"), rs.getBoolean("enabled"),
                        rs.getObject("expires_at", OffsetDateTime.class),
                        rs.getObject("revoked_at", OffsetDateTime.class))).optional();
    }

    public void markTokenUsed(long tokenId) {
        jdbc.sql("UPDATE api_token SET last_used_at = now() WHERE id = ?").param(tokenId).update();
    }

    private UserAccount user(ResultSet rs, int row) throws SQLException {
        String roles = rs.getString("roles");
        Set<Role> set = EnumSet.noneOf(Role.class);
        if (!roles.isEmpty()) {
            Arrays.stream(roles.split(",")).map(Role::valueOf).forEach(set::add);
        }
        return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("locale"), rs.getBoolean("enabled"), rs.getBoolean("must_change_password"),
                Set.copyOf(set), rs.getObject("created_at", OffsetDateTime.class));
    }

    private static ApiToken token(ResultSet rs, Instant now) throws SQLException {
        OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
        OffsetDateTime expires = rs.getObject("expires_at", OffsetDateTime.class);
        ApiToken.State state = revoked != null ? ApiToken.State.REVOKED
                : !expires.toInstant().isAfter(now) ? ApiToken.State.EXPIRED : ApiToken.State.ACTIVE;
        return new ApiToken(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("last_used_at", OffsetDateTime.class),
                revoked, expires, rs.getString("revoked_reason"), state);
    }
}
