package kz.agyn.scenario.engine;

import java.util.Map;

/**
 * Exogenous inputs for the start year, from the warehouse or documented defaults; {@code sources} says for each
 * field where it came from ("source, licence" or "default: reason"). Money in KZT; pay monthly.
 *
 * @param destinationPayPppByIsco index 0..9: the pay an agent of that ISCO group expects abroad, KZT at PPP a month
 * @param researchBudgetKzt baseline research budget a year
 * @param researchJobs baseline research positions
 * @param partnerships baseline agreements with foreign universities
 * @param fairnessIndex 0..1 baseline fairness in hiring
 * @param incomeTaxRate 0.10
 * @param brainDrainCostPerEmigrantKzt index ISCED 5..8 mapped to 0..3: the cost model's cost of one emigrant
 */
public record Context(int startYear, double[] destinationPayPppByIsco, double researchBudgetKzt, double gdpKzt,
                      int researchJobs, int partnerships, double fairnessIndex, double incomeTaxRate,
                      double[] brainDrainCostPerEmigrantKzt, Map<String, String> sources) {

    public Context {
        if (destinationPayPppByIsco.length != 10) {
            throw new IllegalArgumentException("destination pay needs 10 ISCO groups, had "
                    + destinationPayPppByIsco.length);
        }
        for (double p : destinationPayPppByIsco) {
            if (!(p > 0) || Double.isInfinite(p)) {
                throw new IllegalArgumentException("destination pay must be positive, was " + p);
            }
        }
        if (brainDrainCostPerEmigrantKzt.length != 4) {
            throw new IllegalArgumentException("brain-drain cost needs ISCED 5..8 (4 values), had "
                    + brainDrainCostPerEmigrantKzt.length);
        }
        if (!(researchBudgetKzt > 0) || !(gdpKzt > 0) || researchJobs <= 0 || partnerships <= 0) {
            throw new IllegalArgumentException(
                    "baseline research budget, GDP, research jobs and partnerships must be positive");
        }
        if (!(fairnessIndex >= 0 && fairnessIndex < 1)) {
            throw new IllegalArgumentException("baseline fairness index must be 0..1 (below 1), was " + fairnessIndex);
        }
        if (!(incomeTaxRate >= 0 && incomeTaxRate < 1)) {
            throw new IllegalArgumentException("income tax rate must be 0..1, was " + incomeTaxRate);
        }
        destinationPayPppByIsco = destinationPayPppByIsco.clone();
        brainDrainCostPerEmigrantKzt = brainDrainCostPerEmigrantKzt.clone();
        sources = Map.copyOf(sources);
    }

    @Override
    public double[] destinationPayPppByIsco() {
        return destinationPayPppByIsco.clone();
    }

    @Override
    public double[] brainDrainCostPerEmigrantKzt() {
        return brainDrainCostPerEmigrantKzt.clone();
    }
}
