package kz.agyn.costmodel;

import java.util.List;

/**
 * The deterministic result at the parameters' base values.
 *
 * @param levels         one entry per education level, in {@link EducationLevel} order
 * @param total          the year's cost by part, summed over levels; {@code total.net()} is the annual total
 * @param annuityFactor  a(r, n), the present value of 1 KZT a year over the remaining working life
 * @param formula        the model's formula as text, {@link CostModel#FORMULA}
 */
public record CostResult(List<LevelCost> levels, Components total, double annuityFactor, String formula) {

    public CostResult {
        levels = List.copyOf(levels);
    }

    /** The annual total in KZT: total.net(). */
    public double annualTotal() {
        return total.net();
    }

    /** The entry of one level. */
    public LevelCost level(EducationLevel level) {
        return levels.get(level.ordinal());
    }
}
