package kz.agyn.registry.obligation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kz.agyn.kernel.Money;
import kz.agyn.kernel.RegionCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Bolashak rules as the V80 migration seeds them, checked case by case against figures worked out by hand
 * (and re-checked with a calculator outside Agyn). Each case names the published rule it checks. The rules are
 * read from the migration itself, so what is tested is what a database starts with.
 *
 * <p>Unless a case says otherwise: awarded 1 Mar 2018 (version 2), study 1 Sep 2018 – 30 Jun 2020, so work counts
 * from 1 Jul 2020 and the return deadline is 30 Sep 2020; budget 30,000,000 KZT, spending not recorded.
 */
class PublishedRulesTableTest {

    static final RegionCode ASTANA = RegionCode.parse("710000000");
    static final RegionCode ALMATY = RegionCode.parse("750000000");
    static final RegionCode ALMATY_DISTRICT = RegionCode.parse("751110000");
    static final RegionCode SHYMKENT = RegionCode.parse("790000000");
    static final RegionCode PAVLODAR = RegionCode.parse("550000000");

    static final RuleBook BOOK = new RuleBook(seededRules());

    static final AwardFacts BASE = new AwardFacts("A", "BOLASHAK", null, d("2018-03-01"), d("2018-09-01"),
            d("2020-06-30"), d("2020-06-30"), Money.kzt(30_000_000), "MASTER", "06", false, false, null);

    /** An award of 2025 or later: study 1 Sep 2025 – 30 Jun 2027, work from 1 Jul 2027. */
    static AwardFacts award2025(String awardedOn, boolean foreignGrant, boolean honours) {
        return new AwardFacts("A", "BOLASHAK", null, d(awardedOn), d("2025-09-01"), d("2027-06-30"),
                d("2027-06-30"), Money.kzt(30_000_000), "MASTER", "06", foreignGrant, honours, null);
    }

    /**
     * One case: the rule it checks, the inputs, and what was worked out by hand. Null expectations are not
     * checked.
     */
    record Case(String name, String rule, AwardFacts award, UnaryOperator<Map<String, String>> ruleEdit,
                List<EmploymentEpisode> jobs, List<Deferral> deferrals, List<Decision> decisions, String asOf,
                ObligationState state, Long daysRequired, Long daysLeft, String fulfilledOn, Integer termYears,
                List<ObligationReason> reasons, Boolean eligible, Long owedTotal, Long owedIfDeclaredToday,
                String stateSince) {

        @Override
        public String toString() {
            return name + " — " + rule;
        }
    }

