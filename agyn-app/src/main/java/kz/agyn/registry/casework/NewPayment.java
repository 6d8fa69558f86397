package kz.agyn.registry.casework;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment received under an instalment agreement. */
public record NewPayment(LocalDate paidOn, BigDecimal amount) {
}
