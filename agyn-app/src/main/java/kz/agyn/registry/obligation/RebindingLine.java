package kz.agyn.registry.obligation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One award a re-binding would move: the version in force on its award date, and what it is and owes under the old
 * and the new version as of the preview's day. {@code owed} is the repayment of a declared breach, else what a breach
 * declared that day would cost, else null (fulfilled, or nothing can be declared).
 */
public record RebindingLine(long awardId, LocalDate awardedOn, int toVersion, ObligationState oldState,
                            ObligationState newState, int oldTermYears, int newTermYears, BigDecimal oldOwed,
                            BigDecimal newOwed) {

    public boolean stateChanges() {
        return oldState != newState;
    }

    public boolean owedChanges() {
        return oldOwed == null ? newOwed != null : newOwed == null || oldOwed.compareTo(newOwed) != 0;
    }
}
