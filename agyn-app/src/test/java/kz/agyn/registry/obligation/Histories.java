package kz.agyn.registry.obligation;

import java.time.LocalDate;
import java.util.List;
import kz.agyn.kernel.Money;
import kz.agyn.kernel.RegionCode;

/** Shared fixtures: one Bolashak-like award whose study ends on 30 June 2020, and helpers for histories. */
final class Histories {

    static final String PROGRAMME = "BOLASHAK";
    static final RegionCode ASTANA = RegionCode.parse("710000000");
    static final RegionCode ALMATY = RegionCode.parse("750000000");
    static final RegionCode ALMATY_DISTRICT = RegionCode.parse("751110000");
    static final RegionCode ZHETYSU = RegionCode.parse("330000000");

    /** Study 1 Sep 2018 – 30 Jun 2020; 30,000,000 KZT; rule version 1. */
    static final AwardFacts AWARD = award(LocalDate.of(2020, 6, 30));

    /** Five years anywhere in Kazakhstan, back by 30 Sep 2020, breaks pause, pro rata, no penalty. */
    static final ObligationRules RULES = ObligationRules.defaults(PROGRAMME, 1, LocalDate.of(2010, 1, 1));

    private Histories() {
    }

    static AwardFacts award(LocalDate studyEnd) {
        return new AwardFacts("A-1", PROGRAMME, 1, LocalDate.of(2018, 3, 1), studyEnd.minusYears(2).withDayOfMonth(1),
                studyEnd, studyEnd, Money.kzt(30_000_000));
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static EmploymentEpisode job(String start, String end, RegionCode region) {
        return EmploymentEpisode.inKazakhstan(d(start), end == null ? null : d(end), region, Sector.PRIVATE);
    }

    static EmploymentEpisode abroad(String start, String end, String country) {
        return new EmploymentEpisode(d(start), end == null ? null : d(end), null, country, Sector.PRIVATE);
    }

    static ObligationStatus evaluate(ObligationRules rules, List<EmploymentEpisode> jobs, String asOf) {
        return ObligationEngine.evaluate(AWARD, rules, jobs, List.of(), List.of(), d(asOf));
    }

    /** The rules with some keys changed, as a rules editor would: {@code with(RULES, "gapRule", "GRACE", ...)}. */
    static ObligationRules with(ObligationRules rules, String... keysAndValues) {
        var map = rules.toMap();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return ObligationRules.fromMap(map);
    }
}
