package kz.agyn.registry.obligation;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a scholar stands in the work-off obligation.
 *
 * <p>The main path STUDYING → GRADUATED → RETURNED → WORKING_OFF → FULFILLED and the OVERDUE branch are
 * <em>computed</em>: evaluation moves along them as dates pass and facts arrive, and may skip states (a
 * history imported at once goes from STUDYING straight to WORKING_OFF). ABROAD_PERMITTED is entered only on
 * the strength of an approved {@link Deferral}. The debt states IN_BREACH, REPAYING, REPAID and WRITTEN_OFF
 * are entered only by an officer's {@link Decision}. FULFILLED, REPAID and WRITTEN_OFF are final.
 *
 * <p>The edges are listed in {@link #canMoveTo}; see {@link Transition} for how a move is recorded.
 */
public enum ObligationState {
    /** Still studying: the obligation has not begun. */
    STUDYING,
    /** Study over, not back yet, the return deadline not passed. */
    GRADUATED,
    /** Back in Kazakhstan, no counted work yet. */
    RETURNED,
    /** Counted work has begun and the required days are not all worked. */
    WORKING_OFF,
    /** All required days worked. */
    FULFILLED,
    /** Abroad on an approved deferral. */
    ABROAD_PERMITTED,
    /** Not back by the return deadline. */
    OVERDUE,
    /** A breach declared by an officer: the repayment is owed. */
    IN_BREACH,
    /** Repaying under an agreed schedule. */
    REPAYING,
    /** Debt repaid in full. */
    REPAID,
    /** Debt cancelled. */
    WRITTEN_OFF;

    private static final Map<ObligationState, Set<ObligationState>> EDGES = new EnumMap<>(ObligationState.class);

    static {
        Set<ObligationState> computedAfterStudy = EnumSet.of(GRADUATED, RETURNED, WORKING_OFF, FULFILLED,
                ABROAD_PERMITTED, OVERDUE);
        EDGES.put(STUDYING, with(computedAfterStudy, IN_BREACH));
        EDGES.put(GRADUATED, with(EnumSet.of(RETURNED, WORKING_OFF, FULFILLED, ABROAD_PERMITTED, OVERDUE), IN_BREACH));
        EDGES.put(RETURNED, with(EnumSet.of(WORKING_OFF, FULFILLED, ABROAD_PERMITTED), IN_BREACH));
        EDGES.put(WORKING_OFF, with(EnumSet.of(FULFILLED, ABROAD_PERMITTED), IN_BREACH));
        EDGES.put(OVERDUE, with(EnumSet.of(RETURNED, WORKING_OFF, FULFILLED, ABROAD_PERMITTED), IN_BREACH));
        // A deferral can end before the deadline (back to GRADUATED) or after it (OVERDUE).
        EDGES.put(ABROAD_PERMITTED, with(EnumSet.of(GRADUATED, RETURNED, WORKING_OFF, FULFILLED, OVERDUE), IN_BREACH));
        EDGES.put(FULFILLED, EnumSet.noneOf(ObligationState.class));
        // A cancelled breach falls back to whatever evaluation says, STUDYING included: a scholarship can be
        // lost (and the loss overturned) during study.
        Set<ObligationState> fromBreach = with(computedAfterStudy, STUDYING);
        fromBreach.addAll(EnumSet.of(REPAYING, REPAID, WRITTEN_OFF));
        EDGES.put(IN_BREACH, fromBreach);
        EDGES.put(REPAYING, EnumSet.of(REPAID, WRITTEN_OFF));
        EDGES.put(REPAID, EnumSet.noneOf(ObligationState.class));
        EDGES.put(WRITTEN_OFF, EnumSet.noneOf(ObligationState.class));
    }

    private static Set<ObligationState> with(Set<ObligationState> states, ObligationState extra) {
        Set<ObligationState> all = EnumSet.copyOf(states);
        all.add(extra);
        return all;
    }

    /** Whether the state machine has an edge from this state to {@code next}; no state moves to itself. */
    public boolean canMoveTo(ObligationState next) {
        return EDGES.get(this).contains(next);
    }

    /** The states reachable in one move, for a rules editor or a diagram. */
    public Set<ObligationState> successors() {
        return EnumSet.copyOf(EDGES.get(this));
    }

    /** Whether only an officer's decision can put an obligation in this state. */
    public boolean isDebt() {
        return this == IN_BREACH || this == REPAYING || this == REPAID || this == WRITTEN_OFF;
    }

    /** Whether evaluation alone, without an approval or decision, may enter this state. */
    public boolean isComputed() {
        return !isDebt() && this != ABROAD_PERMITTED;
    }

    /** Whether no move leads out of this state. */
    public boolean isFinal() {
        return EDGES.get(this).isEmpty();
    }
}
