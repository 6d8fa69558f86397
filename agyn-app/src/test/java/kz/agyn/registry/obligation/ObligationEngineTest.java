package kz.agyn.registry.obligation;

import static kz.agyn.registry.obligation.Histories.ALMATY;
import static kz.agyn.registry.obligation.Histories.ALMATY_DISTRICT;
import static kz.agyn.registry.obligation.Histories.ASTANA;
import static kz.agyn.registry.obligation.Histories.AWARD;
import static kz.agyn.registry.obligation.Histories.RULES;
import static kz.agyn.registry.obligation.Histories.ZHETYSU;
import static kz.agyn.registry.obligation.Histories.abroad;
import static kz.agyn.registry.obligation.Histories.d;
import static kz.agyn.registry.obligation.Histories.evaluate;
import static kz.agyn.registry.obligation.Histories.job;
import static kz.agyn.registry.obligation.Histories.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import kz.agyn.kernel.Money;
import org.junit.jupiter.api.Test;

/**
 * Tricky histories, each figure worked out by hand in the comments. Unless a test says otherwise: study ends
 * 30 Jun 2020, so work counts from 1 Jul 2020 and the return deadline is 30 Sep 2020; five years are required.
 */
class ObligationEngineTest {

    // Five calendar years from 1 Sep 2020 run to 31 Aug 2025 and contain 29 Feb 2024: 5 × 365 + 1.
    private static final long FIVE_YEARS_FROM_1_SEP_2020 = 1826;

    @Test
    void overlappingJobsCountEachDayOnce() {
        // A: 1 Sep 2020 – 31 Aug 2021 = 365 days; B: 1 Mar 2021 – 28 Feb 2022 = 365 days; they share
        // 1 Mar – 31 Aug 2021. Union 1 Sep 2020 – 28 Feb 2022 = 122 (Sep–Dec 2020) + 365 (2021) + 59 (Jan–Feb
        // 2022) = 546, not 730.
        ObligationStatus s = evaluate(RULES, List.of(
                job("2020-09-01", "2021-08-31", ASTANA),
                job("2021-03-01", "2022-02-28", ALMATY)), "2022-12-31");

        assertThat(s.daysWorked()).isEqualTo(546);
        assertThat(s.daysRequired()).isEqualTo(FIVE_YEARS_FROM_1_SEP_2020);
        assertThat(s.daysLeft()).isEqualTo(1826 - 546);
        assertThat(s.state()).isEqualTo(ObligationState.WORKING_OFF);
        assertThat(s.reasons()).containsExactly(ObligationReason.NOT_CURRENTLY_WORKING);
        assertThat(s.projectedFulfilment()).isNull();
        assertThat(s.returnedOn()).isEqualTo(d("2020-09-01"));
        assertThat(s.firstCountedDay()).isEqualTo(d("2020-09-01"));
    }

    @Test
    void aNestedJobAddsNothingAndTheProjectionAssumesTheCurrentJobGoesOn() {
        // The ongoing job from 1 Jul 2020 covers the nested one. Worked to 31 Dec 2021: 184 (Jul–Dec 2020) + 365 =
        // 549. Required: 1 Jul 2020 to 1 Jul 2025, with 29 Feb 2024, = 1826; left 1277. 31 Dec 2021 + 1277 days
        // = 31 Dec 2024 (+1096, 2024 being leap) + 181 (Jan–Jun 2025) = 30 Jun 2025, the day before the
        // fifth anniversary.
        ObligationStatus s = evaluate(RULES, List.of(
                job("2020-07-01", null, ASTANA),
                job("2021-01-01", "2021-06-30", ASTANA)), "2021-12-31");

        assertThat(s.daysWorked()).isEqualTo(549);
        assertThat(s.daysRequired()).isEqualTo(1826);
        assertThat(s.daysLeft()).isEqualTo(1277);
        assertThat(s.projectedFulfilment()).isEqualTo(d("2025-06-30"));
        assertThat(s.reasons()).containsExactly(ObligationReason.CURRENTLY_WORKING);
    }

