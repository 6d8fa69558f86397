package kz.agyn.registry.obligation;

import static kz.agyn.registry.obligation.Histories.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.agyn.kernel.Money;
import org.junit.jupiter.api.Test;

class ObligationRulesTest {

    private static Map<String, String> minimal() {
        Map<String, String> map = new HashMap<>();
        map.put("programme", "BOLASHAK");
        map.put("version", "3");
        map.put("validFrom", "2025-07-13");
        return map;
    }

    @Test
    void absentKeysTakeTheDefaults() {
        assertThat(ObligationRules.fromMap(minimal()))
                .isEqualTo(ObligationRules.defaults("BOLASHAK", 3, d("2025-07-13")));
    }

    @Test
    void everyKeyRoundTripsThroughTheMap() {
        Map<String, String> map = minimal();
        map.put("requiredYears", " 3 ");
        map.put("returnDeadlineMonths", "6");
        map.put("countedRegions", "79,71,,75");
        map.put("abroadCounts", "TRUE");
        map.put("countedSectors", "research_he, PUBLIC");
        map.put("gapRule", "grace");
        map.put("graceDays", "30");
        map.put("maxBreakDays", "180");
        map.put("repayment", "FULL");
        map.put("penaltyRate", "0.100");
        map.put("deferralsExtendDeadline", "false");

        ObligationRules rules = ObligationRules.fromMap(map);

        assertThat(rules.countedRegionPrefixes()).containsExactlyInAnyOrder("71", "75", "79");
        assertThat(rules.countedSectors()).containsExactlyInAnyOrder(Sector.PUBLIC, Sector.RESEARCH_HE);
        assertThat(rules.penaltyRate()).isEqualTo(new BigDecimal("0.1"));
        assertThat(rules.toMap()).containsEntry("countedRegions", "71,75,79")
                .containsEntry("countedSectors", "PUBLIC,RESEARCH_HE")
                .containsEntry("gapRule", "GRACE")
                .containsEntry("penaltyRate", "0.1");
        assertThat(ObligationRules.fromMap(rules.toMap())).isEqualTo(rules);
        assertThat(rules.toMap().keySet()).containsExactlyElementsOf(ObligationRules.KEYS);
    }

    @Test
    void problemsNameTheKeyAndCarryNoStackTrace() {
        assertProblem(put("requiredYears", "five"), ObligationProblem.NOT_A_NUMBER, "requiredYears");
        assertProblem(put("requiredYears", "0"), ObligationProblem.OUT_OF_RANGE, "requiredYears");
        assertProblem(put("requiedYears", "5"), ObligationProblem.UNKNOWN_KEY, "requiedYears");
        assertProblem(put("abroadCounts", "yes"), ObligationProblem.NOT_A_BOOLEAN, "abroadCounts");
        assertProblem(put("gapRule", "SOMETIMES"), ObligationProblem.NOT_AN_OPTION, "gapRule");
        assertProblem(put("gapRule", "GRACE"), ObligationProblem.OUT_OF_RANGE, "graceDays");
        assertProblem(put("graceDays", "10"), ObligationProblem.OUT_OF_RANGE, "graceDays");
        assertProblem(put("countedRegions", "71,Astana"), ObligationProblem.BAD_REGION_PREFIX, "countedRegions");
        assertProblem(put("countedSectors", "MILITARY"), ObligationProblem.NOT_AN_OPTION, "countedSectors");
        assertProblem(put("penaltyRate", "10%"), ObligationProblem.NOT_A_DECIMAL, "penaltyRate");
        assertProblem(put("penaltyRate", "1.5"), ObligationProblem.OUT_OF_RANGE, "penaltyRate");
        assertProblem(put("validFrom", "13.07.2025"), ObligationProblem.NOT_A_DATE, "validFrom");
        assertProblem(put("programme", "bolashak"), ObligationProblem.BAD_PROGRAMME, "programme");
        assertProblem(put("version", " "), ObligationProblem.MISSING, "version");
    }

