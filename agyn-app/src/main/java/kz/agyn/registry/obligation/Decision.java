package kz.agyn.registry.obligation;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An officer's dated decision about one obligation.
 *
 * @param date   the day it takes effect
 * @param type   what was decided
 * @param by     the user name of the officer, recorded in the transition
 * @param reason the officer's grounds (a code or a document reference), recorded in the transition
 */
public record Decision(LocalDate date, DecisionType type, String by, String reason) {

    public Decision {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(by, "by");
        reason = reason == null ? "" : reason;
    }
}