    @Test
    void fulfilledExactlyOnTheLastDay() {
        // From 1 Sep 2020 without a break the 1826th day is 31 Aug 2025.
        List<EmploymentEpisode> jobs = List.of(job("2020-09-01", null, ASTANA));

        ObligationStatus dayBefore = evaluate(RULES, jobs, "2025-08-30");
        assertThat(dayBefore.state()).isEqualTo(ObligationState.WORKING_OFF);
        assertThat(dayBefore.daysWorked()).isEqualTo(1825);
        assertThat(dayBefore.daysLeft()).isEqualTo(1);
        assertThat(dayBefore.projectedFulfilment()).isEqualTo(d("2025-08-31"));

        ObligationStatus lastDay = evaluate(RULES, jobs, "2025-08-31");
        assertThat(lastDay.state()).isEqualTo(ObligationState.FULFILLED);
        assertThat(lastDay.daysWorked()).isEqualTo(1826);
        assertThat(lastDay.daysLeft()).isZero();
        assertThat(lastDay.fulfilledOn()).isEqualTo(d("2025-08-31"));
        assertThat(lastDay.projectedFulfilment()).isNull();
        assertThat(lastDay.reasons()).containsExactly(ObligationReason.REQUIREMENT_MET);

        // Work after fulfilment is still shown, and the fulfilment day does not move.
        ObligationStatus later = evaluate(RULES, jobs, "2025-09-10");
        assertThat(later.daysWorked()).isEqualTo(1836);
        assertThat(later.fulfilledOn()).isEqualTo(d("2025-08-31"));
    }

    // A 30-day break (September 2021) between two jobs; evaluated on 30 Sep 2022.
    private static final List<EmploymentEpisode> WITH_SEPTEMBER_BREAK = List.of(
            job("2020-09-01", "2021-08-31", ASTANA),
            job("2021-10-01", null, ALMATY));

    @Test
    void underPauseABreakStopsTheClock() {
        // 365 + (1 Oct 2021 – 30 Sep 2022 = 365) = 730 worked, 1096 left. The 30 paused days push fulfilment
        // from 31 Aug 2025 to 30 Sep 2025: 30 Sep 2022 + 1096 = 30 Sep 2023 (+365) + 366 (29 Feb 2024) + 365.
        ObligationStatus s = evaluate(RULES, WITH_SEPTEMBER_BREAK, "2022-09-30");

        assertThat(s.daysWorked()).isEqualTo(730);
        assertThat(s.daysLeft()).isEqualTo(1096);
        assertThat(s.projectedFulfilment()).isEqualTo(d("2025-09-30"));
        assertThat(s.reasons()).contains(ObligationReason.GAP_PAUSED);
    }

    @Test
    void underGraceABreakUpToTheLimitCountsAsWorkedAndALongerOneDoesNot() {
        // Grace 30: the 30-day break is credited, 1 Sep 2020 – 30 Sep 2022 = 365 + 365 + 30 = 760, and the
        // projection is back to 31 Aug 2025 as if there had been no break.
        ObligationStatus graced = evaluate(with(RULES, "gapRule", "GRACE", "graceDays", "30"), WITH_SEPTEMBER_BREAK,
                "2022-09-30");
        assertThat(graced.daysWorked()).isEqualTo(760);
        assertThat(graced.projectedFulfilment()).isEqualTo(d("2025-08-31"));
        assertThat(graced.reasons()).contains(ObligationReason.GAP_WITHIN_GRACE).doesNotContain(ObligationReason.GAP_PAUSED);

        // Grace 29: one day short, the whole break is paused, as under PAUSE.
        ObligationStatus tooLong = evaluate(with(RULES, "gapRule", "GRACE", "graceDays", "29"), WITH_SEPTEMBER_BREAK,
                "2022-09-30");
        assertThat(tooLong.daysWorked()).isEqualTo(730);
        assertThat(tooLong.reasons()).contains(ObligationReason.GAP_PAUSED);
    }

    @Test
    void anOpenBreakIsNotCreditedBeforeTheNextJobStarts() {
        // On 20 Sep 2021 the break is 20 days old; crediting it now and taking it back if it grows past the grace
        // would make days worked fall. Only the first job's 365 days count.
        ObligationRules grace = with(RULES, "gapRule", "GRACE", "graceDays", "30");
        ObligationStatus s = evaluate(grace, List.of(job("2020-09-01", "2021-08-31", ASTANA)), "2021-09-20");

        assertThat(s.daysWorked()).isEqualTo(365);
        assertThat(s.reasons()).contains(ObligationReason.NOT_CURRENTLY_WORKING);
    }

