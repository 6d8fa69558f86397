package kz.agyn.account;

import java.time.OffsetDateTime;

/**
 * A personal API token's public face: its name and first characters, never the secret.
 *
 * @param revokedReason OWNER (revoked by its owner) or PASSWORD_RESET (an administrator reset the password)
 * @param state in force, expired or revoked, as of when it was read
 */
public record ApiToken(long id, String name, String prefix, OffsetDateTime createdAt, OffsetDateTime lastUsedAt,
                       OffsetDateTime revokedAt, OffsetDateTime expiresAt, String revokedReason, State state) {

    public enum State { ACTIVE, EXPIRED, REVOKED }

    public boolean active() {
        return state == State.ACTIVE;
    }
}