    @Test
    void theKeysOfThePublishedRulesRoundTripAndOldTextMeansWhatItMeant() {
        Map<String, String> map = minimal();
        map.put("requiredYears", "5");
        map.put("cityRegions", "79, 71,75");
        map.put("regionYears", "3");
        map.put("internshipYears", "3");
        map.put("foreignGrantYearsLess", "1");
        map.put("honoursYearsLess", "1");
        map.put("mixedPlaces", "longest");
        map.put("specialtyCheck", "REQUIRED");
        map.put("specialtyAny", "11,23");
        map.put("specialty.06", "25, 35");
        map.put("specialty.061", "251");
        map.put("lateReturnBreach", "true");
        map.put("maxInstalmentYears", "10");

        ObligationRules rules = ObligationRules.fromMap(map);

        // internshipRegionYears was left out: it defaults to regionYears, not to requiredYears.
        assertThat(rules.internshipRegionYears()).isEqualTo(3);
        assertThat(rules.mixedPlaces()).isEqualTo(MixedPlaces.LONGEST);
        assertThat(rules.specialtyTable()).containsEntry("06", java.util.Set.of("25", "35"));
        assertThat(rules.toMap()).containsEntry("cityRegions", "71,75,79").containsEntry("specialty.06", "25,35");
        assertThat(ObligationRules.fromMap(rules.toMap())).isEqualTo(rules);
        // The narrow field's row wins over the broad one; a manager matches any field.
        assertThat(rules.specialty("061", "251")).isNull();
        assertThat(rules.specialty("061", "25")).isEqualTo(ObligationReason.SPECIALTY_NOT_MATCHED);
        assertThat(rules.specialty("062", "25")).isNull();
        assertThat(rules.specialty("09", "22")).isEqualTo(ObligationReason.SPECIALTY_UNKNOWN);
        assertThat(rules.specialty("09", "1120")).isNull();

        // A rule set written before these keys: one term everywhere, nothing checked, nothing reduced.
        ObligationRules old = ObligationRules.fromMap(minimal());
        assertThat(old.regionYears()).isEqualTo(old.requiredYears());
        assertThat(old.cityRegionPrefixes()).isEmpty();
        assertThat(old.specialtyCheck()).isEqualTo(SpecialtyCheck.OFF);
        assertThat(old.lateReturnBreach()).isFalse();
    }

    @Test
    void problemsWithTheNewKeysNameTheKey() {
        assertProblem(put("regionYears", "0"), ObligationProblem.OUT_OF_RANGE, "regionYears");
        assertProblem(put("cityRegions", "71,Almaty"), ObligationProblem.BAD_REGION_PREFIX, "cityRegions");
        assertProblem(put("mixedPlaces", "AVERAGE"), ObligationProblem.NOT_AN_OPTION, "mixedPlaces");
        assertProblem(put("specialtyCheck", "MAYBE"), ObligationProblem.NOT_AN_OPTION, "specialtyCheck");
        assertProblem(put("specialty.06", "25,ICT"), ObligationProblem.BAD_ISCO_PREFIX, "specialty.06");
        assertProblem(put("specialty.6", "25"), ObligationProblem.BAD_FIELD, "specialty.6");
        assertProblem(put("specialtyAny", "manager"), ObligationProblem.BAD_ISCO_PREFIX, "specialtyAny");
        assertProblem(put("maxInstalmentYears", "40"), ObligationProblem.OUT_OF_RANGE, "maxInstalmentYears");
        assertProblem(put("repayment", "HALF"), ObligationProblem.NOT_AN_OPTION, "repayment");
    }

    private static Map<String, String> put(String key, String value) {
        Map<String, String> map = minimal();
        map.put(key, value);
        return map;
    }

