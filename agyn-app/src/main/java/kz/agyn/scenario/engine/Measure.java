package kz.agyn.scenario.engine;

/**
 * What the simulation reports per scenario, year and dimension value. People are persons (agents times the
 * scale factor); money is KZT. Flows (emigrants, returnees, scholars fulfilled or in breach, costs) are within
 * the year; stocks are at the end of the year. The three money measures after the stocks are defined against the
 * baseline (scenario 0, run with the same draws): see {@link Simulator}.
 */
public enum Measure {
    EMIGRANTS, RETURNEES, STOCK_IN_KAZAKHSTAN, STOCK_ABROAD, SCHOLARS_FULFILLED, SCHOLARS_IN_BREACH,
    BUDGET_COST_KZT, KEPT_VS_BASELINE, COST_PER_SPECIALIST_KEPT_KZT, BRAIN_DRAIN_COST_AVOIDED_KZT;

    /**
     * Budget cost and cost per specialist kept are known for the whole country only (a research budget or a
     * partnership is not spent in one region or occupation): for any other dimension their value is NaN.
     */
    public boolean totalOnly() {
        return this == BUDGET_COST_KZT || this == COST_PER_SPECIALIST_KEPT_KZT;
    }
}
