package kz.agyn.registry.obligation;

import kz.agyn.kernel.Money;

/**
 * What a scholar in breach owes, with the figures it comes from so that an officer can check it by hand.
 *
 * @param funding         what the state spent on the award
 * @param requiredDays    the days the obligation required
 * @param unfulfilledDays the required days not worked by the breach date
 * @param principal       funding × unfulfilled ÷ required (or the whole funding under {@link RepaymentBasis#FULL}),
 *                        rounded half-up to whole tenge
 * @param penalty         the rules' penalty rate × the principal, rounded half-up to whole tenge
 * @param total           principal + penalty
 */
public record Repayment(Money funding, long requiredDays, long unfulfilledDays, Money principal, Money penalty,
                        Money total) {
}