    @Test
    void aBreakLongerThanTheMaximumMakesTheScholarBreachEligible() {
        // Last day worked 31 Aug 2021. On 30 Oct the break is 30 + 30 = 60 days: at the limit. A day later, 61.
        ObligationRules rules = with(RULES, "maxBreakDays", "60");
        List<EmploymentEpisode> jobs = List.of(job("2020-09-01", "2021-08-31", ASTANA));

        ObligationStatus atLimit = evaluate(rules, jobs, "2021-10-30");
        assertThat(atLimit.breachEligible()).isFalse();
        assertThat(atLimit.state()).isEqualTo(ObligationState.WORKING_OFF);

        ObligationStatus over = evaluate(rules, jobs, "2021-10-31");
        assertThat(over.breachEligible()).isTrue();
        assertThat(over.state()).isEqualTo(ObligationState.WORKING_OFF);
        assertThat(over.reasons()).contains(ObligationReason.BREAK_EXCEEDS_MAX, ObligationReason.BREACH_ELIGIBLE);
    }

    @Test
    void anApprovedDeferralDoesNotCountAsABreak() {
        // Break 1 Sep 2021 – 31 Dec 2021 = 122 days, of which 1 Oct – 31 Dec (92) is an approved deferral:
        // 30 days of real break, within the 60 allowed.
        ObligationRules rules = with(RULES, "maxBreakDays", "60");
        ObligationStatus s = ObligationEngine.evaluate(AWARD, rules, List.of(job("2020-09-01", "2021-08-31", ASTANA)),
                List.of(new Deferral(d("2021-10-01"), d("2021-12-31"), "FELLOWSHIP")), List.of(), d("2021-12-31"));

        assertThat(s.breachEligible()).isFalse();
        assertThat(s.state()).isEqualTo(ObligationState.ABROAD_PERMITTED);
    }

    @Test
    void workAbroadCountsOnlyIfTheRulesSaySo() {
        // 365 days in Astana, then 365 days at a Kazakh employer's office in Germany.
        List<EmploymentEpisode> jobs = List.of(
                job("2020-09-01", "2021-08-31", ASTANA),
                abroad("2021-09-01", "2022-08-31", "de"));

        ObligationStatus not = evaluate(RULES, jobs, "2022-08-31");
        assertThat(not.daysWorked()).isEqualTo(365);
        assertThat(not.reasons()).contains(ObligationReason.ABROAD_NOT_COUNTED, ObligationReason.NOT_CURRENTLY_WORKING);

        ObligationStatus counted = evaluate(with(RULES, "abroadCounts", "true"), jobs, "2022-08-31");
        assertThat(counted.daysWorked()).isEqualTo(730);
        assertThat(counted.reasons()).contains(ObligationReason.CURRENTLY_WORKING)
                .doesNotContain(ObligationReason.ABROAD_NOT_COUNTED);
    }

    @Test
    void workOutsideTheCountedRegionsDoesNotCountButTheScholarIsBack() {
        // Only the three cities count. A job in Zhetysu brings the scholar back but works off nothing.
        ObligationRules cities = with(RULES, "countedRegions", "71, 75,79");
        ObligationStatus s = evaluate(cities, List.of(job("2020-09-01", null, ZHETYSU)), "2021-09-01");

        assertThat(s.state()).isEqualTo(ObligationState.RETURNED);
        assertThat(s.daysWorked()).isZero();
        assertThat(s.returnedOn()).isEqualTo(d("2020-09-01"));
        assertThat(s.reasons()).contains(ObligationReason.NO_COUNTED_WORK_YET, ObligationReason.REGION_NOT_COUNTED,
                ObligationReason.REQUIRED_DAYS_PROVISIONAL);

        // A district of Almaty matches the prefix "75"; a job with no region recorded cannot be placed.
        ObligationStatus district = evaluate(cities, List.of(
                job("2020-09-01", "2020-09-30", ALMATY_DISTRICT),
                job("2020-10-01", "2020-10-31", null)), "2021-09-01");
        assertThat(district.daysWorked()).isEqualTo(30);
        assertThat(district.reasons()).contains(ObligationReason.REGION_MISSING);
    }

