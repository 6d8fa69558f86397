package kz.agyn.costmodel;

import java.util.List;

/**
 * The year's emigrants priced by occupation: the same emigrants as the breakdown by level, each priced at the pay
 * of their occupation instead of their level's pay. The two totals differ exactly by that, so they are shown side
 * by side, never merged.
 *
 * @param occupations one entry per occupation, in the order given
 * @param total       the year's cost by part, summed over occupations; null without a cross-table of emigrants
 *                    by occupation and education
 * @param emigrants   the emigrants the occupations hold, equal to the levels' emigrants; null likewise
 */
public record OccupationBreakdown(List<OccupationCost> occupations, Components total, Double emigrants) {

    public OccupationBreakdown {
        occupations = List.copyOf(occupations);
    }

    /** Whether the occupations carry counts and totals, not only costs per emigrant. */
    public boolean hasTotals() {
        return total != null;
    }
}