    private static void assertProblem(Map<String, String> map, ObligationProblem problem, String field) {
        assertThatThrownBy(() -> ObligationRules.fromMap(map))
                .isInstanceOfSatisfying(ObligationException.class, e -> {
                    assertThat(e.problem()).isEqualTo(problem);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.code()).isEqualTo(problem.key());
                    assertThat(e.args()[0]).isEqualTo(field);
                    assertThat(e.getStackTrace()).isEmpty();
                });
    }

    @Test
    void theAwardsRuleVersionAppliesEvenAfterTheRulesChange() {
        ObligationRules v1 = ObligationRules.defaults("BOLASHAK", 1, d("2010-01-01"));
        Map<String, String> changed = v1.toMap();
        changed.put("version", "2");
        changed.put("validFrom", "2025-01-01");
        changed.put("requiredYears", "4");
        ObligationRules v2 = ObligationRules.fromMap(changed);
        ObligationRules internship = ObligationRules.defaults("INTERNSHIP", 1, d("2010-01-01"));
        RuleBook book = new RuleBook(List.of(v2, internship, v1));

        AwardFacts before = award(null, "2020-03-01");
        AwardFacts after = award(null, "2025-03-01");
        AwardFacts recordedV1 = award(1, "2025-03-01");

        assertThat(book.forAward(before)).isEqualTo(v1);
        assertThat(book.forAward(after)).isEqualTo(v2);
        assertThat(book.forAward(recordedV1)).isEqualTo(v1);
        assertThat(book.versions("BOLASHAK")).containsExactly(v1, v2);

        // The same history, 2 years worked by 30 Jun 2022, under each award's own rules: 5 years (1826 days
        // from 1 Jul 2020, with 29 Feb 2024) for the old award, 4 (1461, same leap day) under version 2.
        List<EmploymentEpisode> jobs = List.of(Histories.job("2020-07-01", null, Histories.ASTANA));
        List<ObligationStatus> statuses = ObligationEngine.evaluateAll(book, List.of(
                new ObligationCase(before, jobs, List.of(), List.of()),
                new ObligationCase(after, jobs, List.of(), List.of())), d("2022-06-30"));
        assertThat(statuses).extracting(ObligationStatus::ruleVersion).containsExactly(1, 2);
        assertThat(statuses).extracting(ObligationStatus::daysRequired).containsExactly(1826L, 1461L);
        assertThat(statuses).extracting(ObligationStatus::daysWorked).containsExactly(730L, 730L);
    }

    @Test
    void theBookRefusesDuplicatesAndAwardsBeforeAnyRules() {
        ObligationRules v1 = ObligationRules.defaults("BOLASHAK", 1, d("2010-01-01"));
        assertThatThrownBy(() -> new RuleBook(List.of(v1, ObligationRules.defaults("BOLASHAK", 1, d("2012-01-01")))))
                .isInstanceOfSatisfying(ObligationException.class,
                        e -> assertThat(e.problem()).isEqualTo(ObligationProblem.DUPLICATE_VERSION));

        RuleBook book = new RuleBook(List.of(v1));
        assertThatThrownBy(() -> book.forAward(award(null, "2009-12-31")))
                .isInstanceOfSatisfying(ObligationException.class,
                        e -> assertThat(e.problem()).isEqualTo(ObligationProblem.NO_RULES));
        assertThatThrownBy(() -> book.forAward(award(7, "2020-01-01")))
                .isInstanceOfSatisfying(ObligationException.class,
                        e -> assertThat(e.problem()).isEqualTo(ObligationProblem.NO_RULES));
        assertThat(book.versions("UNKNOWN")).isEmpty();
    }

    @Test
    void inputsValidateThemselves() {
        assertThatThrownBy(() -> Histories.job("2021-01-02", "2021-01-01", null))
                .isInstanceOfSatisfying(ObligationException.class,
                        e -> assertThat(e.problem()).isEqualTo(ObligationProblem.DATES_OUT_OF_ORDER));
        assertThatThrownBy(() -> Histories.abroad("2021-01-01", null, "DEU"))
                .isInstanceOfSatisfying(ObligationException.class,
                        e -> assertThat(e.problem()).isEqualTo(ObligationProblem.BAD_COUNTRY));
        assertThatThrownBy(() -> new AwardFacts("A", "BOLASHAK", 1, d("2018-01-01"), d("2018-09-01"),
                d("2020-06-30"), null, Money.of(1000, "USD")))
                .isInstanceOfSatisfying(ObligationException.class,
                        e -> assertThat(e.problem()).isEqualTo(ObligationProblem.NOT_TENGE));
        assertThat(Set.of(ObligationProblem.values())).allSatisfy(p -> assertThat(p.key()).startsWith("obligation.error."));
    }

    private static AwardFacts award(Integer version, String awardedOn) {
        return new AwardFacts("A", "BOLASHAK", version, d(awardedOn), d("2018-09-01"), d("2020-06-30"),
                d("2020-06-30"), Money.kzt(20_000_000));
    }
}
