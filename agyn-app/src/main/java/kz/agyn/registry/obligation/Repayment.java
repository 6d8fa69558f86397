package kz.agyn.registry.obligation;

import kz.agyn.kernel.Money;

/**
 * What a scholar in breach owes (or would owe if a breach were declared on the evaluation date), with the figures
 * it comes from so that an officer can check it by hand.
 *
 * @param funding         the award's total budget
 * @param requiredDays    the days the obligation required, at the term of the place worked last
 * @param unfulfilledDays the required days not worked by the breach date, at that term
 * @param principal       by {@code basis}: the budget or what was spent, whole or times the unfulfilled share,
 *                        rounded half-up to whole tenge
 * @param penalty         the rules' penalty rate × the principal, rounded half-up to whole tenge
 * @param total           principal + penalty
 * @param basis           how the principal was worked out
 * @param spentToDate     what was spent (the budget if not recorded), when the basis uses it; else null
 */
public record Repayment(Money funding, long requiredDays, long unfulfilledDays, Money principal, Money penalty,
                        Money total, RepaymentBasis basis, Money spentToDate) {
}
