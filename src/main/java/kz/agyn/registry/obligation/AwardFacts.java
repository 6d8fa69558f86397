package kz.agyn.registry.obligation;

import java.time.LocalDate;
import java.util.Objects;
import kz.agyn.kernel.Money;

/**
 * What the obligation engine needs to know about one award.
 *
 * @param awardId     the registry's identifier, carried through for the caller's convenience
 * @param programme   the programme code, e.g. "BOLASHAK"; selects the rule set
 * @param ruleVersion the rule version recorded at the award, or null to pick by {@code awardedOn}
 * @param awardedOn   the date of the award
 * @param studyStart  the first day of study
 * @param plannedEnd  the planned last day of study
 * @param actualEnd   the actual last day of study, or null while unknown
 * @param funding     what the state spent on the award, in tenge
 */
public record AwardFacts(String awardId, String programme, Integer ruleVersion, LocalDate awardedOn,
                         LocalDate studyStart, LocalDate plannedEnd, LocalDate actualEnd, Money funding) {

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
        if (!funding.currency().equals(Money.KZT)) {
            throw new ObligationException(ObligationProblem.NOT_TENGE, "funding", funding.currency());
        }
        if (funding.isNegative()) {
            throw new ObligationException(ObligationProblem.NEGATIVE, "funding", funding.amount());
        }
    }

    /** The last day of study: the actual one if known, else the planned one. */
    public LocalDate studyEnd() {
        return actualEnd != null ? actualEnd : plannedEnd;
    }
}
