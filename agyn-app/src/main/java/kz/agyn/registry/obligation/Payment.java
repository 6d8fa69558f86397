package kz.agyn.registry.obligation;

import java.time.LocalDate;
import java.util.Objects;
import kz.agyn.kernel.Money;

/**
 * A payment towards a repayment, e.g. one instalment of an agreed schedule. Recorded by the officers' workflow;
 * the engine only subtracts it ({@link ObligationEngine#outstanding}).
 *
 * @param date   the day the money was received
 * @param amount a positive amount of tenge
 */
public record Payment(LocalDate date, Money amount) {

    /** @throws ObligationException {@link ObligationProblem#NOT_TENGE} or {@link ObligationProblem#NEGATIVE} */
    public Payment {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(amount, "amount");
        if (!amount.currency().equals(Money.KZT)) {
            throw new ObligationException(ObligationProblem.NOT_TENGE, "amount", amount.currency());
        }
        if (amount.amount().signum() <= 0) {
            throw new ObligationException(ObligationProblem.NEGATIVE, "amount", amount.amount());
        }
    }
}
