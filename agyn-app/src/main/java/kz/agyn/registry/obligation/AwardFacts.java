package kz.agyn.registry.obligation;

import java.time.LocalDate;
import java.util.Objects;
import kz.agyn.kernel.Money;

/**
 * What the obligation engine needs to know about one award.
 *
 * @param awardId      the registry's identifier, carried through for the caller's convenience
 * @param programme    the programme code, e.g. "BOLASHAK"; selects the rule set
 * @param ruleVersion  the rule version recorded at the award, or null to pick by {@code awardedOn}
 * @param awardedOn    the date of the award
 * @param studyStart   the first day of study
 * @param plannedEnd   the planned last day of study
 * @param actualEnd    the actual last day of study, or null while unknown
 * @param funding      the award's total budget, in tenge
 * @param degree       BACHELOR, MASTER, PHD or INTERNSHIP ({@link ObligationRules#INTERNSHIP} selects the
 *                     internship terms), or null if not known
 * @param field        the ISCED-F field studied (2 or 3 digits), or null; the specialty check compares it
 * @param foreignGrant whether the scholar already held a foreign grant when awarded (the 2025 reduction)
 * @param honours      whether the scholar finished with excellent study (the reduction from 13 July 2025)
 * @param spentToDate  what the operator has spent on the award so far, in tenge, or null if not recorded (the
 *                     budget is then assumed spent, with {@link ObligationReason#SPENT_NOT_RECORDED})
 */
public record AwardFacts(String awardId, String programme, Integer ruleVersion, LocalDate awardedOn,
                         LocalDate studyStart, LocalDate plannedEnd, LocalDate actualEnd, Money funding,
                         String degree, String field, boolean foreignGrant, boolean honours, Money spentToDate) {

    /**
     * @throws ObligationException {@link ObligationProblem#DATES_OUT_OF_ORDER} if study ends before it starts,
     *                             {@link ObligationProblem#NOT_TENGE} or {@link ObligationProblem#NEGATIVE}
     *                             for a funding amount that is not a non-negative amount of tenge
     */
    public AwardFacts {
        Objects.requireNonNull(awardId, "awardId");
        Objects.requireNonNull(programme, "programme");
        Objects.requireNonNull(awardedOn, "awardedOn");
        Objects.requireNonNull(studyStart, "studyStart");
        Objects.requireNonNull(plannedEnd, "plannedEnd");
        Objects.requireNonNull(funding, "funding");
        if (plannedEnd.isBefore(studyStart)) {
            throw new ObligationException(ObligationProblem.DATES_OUT_OF_ORDER, "plannedEnd", plannedEnd);
        }
        if (actualEnd != null && actualEnd.isBefore(studyStart)) {
            throw new ObligationException(ObligationProblem.DATES_OUT_OF_ORDER, "actualEnd", actualEnd);
        }
        tenge("funding", funding);
        if (spentToDate != null) {
            tenge("spentToDate", spentToDate);
        }
    }

    /** An award with only the facts the engine read before degrees, fields and award attributes: none of them. */
    public AwardFacts(String awardId, String programme, Integer ruleVersion, LocalDate awardedOn,
                      LocalDate studyStart, LocalDate plannedEnd, LocalDate actualEnd, Money funding) {
        this(awardId, programme, ruleVersion, awardedOn, studyStart, plannedEnd, actualEnd, funding, null, null,
                false, false, null);
    }

    /** The same award bound to another rule version: what re-binding it would judge it by. */
    public AwardFacts withRuleVersion(Integer version) {
        return new AwardFacts(awardId, programme, version, awardedOn, studyStart, plannedEnd, actualEnd, funding,
                degree, field, foreignGrant, honours, spentToDate);
    }

    /** The last day of study: the actual one if known, else the planned one. */
    public LocalDate studyEnd() {
        return actualEnd != null ? actualEnd : plannedEnd;
    }

    /** What was spent, or the total budget if that is not recorded. */
    public Money spentOrBudget() {
        return spentToDate != null ? spentToDate : funding;
    }

    private static void tenge(String field, Money amount) {
        if (!amount.currency().equals(Money.KZT)) {
            throw new ObligationException(ObligationProblem.NOT_TENGE, field, amount.currency());
        }
        if (amount.isNegative()) {
            throw new ObligationException(ObligationProblem.NEGATIVE, field, amount.amount());
        }
    }
}
