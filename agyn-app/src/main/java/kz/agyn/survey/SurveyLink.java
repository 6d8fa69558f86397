package kz.agyn.survey;

import java.time.OffsetDateTime;

/**
 * A one-time form link as the analysts who send them see it: never its token, which is not stored, but the token's
 * first characters ({@code hint}) to recognise it by, when it was issued and by whom, until when it can be used,
 * and what became of it.
 */
public record SurveyLink(long id, String hint, OffsetDateTime createdAt, String createdBy, OffsetDateTime expiresAt,
                         OffsetDateTime usedAt, OffsetDateTime revokedAt, String revokedBy, State state) {

    /** OPEN: can still be used; USED: took its set of answers; EXPIRED and REVOKED: never used, and never will be. */
    public enum State { OPEN, USED, EXPIRED, REVOKED }
}