    @Test
    void onlySectorsListedCount() {
        ObligationRules research = with(RULES, "countedSectors", "RESEARCH_HE,public");
        ObligationStatus s = evaluate(research, List.of(
                job("2020-09-01", "2020-09-30", ASTANA),
                EmploymentEpisode.inKazakhstan(d("2020-10-01"), d("2020-10-31"), ASTANA, Sector.RESEARCH_HE)),
                "2020-12-31");

        assertThat(s.daysWorked()).isEqualTo(31);
        assertThat(s.reasons()).contains(ObligationReason.SECTOR_NOT_COUNTED);
    }

    @Test
    void workBeforeStudyEndsDoesNotCount() {
        // A job held through study counts from 1 Jul 2020 only: to 31 Jul that is 31 days.
        ObligationStatus s = evaluate(RULES, List.of(job("2019-01-01", null, ASTANA)), "2020-07-31");

        assertThat(s.daysWorked()).isEqualTo(31);
        assertThat(s.firstCountedDay()).isEqualTo(d("2020-07-01"));
        assertThat(s.reasons()).contains(ObligationReason.WORK_BEFORE_STUDY_END_IGNORED);

        assertThat(evaluate(RULES, List.of(job("2019-01-01", null, ASTANA)), "2020-06-30").state())
                .isEqualTo(ObligationState.STUDYING);
    }

    @Test
    void notBackByTheDeadlineIsOverdueAndALateReturnIsFlagged() {
        assertThat(evaluate(RULES, List.of(), "2020-07-01").state()).isEqualTo(ObligationState.GRADUATED);
        assertThat(evaluate(RULES, List.of(), "2020-09-30").state()).isEqualTo(ObligationState.GRADUATED);

        ObligationStatus overdue = evaluate(RULES, List.of(), "2020-10-01");
        assertThat(overdue.state()).isEqualTo(ObligationState.OVERDUE);
        assertThat(overdue.returnDeadline()).isEqualTo(d("2020-09-30"));
        assertThat(overdue.breachEligible()).isTrue();
        assertThat(overdue.reasons()).startsWith(ObligationReason.RETURN_DEADLINE_PASSED);

        ObligationStatus late = evaluate(RULES, List.of(job("2021-01-15", null, ASTANA)), "2021-02-01");
        assertThat(late.state()).isEqualTo(ObligationState.WORKING_OFF);
        assertThat(late.daysWorked()).isEqualTo(18);
        assertThat(late.breachEligible()).isFalse();
        assertThat(late.reasons()).contains(ObligationReason.RETURNED_LATE);
    }

    @Test
    void anOfficerCanConfirmAReturnBeforeAnyJobIsRecorded() {
        ObligationStatus s = ObligationEngine.evaluate(AWARD, RULES, List.of(), List.of(),
                List.of(new Decision(d("2020-08-15"), DecisionType.RETURN_CONFIRMED, "officer1", "arrival form")),
                d("2020-12-01"));

        assertThat(s.state()).isEqualTo(ObligationState.RETURNED);
        assertThat(s.returnedOn()).isEqualTo(d("2020-08-15"));
        assertThat(s.reasons()).contains(ObligationReason.RETURN_CONFIRMED_BY_OFFICER);
    }

