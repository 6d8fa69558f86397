package kz.agyn.scenario.engine;

import java.util.List;

/**
 * Per scenario × draw × year × measure × dimension value: the simulated values, and their distribution over the
 * draws as {@link Band}s. Year offset 0 is the start year. Scenario 0 is the baseline.
 */
public final class Results {

    private final int startYear;
    private final int scenarios;
    private final int horizon;
    private final int draws;
    private final Slots slots;
    private final int measures = Measure.values().length;
    private final double[] values;
    private final double[] leverCosts;

    Results(int startYear, int scenarios, int horizon, int draws, Slots slots) {
        this.startYear = startYear;
        this.scenarios = scenarios;
        this.horizon = horizon;
        this.draws = draws;
        this.slots = slots;
        values = new double[Math.toIntExact((long) scenarios * draws * horizon * measures * slots.count)];
        leverCosts = new double[scenarios * draws * horizon * LeverKind.values().length];
    }

    public int scenarios() {
        return scenarios;
    }

    public int startYear() {
        return startYear;
    }

    public int horizon() {
        return horizon;
    }

    public int draws() {
        return draws;
    }

    /** Dimension TOTAL. */
    public Band band(int scenario, int yearOffset, Measure m) {
        return band(scenario, yearOffset, m, Dimension.TOTAL, 0);
    }

    public Band band(int scenario, int yearOffset, Measure m, Dimension d, int codeIndex) {
        int slot = slots.slot(d, codeIndex);
        double[] v = new double[draws];
        for (int draw = 0; draw < draws; draw++) {
            v[draw] = values[index(scenario, draw, yearOffset, m, slot)];
        }
        return Band.of(v);
    }

    /** The labels of a dimension's values: KATO codes, ISCO "0".."9", ISCED "5".."8", "M"/"F", age groups, sectors. */
    public List<String> codes(Dimension d) {
        return slots.codes(d);
    }

    /** One draw's value, for exports. */
    public double value(int scenario, int draw, int yearOffset, Measure m, Dimension d, int codeIndex) {
        return values[index(scenario, draw, yearOffset, m, slots.slot(d, codeIndex))];
    }

    /** What one lever of a scenario costs the budget in a year (KZT), over the draws. */
    public Band leverCost(int scenario, int yearOffset, LeverKind lever) {
        double[] v = new double[draws];
        for (int draw = 0; draw < draws; draw++) {
            v[draw] = leverCosts[leverIndex(scenario, draw, yearOffset, lever)];
        }
        return Band.of(v);
    }

    private int index(int scenario, int draw, int year, Measure m, int slot) {
        if (scenario < 0 || scenario >= scenarios || draw < 0 || draw >= draws || year < 0 || year >= horizon) {
            throw new IndexOutOfBoundsException("scenario " + scenario + ", draw " + draw + ", year " + year);
        }
        return (((scenario * draws + draw) * horizon + year) * measures + m.ordinal()) * slots.count + slot;
    }

    private int leverIndex(int scenario, int draw, int year, LeverKind lever) {
        if (scenario < 0 || scenario >= scenarios || draw < 0 || draw >= draws || year < 0 || year >= horizon) {
            throw new IndexOutOfBoundsException("scenario " + scenario + ", draw " + draw + ", year " + year);
        }
        return ((scenario * draws + draw) * horizon + year) * LeverKind.values().length + lever.ordinal();
    }

    void set(int scenario, int draw, int year, Measure m, int slot, double value) {
        values[index(scenario, draw, year, m, slot)] = value;
    }

    double get(int scenario, int draw, int year, Measure m, int slot) {
        return values[index(scenario, draw, year, m, slot)];
    }

    void setLeverCost(int scenario, int draw, int year, LeverKind lever, double value) {
        leverCosts[leverIndex(scenario, draw, year, lever)] = value;
    }
}
