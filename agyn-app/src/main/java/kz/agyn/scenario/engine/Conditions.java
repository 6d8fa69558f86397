package kz.agyn.scenario.engine;

import java.util.Arrays;

/**
 * A scenario's levers as they stand in one year, turned into what the decision model reads: pay multipliers by
 * sector and ISCO group and the non-pay deficits (1 = the baseline's, 0 = at par, never below 0).
 */
final class Conditions {

    final int calendarYear;
    /** Index sector × 10 + ISCO group: domestic pay relative to the start year's. */
    final double[] payMultiplier = new double[40];
    final double growthDeficit;
    final double fairnessDeficit;
    final double researchDeficit;
    final double housingKzt;
    final double supplementShare;
    final int supplementYears;
    final int holidayYears;
    final double taxRate;
    /** Years after return during which a returnee gets an incentive (the longer of supplement and holiday). */
    final int window;
    final double[] destinationPay;
    // The levers' totals, for their costs.
    final double researchBudgetKzt;
    final int researchJobs;
    final int partnerships;

    Conditions(Context context, Levers levers, int calendarYear) {
        this.calendarYear = calendarYear;
        Arrays.fill(payMultiplier, 1.0);
        for (int sector = 0; sector < 4; sector++) {
            for (int isco = 0; isco < 10; isco++) {
                for (PayChange change : levers.payChanges()) {
                    if (change.applies(sector, isco, calendarYear)) {
                        payMultiplier[sector * 10 + isco] *= 1 + change.change();
                    }
                }
            }
        }
        researchBudgetKzt = levers.researchBudgetKzt().orElse(context.researchBudgetKzt());
        researchJobs = levers.researchJobs().orElse(context.researchJobs());
        partnerships = levers.partnerships().orElse(context.partnerships());
        growthDeficit = Math.max(0, 1
                - Assumptions.GROWTH_PER_LOG_JOBS * Math.log(Math.max(researchJobs, 1) / (double) context.researchJobs())
                - Assumptions.GROWTH_PER_LOG_PARTNERSHIPS
                * Math.log(Math.max(partnerships, 1) / (double) context.partnerships()));
        double fairness = levers.fairnessIndex().orElse(context.fairnessIndex());
        fairnessDeficit = (1 - fairness) / (1 - context.fairnessIndex());
        // The budget's share of GDP against the baseline's; GDP is the same in both, so the ratio of budgets.
        researchDeficit = Math.max(0, 1 - Assumptions.RESEARCH_PER_LOG_BUDGET
                * Math.log(Math.max(researchBudgetKzt, 1) / context.researchBudgetKzt()));
        housingKzt = levers.housingSupportKzt().orElse(0);
        supplementShare = levers.returneeSupplement().map(ReturneeSupplement::share).orElse(0.0);
        supplementYears = supplementShare > 0 ? levers.returneeSupplement().get().years() : 0;
        holidayYears = levers.taxHolidayYears().orElse(0);
        taxRate = context.incomeTaxRate();
        window = Math.max(supplementYears, holidayYears);
        destinationPay = context.destinationPayPppByIsco();
    }

    /** Same thresholds: only the pay multipliers can change from one year to the next. */
    boolean sameChances(Conditions other) {
        return Arrays.equals(payMultiplier, other.payMultiplier);
    }

    double multiplier(int sector, int isco) {
        return payMultiplier[sector * 10 + isco];
    }
}