    @Test
    void deferralsExtendTheReturnDeadlineByTheirLength() {
        // Further study abroad 1 Jul 2020 – 30 Jun 2022: 365 + 365 = 730 days. Deadline 30 Sep 2020 + 730 days
        // = 30 Sep 2022, i.e. three months after the deferral ends, as after the first study.
        List<Deferral> phd = List.of(new Deferral(d("2020-07-01"), d("2022-06-30"), "FURTHER_STUDY"));

        ObligationStatus during = ObligationEngine.evaluate(AWARD, RULES, List.of(), phd, List.of(), d("2021-01-01"));
        assertThat(during.state()).isEqualTo(ObligationState.ABROAD_PERMITTED);
        assertThat(during.returnDeadline()).isEqualTo(d("2022-09-30"));
        assertThat(during.reasons()).contains(ObligationReason.DEFERRAL_ACTIVE,
                ObligationReason.DEADLINE_EXTENDED_BY_DEFERRAL);

        assertThat(ObligationEngine.evaluate(AWARD, RULES, List.of(), phd, List.of(), d("2022-09-30")).state())
                .isEqualTo(ObligationState.GRADUATED);
        assertThat(ObligationEngine.evaluate(AWARD, RULES, List.of(), phd, List.of(), d("2022-10-01")).state())
                .isEqualTo(ObligationState.OVERDUE);

        // If the programme's rules say deferrals do not extend it, the deadline stays 30 Sep 2020.
        ObligationRules strict = with(RULES, "deferralsExtendDeadline", "false");
        ObligationStatus after = ObligationEngine.evaluate(AWARD, strict, List.of(), phd, List.of(), d("2022-07-01"));
        assertThat(after.returnDeadline()).isEqualTo(d("2020-09-30"));
        assertThat(after.state()).isEqualTo(ObligationState.OVERDUE);
    }

    @Test
    void overlappingDeferralsExtendOnceAndChainedOnesKeepExtending() {
        // 1 Aug – 31 Dec 2020 (153 days) and 1 Dec 2020 – 31 Mar 2021 overlap: merged 1 Aug 2020 – 31 Mar 2021 =
        // 243 days, starting before the 30 Sep 2020 deadline: 30 Sep 2020 + 243 = 31 May 2021. A third one from
        // 1 May 2021 (before the extended deadline) for 30 days adds 30: 30 Jun 2021.
        List<Deferral> deferrals = List.of(
                new Deferral(d("2020-08-01"), d("2020-12-31"), "INTERNSHIP"),
                new Deferral(d("2020-12-01"), d("2021-03-31"), "INTERNSHIP"),
                new Deferral(d("2021-05-01"), d("2021-05-30"), "CONFERENCE"));

        ObligationStatus s = ObligationEngine.evaluate(AWARD, RULES, List.of(), deferrals, List.of(), d("2020-09-01"));
        assertThat(s.returnDeadline()).isEqualTo(d("2021-06-30"));
    }

    @Test
    void aBreachFreezesTheDaysAndPricesTheUnfulfilledShare() {
        // Worked 1 Sep 2020 – 31 Aug 2022 = 730 days of 1826 (5 years from 1 Sep 2020, one 29 Feb).
        // Unfulfilled 1826 - 730 = 1096. Principal 30,000,000 × 1096 / 1826 = 32,880,000,000 / 1826
        // = 18,006,571.74… (1826 × 18,006,571 = 32,879,998,646, remainder 1,354) → 18,006,572 half-up.
        // Penalty 10% of 18,006,572 = 1,800,657.2 → 1,800,657. Total 19,807,229.
        ObligationRules rules = with(RULES, "penaltyRate", "0.10");
        List<EmploymentEpisode> jobs = List.of(
                job("2020-09-01", "2022-08-31", ASTANA),
                job("2023-04-01", null, ASTANA)); // started after the breach: must not count
        Decision breach = new Decision(d("2023-03-01"), DecisionType.BREACH_DECLARED, "officer1", "left for abroad");

        ObligationStatus s = ObligationEngine.evaluate(AWARD, rules, jobs, List.of(), List.of(breach), d("2023-06-01"));

        assertThat(s.state()).isEqualTo(ObligationState.IN_BREACH);
        assertThat(s.daysWorked()).isEqualTo(730);
        assertThat(s.daysRequired()).isEqualTo(1826);
        assertThat(s.repayment().unfulfilledDays()).isEqualTo(1096);
        assertThat(s.repayment().principal()).isEqualTo(Money.kzt(18_006_572));
        assertThat(s.repayment().penalty()).isEqualTo(Money.kzt(1_800_657));
        assertThat(s.repayment().total()).isEqualTo(Money.kzt(19_807_229));
        assertThat(s.reasons()).startsWith(ObligationReason.BREACH_DECLARED);

        // The same on the day of the breach and before it nothing is owed.
        assertThat(ObligationEngine.evaluate(AWARD, rules, jobs, List.of(), List.of(breach), d("2023-03-01"))
                .repayment().total()).isEqualTo(Money.kzt(19_807_229));
        assertThat(ObligationEngine.evaluate(AWARD, rules, jobs, List.of(), List.of(breach), d("2023-02-28"))
                .repayment()).isNull();
    }

