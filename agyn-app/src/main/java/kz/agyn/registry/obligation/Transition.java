package kz.agyn.registry.obligation;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A recorded change of an obligation's state: who moved it, when and why. Build one with
 * {@link #afterEvaluation}, {@link #byDecision} or {@link #correction}; the constructor refuses moves the
 * state machine ({@link ObligationState#canMoveTo}) does not allow.
 *
 * @param from   the state before, or null for the first state recorded for an award
 * @param to     the state after
 * @param at     the day the move takes effect
 * @param by     the officer's user name, or {@link #SYSTEM} for evaluation
 * @param cause  what moved it
 * @param reason a code: the first {@link ObligationReason} of the status for evaluation, the
 *               {@link DecisionType} for a decision, "CORRECTION" for a correction
 * @param note   the officer's grounds; empty for evaluation
 */
public record Transition(ObligationState from, ObligationState to, LocalDate at, String by, Cause cause,
                         String reason, String note) {

    /** The {@code by} of transitions made by evaluation. */
    public static final String SYSTEM = "system";

    /** What moved the state. */
    public enum Cause {
        /** Dates passed or facts arrived and evaluation computed a new state. */
        EVALUATION,
        /** An officer's decision. */
        DECISION,
        /** An officer corrected the record (a job entered by mistake, say) and evaluation went backwards. */
        CORRECTION
    }

    /**
     * @throws ObligationException {@link ObligationProblem#ILLEGAL_TRANSITION} for a move the state machine has
     *                             no edge for (a correction may move between any two non-debt states);
     *                             {@link ObligationProblem#NEEDS_DECISION} if evaluation would enter a debt state
     */
    public Transition {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(reason, "reason");
        note = note == null ? "" : note;
        if (by == null || by.isBlank()) {
            throw new ObligationException(ObligationProblem.MISSING, "by", "");
        }
        String edge = (from == null ? "-" : from.name()) + "->" + to.name();
        if (cause == Cause.EVALUATION && to.isDebt()) {
            throw new ObligationException(ObligationProblem.NEEDS_DECISION, "transition", edge);
        }
        if (cause == Cause.CORRECTION) {
            if (from == null || from == to || from.isDebt() || to.isDebt()) {
                throw new ObligationException(ObligationProblem.ILLEGAL_TRANSITION, "transition", edge);
            }
            if (note.isBlank()) {
                throw new ObligationException(ObligationProblem.CORRECTION_WITHOUT_REASON, "note", "");
            }
        } else if (from != null && !from.canMoveTo(to)) {
            throw new ObligationException(ObligationProblem.ILLEGAL_TRANSITION, "transition", edge);
        }
    }

    /**
     * The move to record after a (re)evaluation, or empty if the state did not change.
     *
     * @param previous the state recorded so far, or null if none
     * @param now      the fresh evaluation
     * @throws ObligationException {@link ObligationProblem#ILLEGAL_TRANSITION} if the state machine has no such edge
     *                             (most likely a corrected record: see {@link #correction});
     *                             {@link ObligationProblem#NEEDS_DECISION} if evaluation lands in a debt state
     *                             that no recorded decision moved to first
     */
    public static Optional<Transition> afterEvaluation(ObligationState previous, ObligationStatus now) {
        if (previous == now.state()) {
            return Optional.empty();
        }
        String reason = now.reasons().isEmpty() ? "EVALUATION" : now.reasons().get(0).name();
        return Optional.of(new Transition(previous, now.state(), now.asOf(), SYSTEM, Cause.EVALUATION, reason, ""));
    }

    /**
     * The move an officer's decision makes, or empty if it leaves the state as it is (a return confirmed while
     * already working, say). Call it before storing the decision: {@code next} is the state evaluated with the
     * decision included.
     *
     * @param previous the state recorded so far, or null if none (a migrated record)
     * @param decision the officer's decision
     * @param next     the state evaluation gives with the decision included
     * @throws ObligationException {@link ObligationProblem#ILLEGAL_DECISION} if the decision cannot be taken in
     *                             {@code previous}; {@link ObligationProblem#ILLEGAL_TRANSITION} if {@code next}
     *                             is not where the decision leads or not reachable from {@code previous}
     */
    public static Optional<Transition> byDecision(ObligationState previous, Decision decision, ObligationState next) {
        DecisionType type = decision.type();
        if (previous != null && !type.allowedFrom(previous)) {
            throw new ObligationException(ObligationProblem.ILLEGAL_DECISION, type.name(), previous);
        }
        boolean fits = type.target() != null ? next == type.target() : !next.isDebt() || next == previous;
        if (!fits) {
            throw new ObligationException(ObligationProblem.ILLEGAL_TRANSITION, "transition",
                    (previous == null ? "-" : previous.name()) + "->" + next.name());
        }
        if (previous == next) {
            return Optional.empty();
        }
        return Optional.of(new Transition(previous, next, decision.date(), decision.by(), Cause.DECISION, type.name(),
                decision.reason()));
    }

    /**
     * An officer's correction of a computed state that went backwards after the record was fixed, e.g.
     * WORKING_OFF back to RETURNED once a mistaken job is deleted. Debt states are never corrected this way:
     * they are left by decisions.
     *
     * @throws ObligationException {@link ObligationProblem#ILLEGAL_TRANSITION} if either state is a debt state;
     *                             {@link ObligationProblem#CORRECTION_WITHOUT_REASON} without a note
     */
    public static Transition correction(ObligationState previous, ObligationState next, LocalDate at, String by,
                                        String note) {
        return new Transition(previous, next, at, by, Cause.CORRECTION, "CORRECTION", note);
    }
}