    static Stream<Case> cases() {
        List<Case> c = new ArrayList<>();
        // 1. 1 Sep 2020 + 5 years = 1 Sep 2025: 1,826 days (29 Feb 2024 inside); the 1,826th day is 31 Aug 2025.
        c.add(new Case("city: Astana", "5 years when working in Astana, Almaty or Shymkent", BASE, null,
                List.of(job("2020-09-01", null, ASTANA, "25")), List.of(), List.of(), "2025-08-31",
                ObligationState.FULFILLED, 1826L, 0L, "2025-08-31", 5, List.of(), false, null, null, "2025-08-31"));
        // 2. A district of Almaty (KATO 751…) is Almaty: the same 1,826 days; on 31 Dec 2021, 487 worked
        //    (122 in 2020 + 365), 1,339 left, projected 31 Dec 2021 + 1,339 days = 31 Aug 2025.
        c.add(new Case("city: Almaty district", "5 years in Almaty, by KATO prefix 75", BASE, null,
                List.of(job("2020-09-01", null, ALMATY_DISTRICT, "25")), List.of(), List.of(), "2021-12-31",
                ObligationState.WORKING_OFF, 1826L, 1339L, null, 5, List.of(ObligationReason.CURRENTLY_WORKING),
                false, null, null, "2020-09-01"));
        // 3. 1 Sep 2020 + 3 years = 1 Sep 2023: 1,095 days (no 29 February inside); last day 31 Aug 2023.
        c.add(new Case("region: Pavlodar", "3 years in the regions", BASE, null,
                List.of(job("2020-09-01", null, PAVLODAR, "25")), List.of(), List.of(), "2023-08-31",
                ObligationState.FULFILLED, 1095L, 0L, "2023-08-31", 3, List.of(ObligationReason.REGIONAL_TERM),
                false, null, null, "2023-08-31"));
        // 4. Mixed, proportional. Almaty 1 Sep 2020 – 31 Aug 2022 = 730 days = 730/1,826 of the city term
        //    (40.0%); the rest is 1,096/1,826 of the regional term of 1,095 days = 657.24, so 658 days in Pavlodar
        //    from 1 Sep 2022: the 658th is 19 Jun 2024.
        c.add(new Case("mixed: 2 years in Almaty, then Pavlodar", "5 years in the cities, 3 in the regions; mixed "
                + "periods counted in proportion (mixedPlaces = PROPORTIONAL)", BASE, null,
                List.of(job("2020-09-01", "2022-08-31", ALMATY, "25"), job("2022-09-01", null, PAVLODAR, "25")),
                List.of(), List.of(), "2024-06-19", ObligationState.FULFILLED, 1095L, 0L, "2024-06-19", 3,
                List.of(ObligationReason.MIXED_PLACES, ObligationReason.REGIONAL_TERM), false, null, null,
                "2024-06-19"));
        // 5. The day before: one regional day left.
        c.add(new Case("mixed: the day before fulfilment", "mixed periods counted in proportion", BASE, null,
                List.of(job("2020-09-01", "2022-08-31", ALMATY, "25"), job("2022-09-01", null, PAVLODAR, "25")),
                List.of(), List.of(), "2024-06-18", ObligationState.WORKING_OFF, 1095L, 1L, null, 3, null, false,
                null, null, null));
        // 6. Mixed the other way: Pavlodar 1 Sep 2020 – 31 Aug 2021 = 365 of 1,095 days (1/3); the other 2/3 of
        //    1,826 city days = 1,217.3, so 1,218 days in Astana from 1 Sep 2021: the 1,218th is 31 Dec 2024.
        c.add(new Case("mixed: a year in Pavlodar, then Astana", "mixed periods counted in proportion", BASE, null,
                List.of(job("2020-09-01", "2021-08-31", PAVLODAR, "25"), job("2021-09-01", null, ASTANA, "25")),
                List.of(), List.of(), "2024-12-31", ObligationState.FULFILLED, 1826L, 0L, "2024-12-31", 5,
                List.of(ObligationReason.MIXED_PLACES), false, null, null, null));
        // 7. The same as case 4 under the stricter reading: every day against 5 years, 1,826 days from 1 Sep 2020.
        c.add(new Case("mixed, LONGEST reading", "mixedPlaces = LONGEST: any city work puts all under 5 years",
                BASE, r -> put(r, "mixedPlaces", "LONGEST"),
                List.of(job("2020-09-01", "2022-08-31", ALMATY, "25"), job("2022-09-01", null, PAVLODAR, "25")),
                List.of(), List.of(), "2025-08-31", ObligationState.FULFILLED, 1826L, 0L, "2025-08-31", 5, null,
                false, null, null, null));
        // 8. ICT (06) and a health professional (ISCO 22): flagged, still counted (the seeded table is FLAG).
        c.add(new Case("specialty: mismatch flagged", "work in the specialty received (table not confirmed: FLAG)",
                BASE, null, List.of(job("2020-09-01", null, ASTANA, "22")), List.of(), List.of(), "2021-08-31",
                ObligationState.WORKING_OFF, 1826L, 1826L - 365, null, 5,
                List.of(ObligationReason.SPECIALTY_NOT_MATCHED_FLAGGED), false, null, null, null));
        // 9. The same with the table confirmed (REQUIRED): the job does not count; back, no counted work.
        c.add(new Case("specialty: mismatch required", "work in the specialty received (specialtyCheck = REQUIRED)",
                BASE, r -> put(r, "specialtyCheck", "REQUIRED"), List.of(job("2020-09-01", null, ASTANA, "22")),
                List.of(), List.of(), "2021-08-31", ObligationState.RETURNED, null, null, null, 5,
                List.of(ObligationReason.SPECIALTY_NOT_MATCHED), null, null, null, "2020-09-01"));
        // 10. ICT and an ICT professional (25): counts, no specialty reason.
        c.add(new Case("specialty: match", "ICT (ISCED 06) ↔ ICT professionals (ISCO 25)", BASE,
                r -> put(r, "specialtyCheck", "REQUIRED"), List.of(job("2020-09-01", null, ASTANA, "25")),
                List.of(), List.of(), "2021-08-31", ObligationState.WORKING_OFF, 1826L, 1461L, null, 5, List.of(),
                false, null, null, null));
        // 11. A manager (ISCO 12) matches every field (specialtyAny).
        c.add(new Case("specialty: manager", "managers count in any field (specialtyAny = 11–14, 23)", BASE,
                r -> put(r, "specialtyCheck", "REQUIRED"), List.of(job("2020-09-01", null, ASTANA, "12")),
                List.of(), List.of(), "2021-08-31", ObligationState.WORKING_OFF, 1826L, 1461L, null, 5, List.of(),
                false, null, null, null));
        // 12. No ISCO code: cannot be judged, counted, said so.
        c.add(new Case("specialty: unknown occupation", "a job without ISCO cannot be judged: counted, flagged",
                BASE, r -> put(r, "specialtyCheck", "REQUIRED"), List.of(job("2020-09-01", null, ASTANA, null)),
                List.of(), List.of(), "2021-08-31", ObligationState.WORKING_OFF, 1826L, 1461L, null, 5,
                List.of(ObligationReason.SPECIALTY_UNKNOWN), false, null, null, null));
        // 13. Awarded 1 Mar 2025 (version 3) with a foreign grant: 4 years in Astana from 1 Jul 2027 = 1,461
        //     days (29 Feb 2028 inside); last day 30 Jun 2031.
        c.add(new Case("foreign grant, city", "from 2025, 4 years for applicants who already hold a foreign grant",
                award2025("2025-03-01", true, false), null, List.of(job("2027-07-01", null, ASTANA, "25")),
                List.of(), List.of(), "2031-06-30", ObligationState.FULFILLED, 1461L, 0L, "2031-06-30", 4,
                List.of(ObligationReason.FOREIGN_GRANT_REDUCTION), false, null, null, null));
        // 14. The same in Pavlodar: 2 years = 731 days (29 Feb 2028); last day 30 Jun 2029.
        c.add(new Case("foreign grant, region", "from 2025, 2 years in the regions with a foreign grant",
                award2025("2025-03-01", true, false), null, List.of(job("2027-07-01", null, PAVLODAR, "25")),
                List.of(), List.of(), "2029-06-30", ObligationState.FULFILLED, 731L, 0L, "2029-06-30", 2, null,
                false, null, null, null));
        // 15. A foreign grant but awarded 1 May 2024 (version 2): no reduction. Same study dates as the 2025 awards,
        //     work from 1 Jul 2027: 5 years = 1,827 days (29 Feb 2028 and 2032); on 30 Jun 2028, 366 worked.
        c.add(new Case("foreign grant before 2025", "the 2025 change applies to awards from 2025 only",
                award2025("2024-05-01", true, false), null, List.of(job("2027-07-01", null, ASTANA, "25")),
                List.of(), List.of(), "2028-06-30", ObligationState.WORKING_OFF, 1827L, 1827L - 366, null, 5,
                List.of(ObligationReason.CURRENTLY_WORKING), false, null, null, null));
        // 16. Honours, awarded 1 Aug 2025 (version 4): 4 years in Astana = 1,461 days.
        c.add(new Case("honours from 13 July 2025", "from 13 July 2025, one year less for excellent study",
                award2025("2025-08-01", false, true), null, List.of(job("2027-07-01", null, ASTANA, "25")),
                List.of(), List.of(), "2031-06-30", ObligationState.FULFILLED, 1461L, 0L, "2031-06-30", 4,
                List.of(ObligationReason.HONOURS_REDUCTION), false, null, null, null));
        // 17. Honours, awarded 12 Jul 2025 (version 3): no reduction, 5 years = 1,827 days.
        c.add(new Case("honours a day too early", "the honours reduction applies from 13 July 2025",
                award2025("2025-07-12", false, true), null, List.of(job("2027-07-01", null, ASTANA, "25")),
                List.of(), List.of(), "2028-06-30", ObligationState.WORKING_OFF, 1827L, 1827L - 366, null, 5, null,
                false, null, null, null));
        // 18. Both reductions in Pavlodar: 3 - 1 - 1 = 1 year = 366 days (29 Feb 2028); last day 30 Jun 2028.
        c.add(new Case("foreign grant and honours, region", "both 2025 reductions, never below minimumYears = 1",
                award2025("2025-08-01", true, true), null, List.of(job("2027-07-01", null, PAVLODAR, "25")),
                List.of(), List.of(), "2028-06-30", ObligationState.FULFILLED, 366L, 0L, "2028-06-30", 1, null,
                false, null, null, null));
        // 19. Internship in Astana: 3 years from 1 Sep 2020 = 1,095 days; last day 31 Aug 2023.
        c.add(new Case("internship, city", "internship programmes: shorter terms, 2–3 years (3 in the cities)",
                internship(), null, List.of(job("2020-09-01", null, ASTANA, "25")), List.of(), List.of(),
                "2023-08-31", ObligationState.FULFILLED, 1095L, 0L, "2023-08-31", 3,
                List.of(ObligationReason.INTERNSHIP_TERM), false, null, null, null));
        // 20. Internship in Pavlodar: 2 years from 1 Sep 2020 = 730 days; last day 31 Aug 2022.
        c.add(new Case("internship, region", "internship programmes: 2 years in the regions", internship(), null,
                List.of(job("2020-09-01", null, PAVLODAR, "25")), List.of(), List.of(), "2022-08-31",
                ObligationState.FULFILLED, 730L, 0L, "2022-08-31", 2, null, false, null, null, null));
        // 21. A deferral of 365 days (1 Jul 2020 – 30 Jun 2021) moves the deadline from 30 Sep 2020 to 30 Sep
        //     2021; abroad with permission on 1 Mar 2021.
        c.add(new Case("deferral: abroad with permission", "deferrals are granted", BASE, null, List.of(),
                List.of(new Deferral(d("2020-07-01"), d("2021-06-30"), "FURTHER_STUDY")), List.of(), "2021-03-01",
                ObligationState.ABROAD_PERMITTED, null, null, null, 5,
                List.of(ObligationReason.DEADLINE_EXTENDED_BY_DEFERRAL), false, null, 33_000_000L, "2020-07-01"));
        // 22. Not back on 1 Oct 2021: overdue from that day; a breach declared then would cost the budget (spending
        //     not recorded) + 10% = 33,000,000.
        c.add(new Case("deferral ended, not back", "not returning is a breach ground", BASE, null, List.of(),
                List.of(new Deferral(d("2020-07-01"), d("2021-06-30"), "FURTHER_STUDY")), List.of(), "2021-10-01",
                ObligationState.OVERDUE, null, null, null, 5,
                List.of(ObligationReason.SPENT_NOT_RECORDED), true, null, 33_000_000L, "2021-10-01"));
        // 23. Back 23 months after the deadline of 30 Sep 2020 (a job from 30 Aug 2022): working, but a breach
        //     may be declared (lateReturnBreach).
        c.add(new Case("late return", "not returning (in time) is a breach ground; deadline 3 months after study",
                BASE, null, List.of(job("2022-08-30", null, ASTANA, "25")), List.of(), List.of(), "2023-01-01",
                ObligationState.WORKING_OFF, null, null, null, 5,
                List.of(ObligationReason.RETURNED_LATE, ObligationReason.BREACH_ELIGIBLE), true, null, null,
                "2022-08-30"));
        // 24. An 8-month break (1 Sep 2021 – 30 Apr 2022 = 242 days > 180): breach-eligible, as before.
        c.add(new Case("break between jobs", "continuous work: breaks over maxBreakDays = 180", BASE, null,
                List.of(job("2020-09-01", "2021-08-31", ASTANA, "25"), job("2022-05-01", null, ASTANA, "25")),
                List.of(), List.of(), "2022-06-01", ObligationState.WORKING_OFF, null, null, null, 5,
                List.of(ObligationReason.BREAK_EXCEEDS_MAX, ObligationReason.BREACH_ELIGIBLE), true, null, null,
                "2022-05-01"));
        // 25. Lost the scholarship mid-study on 1 Jun 2019 after 8,000,000 of a 22,000,000 budget were spent:
        //     owes 8,000,000 + 10% = 8,800,000 (not 22,000,000 + 10%). In breach since 1 Jun 2019.
        c.add(new Case("breach mid-study", "losing the scholarship: repay what was spent plus 10%",
                new AwardFacts("A", "BOLASHAK", null, d("2018-03-01"), d("2018-09-01"), d("2020-06-30"), null,
                        Money.kzt(22_000_000), "MASTER", "06", false, false, Money.kzt(8_000_000)), null,
                List.of(), List.of(), List.of(decision("2019-06-01", DecisionType.BREACH_DECLARED)), "2019-12-01",
                ObligationState.IN_BREACH, null, null, null, 5, List.of(ObligationReason.BREACH_DECLARED), false,
                8_800_000L, null, "2019-06-01"));
        // 26. Breach after two years' work in Astana, declared 1 Sep 2022: 731 days worked (1 Sep 2020 – 1 Sep
        //     2022), 1,095 of 1,826 left. Spent 30,000,000 × 1,095 / 1,826 = 17,990,142.39 → 17,990,142; 10% =
        //     1,799,014; total 19,789,156.
        c.add(new Case("breach after partial work", "repay what was spent (pro rata to what is left) plus 10%",
                new AwardFacts("A", "BOLASHAK", null, d("2018-03-01"), d("2018-09-01"), d("2020-06-30"),
                        d("2020-06-30"), Money.kzt(30_000_000), "MASTER", "06", false, false, Money.kzt(30_000_000)),
                null, List.of(job("2020-09-01", null, ASTANA, "25")), List.of(),
                List.of(decision("2022-09-01", DecisionType.BREACH_DECLARED)), "2023-01-01",
                ObligationState.IN_BREACH, 1826L, 1095L, null, 5, null, false, 19_789_156L, null, "2022-09-01"));
        // 27. Instalments: the mid-study breach of case 25 under a schedule from 1 Jul 2019; the debt stays 8,800,000
        //     (see the payments test for what is still outstanding). Repaying since 1 Jul 2019.
        c.add(new Case("instalments agreed", "instalments of up to 15 years have been granted",
                new AwardFacts("A", "BOLASHAK", null, d("2018-03-01"), d("2018-09-01"), d("2020-06-30"), null,
                        Money.kzt(22_000_000), "MASTER", "06", false, false, Money.kzt(8_000_000)), null,
                List.of(), List.of(), List.of(decision("2019-06-01", DecisionType.BREACH_DECLARED),
                        decision("2019-07-01", DecisionType.REPAYMENT_STARTED)), "2020-01-01",
                ObligationState.REPAYING, null, null, null, 5, List.of(ObligationReason.REPAYMENT_IN_PROGRESS), false,
                8_800_000L, null, "2019-07-01"));
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void publishedRule(Case c) {
        ObligationRules rules = BOOK.forAward(c.award());
        if (c.ruleEdit() != null) {
            rules = ObligationRules.fromMap(c.ruleEdit().apply(new LinkedHashMap<>(rules.toMap())));
        }
        ObligationStatus s = ObligationEngine.evaluate(c.award(), rules, c.jobs(), c.deferrals(), c.decisions(),
                d(c.asOf()));

        assertThat(s.state()).as("state").isEqualTo(c.state());
        if (c.daysRequired() != null) {
            assertThat(s.daysRequired()).as("days required").isEqualTo(c.daysRequired());
        }
        if (c.daysLeft() != null) {
            assertThat(s.daysLeft()).as("days left").isEqualTo(c.daysLeft());
        }
        if (c.fulfilledOn() != null) {
            assertThat(s.fulfilledOn()).as("fulfilled on").isEqualTo(d(c.fulfilledOn()));
        }
        if (c.termYears() != null) {
            assertThat(s.termYears()).as("term").isEqualTo(c.termYears());
        }
        if (c.reasons() != null) {
            assertThat(s.reasons()).as("reasons").containsAll(c.reasons());
        }
        if (c.eligible() != null) {
            assertThat(s.breachEligible()).as("breach-eligible").isEqualTo(c.eligible());
        }
        if (c.owedTotal() != null) {
            assertThat(s.repayment().total()).as("owed").isEqualTo(Money.kzt(c.owedTotal()));
        }
        if (c.owedIfDeclaredToday() != null) {
            assertThat(s.owedIfDeclaredToday().total()).as("owed if declared today")
                    .isEqualTo(Money.kzt(c.owedIfDeclaredToday()));
        }
        if (c.stateSince() != null) {
            assertThat(s.stateSince()).as("state since").isEqualTo(d(c.stateSince()));
        }
    }

    @Test
    void atLeastTwentyCasesEachCitingARule() {
        assertThat(cases().toList()).hasSizeGreaterThanOrEqualTo(20).allSatisfy(c -> assertThat(c.rule()).isNotBlank());
    }

    @Test
    void instalmentsReduceWhatIsOutstandingOnlyUpToTheDayAsked() {
        // 8,800,000 owed; 1,000,000 paid on 1 Aug 2019, 1 Sep 2019 and 1 Oct 2019. On 15 Sep 2019 two are in:
        // 6,800,000 outstanding; on 1 Jan 2020 all three: 5,800,000.
        Repayment owed = ObligationEngine.evaluate(cases().filter(c -> c.name().equals("instalments agreed"))
                .findFirst().orElseThrow().award(), BOOK.forAward(BASE), List.of(), List.of(),
                List.of(decision("2019-06-01", DecisionType.BREACH_DECLARED)), d("2019-06-01")).repayment();
        List<Payment> paid = List.of(new Payment(d("2019-08-01"), Money.kzt(1_000_000)),
                new Payment(d("2019-09-01"), Money.kzt(1_000_000)), new Payment(d("2019-10-01"), Money.kzt(1_000_000)));

        assertThat(ObligationEngine.outstanding(owed, paid, d("2019-09-15"))).isEqualTo(Money.kzt(6_800_000));
        assertThat(ObligationEngine.outstanding(owed, paid, d("2020-01-01"))).isEqualTo(Money.kzt(5_800_000));
        assertThat(BOOK.forAward(BASE).maxInstalmentYears()).isEqualTo(15);
    }

    @Test
    void aBreachAfterFulfilmentNamesBothDays() {
        // Fulfilled 31 Aug 2025 (case 1); a breach dated 1 Jan 2026 is refused naming both days, in that order.
        assertThatThrownBy(() -> ObligationEngine.evaluate(BASE, BOOK.forAward(BASE),
                List.of(job("2020-09-01", null, ASTANA, "25")), List.of(),
                List.of(decision("2026-01-01", DecisionType.BREACH_DECLARED)), d("2026-02-01")))
                .isInstanceOfSatisfying(ObligationException.class, e -> assertThat(e.args())
                        .containsExactly("decisions", "2026-01-01", "2025-08-31"));
    }

    @Test
    void thePlaceholderVersionOneReproducesTheFindings() {
        // Version 1 (kept for awards bound to it): 5 years in Pavlodar too, and a late return is not a ground.
        AwardFacts v1 = new AwardFacts("A", "BOLASHAK", 1, d("2018-03-01"), d("2018-09-01"), d("2020-06-30"),
                d("2020-06-30"), Money.kzt(30_000_000));
        ObligationStatus s = ObligationEngine.evaluate(v1, BOOK.forAward(v1),
                List.of(job("2022-08-30", null, PAVLODAR, "25")), List.of(), List.of(), d("2023-01-01"));
        assertThat(s.termYears()).isEqualTo(5);
        assertThat(s.has(ObligationReason.RETURNED_LATE)).isTrue();
        assertThat(s.breachEligible()).isFalse();
    }

    private static AwardFacts internship() {
        return new AwardFacts("A", "BOLASHAK", null, d("2018-03-01"), d("2018-09-01"), d("2020-06-30"),
                d("2020-06-30"), Money.kzt(30_000_000), "INTERNSHIP", "06", false, false, null);
    }

    private static Map<String, String> put(Map<String, String> map, String key, String value) {
        map.put(key, value);
        return map;
    }

    static EmploymentEpisode job(String start, String end, RegionCode region, String isco) {
        return new EmploymentEpisode(d(start), end == null ? null : d(end), region, "KZ", Sector.PRIVATE, isco);
    }

    static Decision decision(String date, DecisionType type) {
        return new Decision(d(date), type, "officer", "");
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** The rule sets the V80 migration inserts, read from the migration. */
    static List<ObligationRules> seededRules() {
        try (InputStream in = PublishedRulesTableTest.class.getResourceAsStream(
                "/db/migration/V80__obligation_terms_and_award_attributes.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("\\$rules\\$(.*?)\\$rules\\$", Pattern.DOTALL).matcher(sql);
            List<ObligationRules> out = new ArrayList<>();
            while (m.find()) {
                out.add(ObligationRules.fromMap(RuleText.read(m.group(1))));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
