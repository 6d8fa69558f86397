package kz.agyn.account.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
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

    public long insertToken(long userId, String name, String hash, String prefix) {
        return jdbc.sql("""
                        INSERT INTO api_token (user_id, name, token_hash, prefix) VALUES (?, ?, ?, ?) RETURNING id""")
                .params(userId, name, hash, prefix).query(Long.class).single();
    }

    public List<ApiToken> tokensOf(long userId) {
        return jdbc.sql("""
                        SELECT id, name, prefix, created_at, last_used_at, revoked_at FROM api_token
                        WHERE user_id = ? ORDER BY created_at DESC, id DESC""")
                .param(userId).query(AccountRepository::token).list();
    }

    public Optional<ApiToken> tokenById(long tokenId) {
        return jdbc.sql("SELECT id, name, prefix, created_at, last_used_at, revoked_at FROM api_token WHERE id = ?")
                .param(tokenId).query(AccountRepository::token).optional();
    }

    /** Revokes the token if it belongs to the user; false when it does not exist or is someone else's. */
    public boolean revokeToken(long userId, long tokenId) {
        return jdbc.sql("""
                        UPDATE api_token SET revoked_at = coalesce(revoked_at, now()) WHERE id = ? AND user_id = ?""")
                .params(tokenId, userId).update() == 1;
    }

    /** The username owning an active token with this hash, marking the token as used. */
    public Optional<String> useToken(String hash) {
        return jdbc.sql("""
                        UPDATE api_token t SET last_used_at = now() FROM app_user u
                        WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.id = t.user_id AND u.enabled
                        RETURNING u.username""")
                .param(hash).query(String.class).optional();
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

    private static ApiToken token(ResultSet rs, int row) throws SQLException {
        return new ApiToken(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("last_used_at", OffsetDateTime.class),
                rs.getObject("revoked_at", OffsetDateTime.class));
    }
}
