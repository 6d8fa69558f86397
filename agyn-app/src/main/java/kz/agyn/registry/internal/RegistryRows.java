package kz.agyn.registry.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Rows of the registry tables as stored: personal fields, free text and identifying references still encrypted
 * ({@code byte[]}, see {@link EncryptedText}).
 */
public final class RegistryRows {

    private RegistryRows() {
    }

    public record Scholar(long id, byte[] iin, byte[] lastName, byte[] firstName, byte[] patronymic, byte[] nameRu,
                          byte[] nameLatin, byte[] email, byte[] phone, String pseudonym, int birthYear, String sex,
                          boolean synthetic, Instant anonymisedAt) {
    }

    public record Award(long id, long scholarId, String programme, int ruleVersion, int callYear, String degree,
                        String field, String university, String country, BigDecimal fundingKzt, byte[] guaranteeRef,
                        LocalDate awardedOn, LocalDate studyStart, LocalDate plannedEnd, LocalDate actualEnd,
                        boolean synthetic, boolean foreignGrant, boolean honours, BigDecimal spentKzt) {
    }

    public record Employment(long id, long scholarId, byte[] employer, byte[] employerBin, String sector,
                             String region, String country, String isco, LocalDate start, LocalDate end,
                             String salaryBand, byte[] evidence, boolean synthetic) {
    }

    /** A job as the obligation engine reads it: dates, place, sector and occupation, without employer or salary. */
    public record Episode(long scholarId, String sector, String region, String country, LocalDate start,
                          LocalDate end, String isco) {
    }

    public record Deferral(long id, long awardId, LocalDate from, LocalDate to, byte[] reason, String approvedBy) {
    }

    public record Decision(long id, long awardId, String kind, LocalDate date, byte[] reason, String decidedBy) {
    }

    /**
     * A change of state: {@code reason} a code in clear, {@code note} the officer's words, encrypted, or null;
     * {@code at} when it was recorded, {@code effectiveOn} the day it took effect (null in rows recorded before V80).
     */
    public record Status(long awardId, String from, String to, Instant at, String by, String reason, byte[] note,
                         LocalDate effectiveOn) {
    }

    public record RuleSet(int id, String programme, int version, LocalDate validFrom, String rules, String note,
                          String createdBy, Instant createdAt) {
    }

    /** The stored evaluation of an award, as worklists and cohort statistics read it. */
    public record Obligation(long awardId, String state, int daysRequired, int daysWorked, int daysLeft,
                             LocalDate returnDeadline, LocalDate returnedOn, LocalDate fulfilmentDate,
                             BigDecimal repayKzt, String reasons, LocalDate evaluatedOn,
                             BigDecimal owedIfDeclaredKzt) {
    }
}
