package kz.agyn.costmodel;

import java.util.List;

/**
 * The cost of emigrants in one occupation.
 *
 * @param code        the occupation's code, as in {@link OccupationMix}
 * @param monthlyPay  the pay used, KZT a month; null when each level's own pay was used
 * @param byLevel     the cost of one emigrant of each education level in this occupation, by part, in
 *                    {@link EducationLevel} order
 * @param emigrants   the year's emigrants in this occupation, Σ_L emigrants_L × share; null without a
 *                    cross-table
 * @param perEmigrant the cost of one emigrant of this occupation over its mix of levels; null without a
 *                    cross-table or without emigrants
 * @param total       the year's cost of this occupation's emigrants; null without a cross-table
 */
public record OccupationCost(String code, Double monthlyPay, List<Components> byLevel, Double emigrants,
                             Components perEmigrant, Components total) {

    public OccupationCost {
        byLevel = List.copyOf(byLevel);
    }

    /** The cost of one emigrant of {@code level} in this occupation. */
    public Components level(EducationLevel level) {
        return byLevel.get(level.ordinal());
    }
}
