package kz.agyn.registry.casework;

import java.time.LocalDate;

/**
 * An instalment agreement as an officer enters it: the term in months (at most 15 years), the first instalment's
 * day, the day agreed (today when null) and the grounds (the agreement's reference), recorded with the decision.
 */
public record NewAgreement(Integer months, LocalDate startsOn, LocalDate agreedOn, String reason) {
}
