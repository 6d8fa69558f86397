package kz.agyn.registry.scholars;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An award as entered. {@code ruleVersion} may be left out: the version of the programme's rules in force on
 * {@code awardedOn} (else on the study start) applies and is stored with the award. {@code foreignGrant} (the
 * scholar already held a foreign grant), {@code honours} (excellent study) and {@code spentKzt} (what was spent on
 * the award so far) may be left out: false, false and not recorded.
 */
public record NewAward(String programme, Integer ruleVersion, Integer callYear, String degree, String field,
                       String university, String country, BigDecimal fundingKzt, String guaranteeRef,
                       LocalDate awardedOn, LocalDate studyStart, LocalDate plannedEnd, LocalDate actualEnd,
                       Boolean foreignGrant, Boolean honours, BigDecimal spentKzt) {

    /** An award without the attributes added for the published rules (issue 15). */
    public NewAward(String programme, Integer ruleVersion, Integer callYear, String degree, String field,
                    String university, String country, BigDecimal fundingKzt, String guaranteeRef,
                    LocalDate awardedOn, LocalDate studyStart, LocalDate plannedEnd, LocalDate actualEnd) {
        this(programme, ruleVersion, callYear, degree, field, university, country, fundingKzt, guaranteeRef,
                awardedOn, studyStart, plannedEnd, actualEnd, null, null, null);
    }
}
