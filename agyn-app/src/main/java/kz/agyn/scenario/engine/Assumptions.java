package kz.agyn.scenario.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine's fixed assumptions: numbers the model needs that neither the warehouse nor the calibration gives.
 * Each is a documented default the product shows next to the results (decision 0035 says why each value).
 */
public final class Assumptions {

    private Assumptions() {
    }

    /** What one scholarship costs the budget (KZT): the base of the repayment a scholar in breach owes. */
    public static final double SCHOLARSHIP_COST_KZT = 30_000_000;

    /** Penalty on top of the repayment, as a share of it. */
    public static final double BREACH_PENALTY = 0.10;

    /** The work-off term the repayment is prorated over: a breach with y years left repays y/this of the cost. */
    public static final int WORK_OFF_YEARS = 5;

    /** A year's cost of one agreement with a foreign university (KZT): exchanges, joint supervision, travel. */
    public static final double PARTNERSHIP_COST_KZT_PER_YEAR = 50_000_000;

    /** Chance a year that a scholar's studies end (a mean of two years abroad: mostly master's programmes). */
    public static final double STUDY_END_HAZARD = 0.5;

    /** How much of the career-growth deficit one log-unit of research jobs removes (doubling: 0.69 × this). */
    public static final double GROWTH_PER_LOG_JOBS = 0.5;

    /** How much of the career-growth deficit one log-unit of partnerships removes. */
    public static final double GROWTH_PER_LOG_PARTNERSHIPS = 0.25;

    /** How much of the research deficit one log-unit of the research budget removes. */
    public static final double RESEARCH_PER_LOG_BUDGET = 0.5;

    /** Age groups of the model and of {@link Dimension#AGE_GROUP}: lower bounds, the last open. */
    static final int[] AGE_GROUP_FROM = {0, 30, 35, 45, 55};

    /** Housing support goes to specialists in Kazakhstan below this age (the first two age groups). */
    public static final int HOUSING_AGE_LIMIT = 35;

    /** Every constant above that a reader of the results should see, by name, in the order of this class. */
    public static Map<String, Double> shown() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("SCHOLARSHIP_COST_KZT", SCHOLARSHIP_COST_KZT);
        m.put("BREACH_PENALTY", BREACH_PENALTY);
        m.put("WORK_OFF_YEARS", (double) WORK_OFF_YEARS);
        m.put("PARTNERSHIP_COST_KZT_PER_YEAR", PARTNERSHIP_COST_KZT_PER_YEAR);
        m.put("STUDY_END_HAZARD", STUDY_END_HAZARD);
        m.put("GROWTH_PER_LOG_JOBS", GROWTH_PER_LOG_JOBS);
        m.put("GROWTH_PER_LOG_PARTNERSHIPS", GROWTH_PER_LOG_PARTNERSHIPS);
        m.put("RESEARCH_PER_LOG_BUDGET", RESEARCH_PER_LOG_BUDGET);
        m.put("HOUSING_AGE_LIMIT", (double) HOUSING_AGE_LIMIT);
        return m;
    }

    static int ageGroup(int age) {
        int g = 0;
        while (g + 1 < AGE_GROUP_FROM.length && age >= AGE_GROUP_FROM[g + 1]) {
            g++;
        }
        return g;
    }
}
