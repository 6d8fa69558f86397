package kz.agyn.registry.incentives;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A scholar eligible for an incentive today, known by pseudonym, with the yearly amount and how it was priced. */
public record Eligibility(String code, long scholarId, String pseudonym, LocalDate returnedOn, LocalDate until,
                          String salaryBand, BigDecimal monthlySalaryKzt, boolean bandBased, BigDecimal annualKzt) {
}
