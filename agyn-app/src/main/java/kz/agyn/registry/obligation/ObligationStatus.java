package kz.agyn.registry.obligation;

import java.time.LocalDate;
import java.util.List;

/**
 * The obligation of one award as of one date. Nullable components are null when they do not apply, which
 * serialises to JSON more plainly than {@code Optional}.
 *
 * @param awardId             from the award
 * @param ruleVersion         the rule version applied
 * @param asOf                the evaluation date
 * @param state               the state
 * @param daysRequired        the days of counted work required (see {@link ObligationRules} for how years become days)
 * @param daysWorked          days credited, each overlapping day once; frozen on the breach date in a debt state;
 *                            may exceed {@code daysRequired}
 * @param daysLeft            {@code max(0, daysRequired - daysWorked)}
 * @param studyEnd            the last day of study used (actual, else planned)
 * @param returnDeadline      the last day to come back, deferrals included
 * @param returnedOn          the day the scholar was back, or null
 * @param firstCountedDay     the first day credited, from which the required span runs, or null
 * @param fulfilledOn         the day the last required day was worked, or null
 * @param projectedFulfilment the day the obligation will be fulfilled if the counted job held on {@code asOf}
 *                            goes on, or null (not working now, or already fulfilled)
 * @param breachEligible      whether an officer may declare a breach on these facts (overdue, or a break too long)
 * @param repayment           what is owed, in a debt state only (kept after repayment or write-off to show what
 *                            was settled), else null
 * @param reasons             codes explaining the state, in {@link ObligationReason} order
 * @param termYears           the term applied, in years, at the place worked last (reductions included)
 * @param calendarDaysWorked  calendar days credited, each once, whatever the place; with terms by place
 *                            {@code daysWorked} is in days of the current term instead
 * @param stateSince          the day the state took effect, as far as the facts tell (the decision's date for a
 *                            debt state, the fulfilment day for FULFILLED, the day after the deadline for
 *                            OVERDUE…): what the status history records as effective
 * @param owedIfDeclaredToday what a breach declared on {@code asOf} would cost, where one can still be declared
 *                            (not in a debt state, not fulfilled), else null
 */
public record ObligationStatus(String awardId, int ruleVersion, LocalDate asOf, ObligationState state,
                               long daysRequired, long daysWorked, long daysLeft, LocalDate studyEnd,
                               LocalDate returnDeadline, LocalDate returnedOn, LocalDate firstCountedDay,
                               LocalDate fulfilledOn, LocalDate projectedFulfilment, boolean breachEligible,
                               Repayment repayment, List<ObligationReason> reasons, int termYears,
                               long calendarDaysWorked, LocalDate stateSince, Repayment owedIfDeclaredToday) {

    public ObligationStatus {
        reasons = List.copyOf(reasons);
    }

    /** Whether the code is among the reasons. */
    public boolean has(ObligationReason reason) {
        return reasons.contains(reason);
    }
}
