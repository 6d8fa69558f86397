package kz.agyn.scenario.engine;

/** The policy levers of {@link Levers}; {@link Results#leverCost} gives each one's budget cost. */
public enum LeverKind {
    PAY_CHANGE, RESEARCH_BUDGET, RESEARCH_JOBS, RETURNEE_SUPPLEMENT, TAX_HOLIDAY, HOUSING_SUPPORT,
    PARTNERSHIPS, FAIRNESS_INDEX
}
