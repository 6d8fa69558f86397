package kz.agyn.registry.obligation;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An approved permission to stay abroad, for example for further study or a research fellowship. An
 * approval is an officer's decision: only deferrals that were approved belong here.
 *
 * @param from   the first day abroad with permission
 * @param to     the last day, inclusive
 * @param reason a code for the web layer to translate, e.g. "FURTHER_STUDY"
 */
public record Deferral(LocalDate from, LocalDate to, String reason) {

    /** @throws ObligationException {@link ObligationProblem#DATES_OUT_OF_ORDER} if {@code to} precedes {@code from} */
    public Deferral {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
        if (to.isBefore(from)) {
            throw new ObligationException(ObligationProblem.DATES_OUT_OF_ORDER, "to", to);
        }
    }

    /** Days covered, both ends included. */
    public long days() {
        return to.toEpochDay() - from.toEpochDay() + 1;
    }
}
