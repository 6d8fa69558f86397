package kz.agyn.scenario.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Scholars' obligations and each lever's budget cost, on populations of a few agents worked out by hand. */
class ObligationsAndCostsTest {

    static final Context CONTEXT = EngineFixtures.context();
    static final double PPA = 10;
    static final double INF = Double.POSITIVE_INFINITY;

    /** Nobody moves unless told: leaving, returning and a scholar's return set to certain (+∞) or never (−∞). */
    static Model certain(double leave, double back, double scholarBack) {
        return new Model(new Coefficients(leave, new double[10], new double[4], new double[5], 0, 0, 0, 0, 0, 0, 0,
                back, scholarBack), List.of(), new FitReport(List.of()));
    }

    static Population.Builder builder() {
        return Population.builder(List.of("710000000"), PPA);
    }

    static Results run(Population p, Model m, Levers scenario, int horizon) {
        return Simulator.run(p, CONTEXT, m, List.of(Levers.none(), scenario), new RunSpec(horizon, 2, 1, 2),
                Progress.none());
    }

    static double total(Results r, int scenario, int year, Measure m) {
        return r.value(0 + scenario, 1, year, m, Dimension.TOTAL, 0);
    }

    @Test
    void aScholarWhoLeavesDuringWorkOffIsInBreach() {
        Population p = builder().add(0, 30, 'F', 7, 2, Sector.PUBLIC, 200_000, true, Location.KAZAKHSTAN,
                ObligationState.WORKING_OFF, 2).build();
        Results r = run(p, certain(INF, -INF, -INF), Levers.none(), 3);
        assertThat(total(r, 0, 0, Measure.EMIGRANTS)).isEqualTo(PPA);
        assertThat(total(r, 0, 0, Measure.SCHOLARS_IN_BREACH)).isEqualTo(PPA);
        assertThat(total(r, 0, 1, Measure.SCHOLARS_IN_BREACH)).isZero();
        assertThat(total(r, 0, 2, Measure.SCHOLARS_FULFILLED)).isZero();
        assertThat(total(r, 0, 2, Measure.STOCK_IN_KAZAKHSTAN)).isZero();
    }

    @Test
    void aScholarWhoStaysTheYearsIsFulfilled() {
        Population p = builder().add(0, 30, 'F', 7, 2, Sector.PUBLIC, 200_000, true, Location.KAZAKHSTAN,
                ObligationState.WORKING_OFF, 2).build();
        Results r = run(p, certain(-INF, -INF, -INF), Levers.none(), 4);
        assertThat(total(r, 0, 0, Measure.SCHOLARS_FULFILLED)).isZero();
        assertThat(total(r, 0, 1, Measure.SCHOLARS_FULFILLED)).isEqualTo(PPA);
        assertThat(total(r, 0, 2, Measure.SCHOLARS_FULFILLED)).isZero();
        assertThat(total(r, 0, 3, Measure.SCHOLARS_IN_BREACH)).isZero();
        assertThat(total(r, 0, 3, Measure.STOCK_IN_KAZAKHSTAN)).isEqualTo(PPA);
    }

    @Test
    void scholarsWhoseStudiesEndComeBackToWorkOffOrBreach() {
        Population.Builder b = builder();
        for (int i = 0; i < 2_000; i++) {
            b.add(0, 25, 'M', 7, 2, Sector.EDUCATION, 250_000, true, Location.ABROAD, ObligationState.STUDYING, 3);
        }
        Population p = b.build();
        // All come back when their studies end (half a year on average), none leaves: fulfilled 3 years later.
        Results home = run(p, certain(-INF, -INF, INF), Levers.none(), 12);
        double returned = 0;
        double fulfilled = 0;
        for (int t = 0; t < 12; t++) {
            returned += total(home, 0, t, Measure.RETURNEES);
            fulfilled += total(home, 0, t, Measure.SCHOLARS_FULFILLED);
            assertThat(total(home, 0, t, Measure.SCHOLARS_IN_BREACH)).isZero();
        }
        assertThat(total(home, 0, 0, Measure.RETURNEES)).isCloseTo(1_000 * PPA, within(100 * PPA));
        assertThat(total(home, 0, 0, Measure.SCHOLARS_FULFILLED)).isZero();
        assertThat(returned).isCloseTo(2_000 * PPA, within(2 * PPA));
        assertThat(fulfilled).isCloseTo(2_000 * PPA, within(20 * PPA));
        // None comes back: every one whose studies end is in breach, and stays abroad.
        Results away = run(p, certain(-INF, -INF, -INF), Levers.none(), 12);
        double breaches = 0;
        for (int t = 0; t < 12; t++) {
            breaches += total(away, 0, t, Measure.SCHOLARS_IN_BREACH);
            assertThat(total(away, 0, t, Measure.RETURNEES)).isZero();
        }
        assertThat(breaches).isCloseTo(2_000 * PPA, within(2 * PPA));
    }

