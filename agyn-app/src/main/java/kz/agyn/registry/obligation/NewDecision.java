package kz.agyn.registry.obligation;

import java.time.LocalDate;

/**
 * An officer's decision on an award: {@code type} is a {@link kz.agyn.registry.obligation.DecisionType} name
 * (RETURN_CONFIRMED, BREACH_DECLARED, BREACH_CANCELLED, REPAYMENT_STARTED, REPAID, WRITTEN_OFF), or DEFERRAL
 * with {@code from}/{@code to} for an approved stay abroad.
 */
public record NewDecision(String type, LocalDate date, LocalDate from, LocalDate to, String reason) {
}
