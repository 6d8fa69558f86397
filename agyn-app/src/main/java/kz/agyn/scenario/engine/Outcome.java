package kz.agyn.scenario.engine;

/**
 * Turns a draw's integer tallies into measures: stocks from the start's plus the flows, money from the tallies
 * and the levers, persons by the scale factor.
 */
final class Outcome {

    private final long[] stockInKz;
    private final long[] stockAbroad;
    private final long[] payInKz = new long[40];
    private final long[] countInKz = new long[40];
    private final double averagePay;

    private Outcome(int slots) {
        stockInKz = new long[slots];
        stockAbroad = new long[slots];
        averagePay = 0;
    }

    private Outcome(long[] kz, long[] abroad, long[] pay, long[] count, double averagePay) {
        stockInKz = kz;
        stockAbroad = abroad;
        System.arraycopy(pay, 0, payInKz, 0, 40);
        System.arraycopy(count, 0, countInKz, 0, 40);
        this.averagePay = averagePay;
    }

    static Outcome start(Population p, Slots slots) {
        long[] kz = new long[slots.count];
        long[] abroad = new long[slots.count];
        long[] pay = new long[40];
        long[] count = new long[40];
        double total = 0;
        for (int i = 0; i < p.size; i++) {
            long[] stock = p.location[i] == Location.KAZAKHSTAN.ordinal() ? kz : abroad;
            stock[0]++;
            stock[slots.region + p.region[i]]++;
            stock[slots.isco + p.isco[i]]++;
            stock[slots.isced + p.isced[i]]++;
            stock[slots.sex + p.sex[i]]++;
            stock[slots.age + Assumptions.ageGroup(p.age[i])]++;
            stock[slots.sector + p.sector[i]]++;
            if (stock == kz) {
                pay[p.sector[i] * 10 + p.isco[i]] += p.pay[i];
                count[p.sector[i] * 10 + p.isco[i]]++;
            }
            total += p.pay[i];
        }
        return new Outcome(kz, abroad, pay, count, p.size == 0 ? 0 : total / p.size);
    }