    @Test
    void neverBackMeansTheWholeFundingAndFullBasisIgnoresWorkDone() {
        Decision breach = new Decision(d("2021-01-10"), DecisionType.BREACH_DECLARED, "officer1", "");
        ObligationStatus none = ObligationEngine.evaluate(AWARD, RULES, List.of(), List.of(), List.of(breach),
                d("2021-02-01"));
        assertThat(none.repayment().total()).isEqualTo(Money.kzt(30_000_000));

        ObligationRules full = with(RULES, "repayment", "FULL", "penaltyRate", "0.1");
        ObligationStatus s = ObligationEngine.evaluate(AWARD, full, List.of(job("2020-09-01", "2022-08-31", ASTANA)),
                List.of(), List.of(new Decision(d("2023-03-01"), DecisionType.BREACH_DECLARED, "officer1", "")), d("2023-06-01"));
        // 30,000,000 + 10% = 33,000,000 whatever was worked.
        assertThat(s.repayment().total()).isEqualTo(Money.kzt(33_000_000));
    }

    @Test
    void repaymentAndSettlementFollowTheDecisions() {
        List<EmploymentEpisode> jobs = List.of(job("2020-09-01", "2022-08-31", ASTANA));
        List<Decision> decisions = List.of(
                new Decision(d("2024-01-10"), DecisionType.REPAID, "officer2", "final instalment"),
                new Decision(d("2023-03-01"), DecisionType.BREACH_DECLARED, "officer1", ""),
                new Decision(d("2023-04-01"), DecisionType.REPAYMENT_STARTED, "officer1", "schedule 36 months"));

        assertThat(ObligationEngine.evaluate(AWARD, RULES, jobs, List.of(), decisions, d("2023-05-01")).state())
                .isEqualTo(ObligationState.REPAYING);
        ObligationStatus repaid = ObligationEngine.evaluate(AWARD, RULES, jobs, List.of(), decisions, d("2024-02-01"));
        assertThat(repaid.state()).isEqualTo(ObligationState.REPAID);
        // 30,000,000 × 1096 / 1826 → 18,006,572, kept to show what was settled.
        assertThat(repaid.repayment().total()).isEqualTo(Money.kzt(18_006_572));
    }

    @Test
    void aCancelledBreachLetsTheObligationRunOn() {
        List<EmploymentEpisode> jobs = List.of(job("2020-09-01", null, ASTANA));
        List<Decision> decisions = List.of(
                new Decision(d("2021-03-01"), DecisionType.BREACH_DECLARED, "officer1", ""),
                new Decision(d("2021-04-01"), DecisionType.BREACH_CANCELLED, "head", "appeal upheld"));

        ObligationStatus s = ObligationEngine.evaluate(AWARD, RULES, jobs, List.of(), decisions, d("2021-08-31"));
        assertThat(s.state()).isEqualTo(ObligationState.WORKING_OFF);
        assertThat(s.daysWorked()).isEqualTo(365);
        assertThat(s.repayment()).isNull();
        assertThat(s.reasons()).contains(ObligationReason.BREACH_CANCELLED_EARLIER);
    }

    @Test
    void decisionsOutOfOrderAreRefused() {
        List<Decision> repaidWithoutBreach = List.of(new Decision(d("2021-01-01"), DecisionType.REPAID, "o", ""));
        assertThatThrownBy(() -> ObligationEngine.evaluate(AWARD, RULES, List.of(), List.of(), repaidWithoutBreach,
                d("2021-06-01")))
                .isInstanceOfSatisfying(ObligationException.class, e -> {
                    assertThat(e.problem()).isEqualTo(ObligationProblem.ILLEGAL_DECISION);
                    assertThat(e.code()).isEqualTo("obligation.error.illegalDecision");
                    assertThat(e.field()).isEqualTo("REPAID");
                });

        // Fulfilled 31 Aug 2025: a breach on 1 Sep 2025 comes too late.
        List<Decision> late = List.of(new Decision(d("2025-09-01"), DecisionType.BREACH_DECLARED, "o", ""));
        assertThatThrownBy(() -> ObligationEngine.evaluate(AWARD, RULES, List.of(job("2020-09-01", null, ASTANA)),
                List.of(), late, d("2025-10-01")))
                .isInstanceOfSatisfying(ObligationException.class,
                        e -> assertThat(e.problem()).isEqualTo(ObligationProblem.BREACH_AFTER_FULFILMENT));
    }