    /** Three in Kazakhstan: a researcher (40), a young private engineer (30), a young lecturer (28). */
    static Population three() {
        return builder()
                .add(0, 40, 'M', 8, 2, Sector.RESEARCH, 200_000, false, Location.KAZAKHSTAN, ObligationState.NONE, 0)
                .add(0, 30, 'F', 7, 2, Sector.PRIVATE, 400_000, false, Location.KAZAKHSTAN, ObligationState.NONE, 0)
                .add(0, 28, 'F', 7, 2, Sector.EDUCATION, 300_000, false, Location.KAZAKHSTAN, ObligationState.NONE,
                        0)
                .build();
    }

    static final Model STILL = certain(-INF, -INF, -INF);

    static void costs(Results r, int year, LeverKind lever, double expected) {
        assertThat(r.leverCost(1, year, lever).mean()).as("%s in year %d", lever, year).isCloseTo(expected,
                within(1e-6 * Math.abs(expected) + 1e-6));
    }

    @Test
    void payChangeCostsTheBudgetOnlyInBudgetFundedSectors() {
        Results research = run(three(), STILL, Levers.none().withPayChanges(
                List.of(new PayChange(Optional.of(Sector.RESEARCH), OptionalInt.empty(), 0.3, 2026))), 2);
        costs(research, 0, LeverKind.PAY_CHANGE, 0.3 * 200_000 * 12 * PPA);
        costs(research, 1, LeverKind.PAY_CHANGE, 7_200_000);
        assertThat(total(research, 1, 1, Measure.BUDGET_COST_KZT)).isCloseTo(7_200_000, within(1e-3));
        Results everyone = run(three(), STILL, Levers.none().withPayChanges(
                List.of(new PayChange(Optional.empty(), OptionalInt.empty(), 0.3, 2026))), 1);
        costs(everyone, 0, LeverKind.PAY_CHANGE, 0.3 * (200_000 + 300_000) * 12 * PPA);
        Results privately = run(three(), STILL, Levers.none().withPayChanges(
                List.of(new PayChange(Optional.of(Sector.PRIVATE), OptionalInt.empty(), 0.3, 2026))), 1);
        costs(privately, 0, LeverKind.PAY_CHANGE, 0);
        Results later = run(three(), STILL, Levers.none().withPayChanges(
                List.of(new PayChange(Optional.of(Sector.RESEARCH), OptionalInt.of(2), 0.3, 2028))), 3);
        costs(later, 1, LeverKind.PAY_CHANGE, 0);
        costs(later, 2, LeverKind.PAY_CHANGE, 7_200_000);
    }

    @Test
    void researchBudgetJobsHousingPartnershipsAndFairnessCosts() {
        Results budget = run(three(), STILL, Levers.none().withResearchBudgetKzt(10e9), 2);
        costs(budget, 1, LeverKind.RESEARCH_BUDGET, 5e9);
        Results jobs = run(three(), STILL, Levers.none().withResearchJobs(25_000), 1);
        // 5,000 positions more, each paid what the institutes' researchers are paid (the one here: 200,000).
        costs(jobs, 0, LeverKind.RESEARCH_JOBS, 5_000 * 200_000.0 * 12);
        Results housing = run(three(), STILL, Levers.none().withHousingSupportKzt(100_000), 1);
        costs(housing, 0, LeverKind.HOUSING_SUPPORT, 2 * PPA * 100_000);
        Results partners = run(three(), STILL, Levers.none().withPartnerships(15), 1);
        costs(partners, 0, LeverKind.PARTNERSHIPS, 5 * Assumptions.PARTNERSHIP_COST_KZT_PER_YEAR);
        Results fair = run(three(), STILL, Levers.none().withFairnessIndex(0.8), 1);
        costs(fair, 0, LeverKind.FAIRNESS_INDEX, 0);
        assertThat(total(fair, 1, 0, Measure.BUDGET_COST_KZT)).isZero();
        Results all = run(three(), STILL, Levers.none().withResearchBudgetKzt(10e9).withPartnerships(15)
                .withHousingSupportKzt(100_000), 1);
        assertThat(total(all, 1, 0, Measure.BUDGET_COST_KZT))
                .isCloseTo(5e9 + 5 * Assumptions.PARTNERSHIP_COST_KZT_PER_YEAR + 2 * PPA * 100_000, within(1.0));
    }

