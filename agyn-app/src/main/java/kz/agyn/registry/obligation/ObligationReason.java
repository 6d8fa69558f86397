package kz.agyn.registry.obligation;

/**
 * A code explaining an {@link ObligationStatus}; the web layer translates it (suggested message key
 * "obligation.reason." + the constant's name). A status lists its reasons in the order declared here, which
 * puts the ones naming the state first.
 */
public enum ObligationReason {
    /** The state is STUDYING. */
    STUDY_IN_PROGRESS,
    /** Study is over; not back yet; the deadline has not passed. */
    AWAITING_RETURN,
    /** The return deadline passed without a return. */
    RETURN_DEADLINE_PASSED,
    /** Abroad on an approved deferral. */
    DEFERRAL_ACTIVE,
    /** Back; no counted work yet. */
    NO_COUNTED_WORK_YET,
    /** A counted job covers the evaluation date. */
    CURRENTLY_WORKING,
    /** Counted work has begun but no counted job covers the evaluation date. */
    NOT_CURRENTLY_WORKING,
    /** All required days worked. */
    REQUIREMENT_MET,
    /** An officer declared a breach. */
    BREACH_DECLARED,
    /** A repayment schedule is running. */
    REPAYMENT_IN_PROGRESS,
    /** The debt is repaid. */
    DEBT_REPAID,
    /** The debt is written off. */
    DEBT_WRITTEN_OFF,
    /** Eligible for a breach declaration: see the other reasons for why. */
    BREACH_ELIGIBLE,
    /** A break from counted work, after return and outside approved deferrals, longer than the rules allow. */
    BREAK_EXCEEDS_MAX,
    /** The scholar came back after the return deadline. */
    RETURNED_LATE,
    /** The return is known from an officer's confirmation rather than from a job in Kazakhstan. */
    RETURN_CONFIRMED_BY_OFFICER,
    /** A breach was declared earlier and cancelled. */
    BREACH_CANCELLED_EARLIER,
    /** The actual end of study is not recorded; the planned end is used. */
    STUDY_END_PLANNED_ONLY,
    /** Approved deferrals moved the return deadline later. */
    DEADLINE_EXTENDED_BY_DEFERRAL,
    /** No counted day yet: the required days are counted from the day after study and may change by a day. */
    REQUIRED_DAYS_PROVISIONAL,
    /** Breaks between counted jobs stopped the clock. */
    GAP_PAUSED,
    /** Breaks between counted jobs were credited under the grace rule. */
    GAP_WITHIN_GRACE,
    /** Some work was done before study ended and does not count. */
    WORK_BEFORE_STUDY_END_IGNORED,
    /** Some work abroad does not count under the rules. */
    ABROAD_NOT_COUNTED,
    /** Some work in Kazakhstan was outside the regions where work counts. */
    REGION_NOT_COUNTED,
    /** Some work in Kazakhstan has no region recorded, and the rules count only certain regions. */
    REGION_MISSING,
    /** Some work was in a sector the rules do not count. */
    SECTOR_NOT_COUNTED,
    /** Some work was not in the award's specialty and does not count (specialty check REQUIRED). */
    SPECIALTY_NOT_MATCHED,
    /** Some work was not in the award's specialty; it still counts, for the officer to check (FLAG). */
    SPECIALTY_NOT_MATCHED_FLAGGED,
    /** Some work could not be checked against the specialty (no ISCO code, or no table row for the field). */
    SPECIALTY_UNKNOWN,
    /** Work in places with different terms (city and region); the rule for mixed periods applies. */
    MIXED_PLACES,
    /** The term is the regional one: the counted work is outside the cities with the longer term. */
    REGIONAL_TERM,
    /** The internship terms apply. */
    INTERNSHIP_TERM,
    /** The term is shorter because the scholar already held a foreign grant. */
    FOREIGN_GRANT_REDUCTION,
    /** The term is shorter for excellent study. */
    HONOURS_REDUCTION,
    /** What was spent on the award is not recorded; the award's total budget is used instead. */
    SPENT_NOT_RECORDED
}
