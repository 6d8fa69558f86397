package kz.agyn.registry.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An instalment agreement as of a day: the amount agreed (what was owed when it was agreed), the term, the monthly
 * schedule with what has been paid against each instalment, the payments, the balance and the arrears.
 *
 * @param awardId    the award
 * @param asOf       the day described
 * @param amount     the amount agreed, whole tenge
 * @param months     the term in months (at most 180, 15 years)
 * @param startsOn   the first instalment's due day
 * @param agreedOn   the day of the agreement (the REPAYMENT_STARTED decision's date)
 * @param decisionId the decision the agreement is recorded with, whose amount column carries {@code amount}
 * @param schedule   the instalments
 * @param payments   payments received by {@code asOf}
 * @param paid       their sum
 * @param balance    amount − paid
 * @param arrears    what was due by {@code asOf} and not paid
 */
public record InstalmentPlan(long awardId, LocalDate asOf, BigDecimal amount, int months, LocalDate startsOn,
                             LocalDate agreedOn, Long decisionId, List<Instalment> schedule, List<Payment> payments,
                             BigDecimal paid, BigDecimal balance, BigDecimal arrears) {

    /** One monthly instalment. */
    public record Instalment(int number, LocalDate dueOn, BigDecimal amount, BigDecimal paid,
                             InstalmentStatus status) {
    }

    /** One payment received. */
    public record Payment(LocalDate paidOn, BigDecimal amount) {
    }
}
