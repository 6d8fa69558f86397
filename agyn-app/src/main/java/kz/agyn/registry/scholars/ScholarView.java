package kz.agyn.registry.scholars;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import kz.agyn.registry.obligation.ObligationStatus;

/**
 * A scholar's record as one caller may see it. With {@code personal} false (an analyst) the IIN, names,
 * contacts, birth date, employers, BINs, evidence, guarantee references and every officer's reason or note are
 * null and the record is known by its {@code pseudonym} only; a {@code …Hidden} flag then says that a reason or
 * note exists and was withheld.
 */
public record ScholarView(long id, String pseudonym, boolean personal, String iin, String lastName, String firstName,
                          String patronymic, String nameRu, String nameLatin, String email, String phone,
                          LocalDate birthDate, int birthYear, String sex, boolean synthetic, Instant anonymisedAt,
                          List<AwardView> awards, List<EmploymentView> employments) {

    /** An award with its obligation as evaluated today and the history of its states. */
    public record AwardView(long id, String programme, int ruleVersion, int callYear, String degree, String field,
                            String university, String country, BigDecimal fundingKzt, String guaranteeRef,
                            LocalDate studyStart, LocalDate plannedEnd, LocalDate actualEnd,
                            ObligationStatus obligation, List<DeferralView> deferrals, List<DecisionView> decisions,
                            List<StatusEntry> history, boolean foreignGrant, boolean honours, BigDecimal spentKzt) {
    }

    public record EmploymentView(long id, String employer, String employerBin, String sector, String region,
                                 String country, String isco, LocalDate start, LocalDate end, String salaryBand,
                                 String evidence, boolean synthetic) {
    }

    public record DeferralView(long id, LocalDate from, LocalDate to, String reason, boolean reasonHidden,
                               String approvedBy) {
    }

    public record DecisionView(long id, String type, LocalDate date, String reason, boolean reasonHidden,
                               String decidedBy) {
    }

    /**
     * A change of state. {@code reason} is a code: an {@link kz.agyn.registry.obligation.ObligationReason} for
     * evaluation, a {@link kz.agyn.registry.obligation.DecisionType} for a decision, CORRECTION, or NOTE;
     * {@code note} is the officer's words. {@code at} is when it was recorded, {@code effectiveOn} the day it took
     * effect (a breach of 1 June 2024 recorded in December is effective on 1 June), null for rows recorded before
     * effective days were kept.
     */
    public record StatusEntry(String from, String to, Instant at, String by, String reason, String note,
                              boolean noteHidden, LocalDate effectiveOn) {
    }
}
