package kz.agyn.account;

import java.time.OffsetDateTime;

/** A personal API token's public face: its name and first characters, never the secret. */
public record ApiToken(long id, String name, String prefix, OffsetDateTime createdAt, OffsetDateTime lastUsedAt,
                       OffsetDateTime revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
