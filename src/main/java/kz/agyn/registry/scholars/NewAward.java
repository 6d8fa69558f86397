package kz.agyn.registry.scholars;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An award as entered. {@code ruleVersion} may be left out: the version of the programme's rules in force on
 * {@code awardedOn} (else on the study start) applies and is stored with the award.
 */
public record NewAward(String programme, Integer ruleVersion, Integer callYear, String degree, String field,
                       String university, String country, BigDecimal fundingKzt, String guaranteeRef,
                       LocalDate awardedOn, LocalDate studyStart, LocalDate plannedEnd, LocalDate actualEnd) {
}
