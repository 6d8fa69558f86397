package kz.agyn.registry.casework;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What an officer may agree for an award in breach, as the card's form shows it before anything is typed: the amount
 * (what the breach decision makes owed, never typed) and the longest term the award's rules allow
 * ({@code maxInstalmentYears} of the rule version binding the award).
 *
 * @param awardId     the award
 * @param asOf        the day the amount is worked out for (today)
 * @param owed        what is owed, whole tenge: the amount the agreement will carry
 * @param breachOn    the day the breach took effect
 * @param ruleVersion the rule version binding the award
 * @param maxMonths   the longest term, in months
 */
public record InstalmentTerms(long awardId, LocalDate asOf, BigDecimal owed, LocalDate breachOn, int ruleVersion,
                              int maxMonths) {

    /** The longest term in whole years, as the rule states it. */
    public int maxYears() {
        return maxMonths / 12;
    }
}
