package kz.agyn.demo.registry;

import java.time.LocalDate;

import kz.agyn.registry.scholars.DegreeLevel;
import kz.agyn.registry.scholars.SecurityKind;

/**
 * One scholar's award and what became of the study.
 *
 * @param iscedField ISCED-F 2013 broad field, two digits {@code 00}–{@code 10}
 * @param hostCountry ISO 3166-1 alpha-2
 * @param fundingKzt total cost of the award in KZT at the prices of the call year
 * @param actualEnd null while still studying on {@link SyntheticRegistry#AS_OF}
 * @param deferredUntil end of an approved deferral of the return (further study abroad), or null
 * @param deferralReason {@code FURTHER_STUDY} when deferred, else null
 * @param returnedOn the day the scholar came back to Kazakhstan; null if not (yet) back
 * @param foreignGrant whether the scholar already held a foreign university's grant (the 2025 rules' reduction)
 * @param honours whether the scholar graduated with excellent results (the July 2025 rules' reduction)
 * @param spentKzt what the state has spent on the award so far, or null when not recorded (the budget is then
 *                 used, as in a real file without the column)
 */
public record SyntheticAward(String ref, String scholarRef, String programme, int callYear, LocalDate awardedOn,
        DegreeLevel level, String iscedField, String hostCountry, String hostUniversity, long fundingKzt,
        SecurityKind securityKind, String securityRef, LocalDate studyStart, LocalDate plannedEnd,
        LocalDate actualEnd, LocalDate deferredUntil, String deferralReason, LocalDate returnedOn,
        boolean synthetic, boolean foreignGrant, boolean honours, Long spentKzt) {
}
