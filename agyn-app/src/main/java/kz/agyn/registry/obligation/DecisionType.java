package kz.agyn.registry.obligation;

/**
 * What a registry officer decided. Breach, repayment and write-off put the obligation into a state that
 * evaluation alone never reaches; a return confirmation only supplies a fact (the scholar is back) that the
 * employment records may not show yet.
 */
public enum DecisionType {
    /** The scholar reported back in Kazakhstan on the decision's date, job or not. */
    RETURN_CONFIRMED(null),
    /** The obligation is broken: the scholar owes the repayment. Days worked stop counting on this date. */
    BREACH_DECLARED(ObligationState.IN_BREACH),
    /** A breach declared in error or overturned on appeal; the obligation runs on as if never declared. */
    BREACH_CANCELLED(null),
    /** A repayment schedule (instalments) is agreed and running. */
    REPAYMENT_STARTED(ObligationState.REPAYING),
    /** The debt is paid in full. */
    REPAID(ObligationState.REPAID),
    /** The debt is cancelled (death, disability, court decision). */
    WRITTEN_OFF(ObligationState.WRITTEN_OFF);

    private final ObligationState target;

    DecisionType(ObligationState target) {
        this.target = target;
    }

    /** The state this decision puts the obligation in, or null if evaluation decides it. */
    public ObligationState target() {
        return target;
    }

    /** Whether the decision can be taken while the obligation is in {@code state}. */
    public boolean allowedFrom(ObligationState state) {
        return switch (this) {
            case RETURN_CONFIRMED -> true; // a fact, not a move: in a debt state it changes nothing
            case BREACH_DECLARED -> !state.isDebt() && state != ObligationState.FULFILLED;
            case BREACH_CANCELLED, REPAYMENT_STARTED -> state == ObligationState.IN_BREACH;
            case REPAID, WRITTEN_OFF -> state == ObligationState.IN_BREACH || state == ObligationState.REPAYING;
        };
    }
}