    @Test
    void theRulesMustBeTheAwards() {
        ObligationRules other = ObligationRules.defaults("BOLASHAK", 2, d("2025-01-01"));
        assertThatThrownBy(() -> evaluate(other, List.of(), "2021-01-01"))
                .isInstanceOfSatisfying(ObligationException.class, e -> {
                    assertThat(e.problem()).isEqualTo(ObligationProblem.RULES_MISMATCH);
                    assertThat(e.field()).isEqualTo("ruleVersion");
                });
    }

    @Test
    void yearsAreCalendarYearsSoASpanOver29FebruaryHasADayMore() {
        ObligationRules oneYear = with(RULES, "requiredYears", "1");
        ObligationRules threeYears = with(RULES, "requiredYears", "3");
        // 10 Jan 2024 – 9 Jan 2025 contains 29 Feb 2024; 10 Jan 2025 – 9 Jan 2026 contains none.
        assertThat(ObligationEngine.requiredDays(oneYear, d("2024-01-10"))).isEqualTo(366);
        assertThat(ObligationEngine.requiredDays(oneYear, d("2025-01-10"))).isEqualTo(365);
        // 1 Jan 2021 – 31 Dec 2023: no 29 Feb. 1 Mar 2021 – 29 Feb 2024: ends on it.
        assertThat(ObligationEngine.requiredDays(threeYears, d("2021-01-01"))).isEqualTo(1095);
        assertThat(ObligationEngine.requiredDays(threeYears, d("2021-03-01"))).isEqualTo(1096);
        // From 29 Feb: one year later is 28 Feb 2025, so 365 days.
        assertThat(ObligationEngine.requiredDays(oneYear, d("2024-02-29"))).isEqualTo(365);
    }

    @Test
    void oneYearOfWorkAcross29FebruaryEndsOnTheEveOfTheAnniversary() {
        ObligationRules oneYear = with(RULES, "requiredYears", "1");

        // From 1 Jul 2023 the year holds 29 Feb 2024: 366 days, done on 30 Jun 2024.
        ObligationStatus leap = ObligationEngine.evaluate(Histories.award(d("2023-06-30")), oneYear,
                List.of(job("2023-07-01", null, ASTANA)), List.of(), List.of(), d("2024-06-30"));
        assertThat(leap.daysRequired()).isEqualTo(366);
        assertThat(leap.state()).isEqualTo(ObligationState.FULFILLED);
        assertThat(leap.fulfilledOn()).isEqualTo(d("2024-06-30"));

        // From 1 Jul 2024 it does not: 365 days, done on 30 Jun 2025.
        ObligationStatus common = ObligationEngine.evaluate(Histories.award(d("2024-06-30")), oneYear,
                List.of(job("2024-07-01", null, ASTANA)), List.of(), List.of(), d("2025-06-29"));
        assertThat(common.daysRequired()).isEqualTo(365);
        assertThat(common.daysWorked()).isEqualTo(364);
        assertThat(common.projectedFulfilment()).isEqualTo(d("2025-06-30"));
    }

    @Test
    void thePlannedEndStandsInForAnUnreportedActualEnd() {
        AwardFacts noActual = new AwardFacts("A-2", "BOLASHAK", 1, d("2018-03-01"), d("2018-09-01"),
                d("2020-06-30"), null, Money.kzt(10_000_000));
        ObligationStatus s = ObligationEngine.evaluate(noActual, RULES, List.of(), List.of(), List.of(),
                d("2020-07-15"));

        assertThat(s.state()).isEqualTo(ObligationState.GRADUATED);
        assertThat(s.reasons()).contains(ObligationReason.STUDY_END_PLANNED_ONLY);
        assertThat(s.studyEnd()).isEqualTo(LocalDate.of(2020, 6, 30));
    }
}