    /** Writes draw d's measures into the results. */
    void finish(Simulator.Run run, int d, long[] tally) {
        Results r = run.results;
        Simulator.Tally at = run.layout;
        int slots = run.slots.count;
        double ppa = run.p.personsPerAgent();
        int scenarios = run.s;
        int h = run.h;
        double[][] kz = new double[scenarios][];
        double[] cumulativeCost = new double[scenarios];
        long[][] stockKz = new long[scenarios][];
        long[][] stockAb = new long[scenarios][];
        long[][] pay = new long[scenarios][];
        long[][] count = new long[scenarios][];
        for (int s = 0; s < scenarios; s++) {
            stockKz[s] = stockInKz.clone();
            stockAb[s] = stockAbroad.clone();
            pay[s] = payInKz.clone();
            count[s] = countInKz.clone();
        }
        Context c = run.c;
        double recoveredPerYear = Assumptions.SCHOLARSHIP_COST_KZT * (1 + Assumptions.BREACH_PENALTY)
                / Assumptions.WORK_OFF_YEARS * ppa;
        for (int t = 0; t < h; t++) {
            double[] recovered = new double[scenarios];
            for (int s = 0; s < scenarios; s++) {
                int row = (s * h + t) * at.size;
                Conditions cond = run.conditions[s][t];
                // Levers' costs: from the stocks at the start of the year, before this year's flows.
                double[] lever = new double[LeverKind.values().length];
                double payChange = 0;
                double researchPay = 0;
                long researchers = 0;
                for (int sector = 0; sector < 4; sector++) {
                    for (int isco = 0; isco < 10; isco++) {
                        int g = sector * 10 + isco;
                        double mult = cond.payMultiplier[g];
                        if (Sector.values()[sector].budgetFunded()) {
                            payChange += (mult - 1) * pay[s][g];
                        }
                        if (sector == Sector.RESEARCH.ordinal()) {
                            researchPay += mult * pay[s][g];
                            researchers += count[s][g];
                        }
                    }
                }
                // A research position is paid what the institutes' researchers are paid (all specialists if none).
                double positionPay = researchers > 0 ? researchPay / researchers : averagePay;
                long young = stockKz[s][run.slots.age] + stockKz[s][run.slots.age + 1];
                lever[LeverKind.PAY_CHANGE.ordinal()] = payChange * 12 * ppa;
                lever[LeverKind.RESEARCH_BUDGET.ordinal()] = cond.researchBudgetKzt - c.researchBudgetKzt();
                lever[LeverKind.RESEARCH_JOBS.ordinal()] = (cond.researchJobs - c.researchJobs()) * positionPay * 12;
                lever[LeverKind.RETURNEE_SUPPLEMENT.ordinal()] = tally[row + at.supplement] * 12 * ppa;
                lever[LeverKind.TAX_HOLIDAY.ordinal()] = tally[row + at.holiday] * 12 * ppa;
                lever[LeverKind.HOUSING_SUPPORT.ordinal()] = cond.housingKzt * young * ppa;
                lever[LeverKind.PARTNERSHIPS.ordinal()] = (cond.partnerships - c.partnerships())
                        * Assumptions.PARTNERSHIP_COST_KZT_PER_YEAR;
                lever[LeverKind.FAIRNESS_INDEX.ordinal()] = 0;
                double levers = 0;
                for (LeverKind k : LeverKind.values()) {
                    r.setLeverCost(s, d, t, k, lever[k.ordinal()]);
                    levers += lever[k.ordinal()];
                }
                recovered[s] = tally[row + at.recoveredYears] * recoveredPerYear;
                // The budget cost is set below, once the baseline's recoveries are known.
                r.set(s, d, t, Measure.BUDGET_COST_KZT, 0, levers);
                for (int z = 0; z < slots; z++) {
                    long out = tally[row + at.emigrants + z];
                    long in = tally[row + at.returnees + z];
                    stockKz[s][z] += in - out;
                    stockAb[s][z] += out - in;
                    r.set(s, d, t, Measure.EMIGRANTS, z, out * ppa);
                    r.set(s, d, t, Measure.RETURNEES, z, in * ppa);
                    r.set(s, d, t, Measure.STOCK_IN_KAZAKHSTAN, z, stockKz[s][z] * ppa);
                    r.set(s, d, t, Measure.STOCK_ABROAD, z, stockAb[s][z] * ppa);
                    r.set(s, d, t, Measure.SCHOLARS_FULFILLED, z, tally[row + at.fulfilled + z] * ppa);
                    r.set(s, d, t, Measure.SCHOLARS_IN_BREACH, z, tally[row + at.breach + z] * ppa);
                }
                for (int g = 0; g < 40; g++) {
                    pay[s][g] += tally[row + at.payFlow + g];
                    count[s][g] += tally[row + at.countFlow + g];
                }
            }
            int base = t * at.size;
            for (int s = 0; s < scenarios; s++) {
                int row = (s * h + t) * at.size;
                double cost = r.get(s, d, t, Measure.BUDGET_COST_KZT, 0) - (recovered[s] - recovered[0]);
                r.set(s, d, t, Measure.BUDGET_COST_KZT, 0, cost);
                cumulativeCost[s] += cost;
                for (int z = 0; z < slots; z++) {
                    double kept = (stockKz[s][z] - stockKz[0][z]) * ppa;
                    r.set(s, d, t, Measure.KEPT_VS_BASELINE, z, kept);
                    r.set(s, d, t, Measure.BRAIN_DRAIN_COST_AVOIDED_KZT, z,
                            (tally[base + at.emigrantCost + z] - tally[row + at.emigrantCost + z]) * ppa);
                    if (z > 0) {
                        r.set(s, d, t, Measure.BUDGET_COST_KZT, z, Double.NaN);
                        r.set(s, d, t, Measure.COST_PER_SPECIALIST_KEPT_KZT, z, Double.NaN);
                    }
                }
                double kept = (stockKz[s][0] - stockKz[0][0]) * ppa;
                r.set(s, d, t, Measure.COST_PER_SPECIALIST_KEPT_KZT, 0,
                        kept > 0 ? cumulativeCost[s] / kept : Double.NaN);
            }
        }
    }
}
