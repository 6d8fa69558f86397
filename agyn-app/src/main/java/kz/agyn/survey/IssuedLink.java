package kz.agyn.survey;

import java.time.OffsetDateTime;

/** A link just issued, with its token: the only time the token is known, to be shown to the analyst once. */
public record IssuedLink(long id, String token, OffsetDateTime expiresAt) {
}