    @Test
    void supplementAndTaxHolidayArePaidToReturneesForTheirYears() {
        Population p = builder().add(0, 45, 'M', 7, 2, Sector.PUBLIC, 300_000, true, Location.ABROAD,
                ObligationState.NONE, 0).build();
        Results r = run(p, certain(-INF, INF, -INF), Levers.none()
                .withReturneeSupplement(new ReturneeSupplement(0.2, 2)).withTaxHolidayYears(3), 5);
        assertThat(total(r, 1, 0, Measure.RETURNEES)).isEqualTo(PPA);
        costs(r, 0, LeverKind.RETURNEE_SUPPLEMENT, 0);
        costs(r, 1, LeverKind.RETURNEE_SUPPLEMENT, 0.2 * 300_000 * 12 * PPA);
        costs(r, 2, LeverKind.RETURNEE_SUPPLEMENT, 7_200_000);
        costs(r, 3, LeverKind.RETURNEE_SUPPLEMENT, 0);
        costs(r, 1, LeverKind.TAX_HOLIDAY, 0.10 * 300_000 * 12 * PPA);
        costs(r, 3, LeverKind.TAX_HOLIDAY, 3_600_000);
        costs(r, 4, LeverKind.TAX_HOLIDAY, 0);
        assertThat(total(r, 1, 2, Measure.BUDGET_COST_KZT)).isCloseTo(7_200_000 + 3_600_000, within(1e-3));
    }

    /**
     * A breach repays the scholarship prorated on the years left, with the penalty: here the baseline's scholar
     * (pay far below the destination's) leaves with 2 of 5 years left, the scenario's (pay ten times higher) stays,
     * so the scenario recovers 2/5 × 30 M × 1.1 × 10 people less, which its budget cost counts.
     */
    @Test
    void repaymentsRecoveredFromBreachesCountAgainstTheBaseline() {
        Population p = builder().add(0, 30, 'F', 7, 2, Sector.PUBLIC, 200_000, true, Location.KAZAKHSTAN,
                ObligationState.WORKING_OFF, 2).build();
        double[] none = new double[10];
        Model payDriven = new Model(new Coefficients(-500, none, new double[4], new double[5], 0, 1000, 0, 0, 0, 0,
                0, -INF, -INF), List.of(), new FitReport(List.of()));
        Results r = run(p, payDriven, Levers.none().withPayChanges(
                List.of(new PayChange(Optional.empty(), OptionalInt.empty(), 9.0, 2026))), 2);
        assertThat(total(r, 0, 0, Measure.SCHOLARS_IN_BREACH)).isEqualTo(PPA);
        assertThat(total(r, 1, 0, Measure.SCHOLARS_IN_BREACH)).isZero();
        assertThat(total(r, 1, 1, Measure.SCHOLARS_FULFILLED)).isEqualTo(PPA);
        double recovered = 2.0 / 5 * Assumptions.SCHOLARSHIP_COST_KZT * (1 + Assumptions.BREACH_PENALTY) * PPA;
        double pay = 9.0 * 200_000 * 12 * PPA;
        assertThat(total(r, 1, 0, Measure.BUDGET_COST_KZT)).isCloseTo(pay + recovered, within(1.0));
        assertThat(total(r, 1, 0, Measure.KEPT_VS_BASELINE)).isEqualTo(PPA);
        assertThat(total(r, 1, 1, Measure.COST_PER_SPECIALIST_KEPT_KZT))
                .isCloseTo((2 * pay + recovered) / PPA, within(1.0));
    }
}
