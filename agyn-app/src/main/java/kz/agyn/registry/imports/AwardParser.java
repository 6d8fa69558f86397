package kz.agyn.registry.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import kz.agyn.registry.obligation.ObligationService;
import kz.agyn.registry.scholars.DegreeLevel;
import kz.agyn.registry.scholars.SecurityKind;
import kz.agyn.tabular.Location;

/**
 * The awards file: one award a row, for a scholar of the files or of the registry, under a programme whose rules
 * exist, with its study dates in order. References repeated across rows are {@link RegistryImportChecks}'s.
 * {@code fileScholars} are the references the scholars files gave, {@code registryScholars} those already there.
 */
record AwardParser(Set<String> fileScholars, Set<String> registryScholars, ReferenceCodes codes)
        implements RowParser<AwardParser.AwardIn> {

    /** An award's row, checked; {@code at} is its file, sheet and row. */
    record AwardIn(Location at, String ref, String scholarRef, String programme, int callYear, LocalDate awardedOn,
                   DegreeLevel degree, String field, String country, String university, BigDecimal funding,
                   SecurityKind securityKind, String securityRef, LocalDate start, LocalDate planned,
                   LocalDate actual, LocalDate deferredUntil, String deferralReason, LocalDate returnedOn,
                   boolean synthetic, boolean foreignGrant, boolean honours, BigDecimal spent) {
    }

    private static final List<String> REQUIRED = List.of("award_ref", "scholar_ref", "call_year", "degree_level",
            "isced_f", "host_country", "host_university", "funding_kzt", "study_start", "planned_end");

    @Override
    public List<String> required() {
        return REQUIRED;
    }

    @Override
    public AwardIn parse(Cells c) {
        String ref = c.ref("award_ref");
        String scholarRef = c.scholarRef(fileScholars, registryScholars);
        String programme = c.optional("programme");
        programme = programme == null ? ObligationService.BOLASHAK : programme.toUpperCase(Locale.ROOT);
        if (!ObligationService.BOLASHAK.equals(programme) && !codes.programmes().contains(programme)) {
            c.problem("programme", "registry.rules.unknownProgramme", programme);
        }
        Integer callYear = c.integer("call_year", 1993, 2100);
        LocalDate awardedOn = c.date("awarded_on", false);
        DegreeLevel degree = c.requiredCode("degree_level", DegreeLevel.class);
        String field = c.required("isced_f");
        if (field != null && !field.matches("\\d{2,4}")) {
            c.problem("isced_f", "registry.award.badField", field);
        }
        String country = c.country("host_country", codes.countries());
        String university = c.required("host_university");
        Integer funding = c.integer("funding_kzt", 0, Integer.MAX_VALUE);
        SecurityKind securityKind = c.optionalCode("security_kind", SecurityKind.class);
        String securityRef = c.optional("security_ref");
        LocalDate start = c.date("study_start", true);
        LocalDate planned = c.date("planned_end", true);
        LocalDate actual = c.date("actual_end", false);
        LocalDate deferred = c.date("deferred_until", false);
        String deferralReason = c.optional("deferral_reason");
        LocalDate returned = c.date("returned_on", false);
        c.order("planned_end", start, planned, false);
        c.order("actual_end", start, actual, true);
        c.order("returned_on", start, returned, true);
        c.order("deferred_until", actual != null ? actual : planned, deferred, true);
        boolean synthetic = c.bool("synthetic");
        // Added for the published rules (issue 15); files without these columns mean: no foreign grant, no honours,
        // spending not recorded, which is how every award was judged before.
        boolean foreignGrant = c.bool("foreign_grant");
        boolean honours = c.bool("honours");
        BigDecimal spent = c.optionalAmount("spent_kzt");
        if (c.bad()) {
            return null;
        }
        return new AwardIn(c.at(), ref, scholarRef, programme, callYear, awardedOn, degree, field, country,
                university, BigDecimal.valueOf(funding), securityKind, securityRef, start, planned, actual, deferred,
                deferralReason == null ? "FURTHER_STUDY" : deferralReason, returned, synthetic, foreignGrant, honours,
                spent);
    }
}
