package kz.agyn.account;

import java.time.OffsetDateTime;

/**
 * What an API token presented to the API turned out to be. Its holder has the secret, so telling them that it
 * expired or was revoked reveals nothing; an unknown token names no one.
 *
 * @param username the owner, for every status but UNKNOWN
 * @param prefix the token's public first characters (for the audit log), or null when UNKNOWN
 */
public record TokenCheck(Status status, String username, String prefix, OffsetDateTime expiresAt) {

    public enum Status { VALID, UNKNOWN, REVOKED, EXPIRED, DISABLED }

    public static final TokenCheck UNKNOWN = new TokenCheck(Status.UNKNOWN, null, null, null);

    public boolean valid() {
        return status == Status.VALID;
    }
}
