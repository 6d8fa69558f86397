package kz.agyn.costmodel;

import java.util.List;

/**
 * Monte Carlo bands of the breakdown by occupation.
 *
 * @param total       the band of the total by occupation; null when the occupations have no totals
 * @param occupations one entry per occupation, in the order given; empty likewise
 */
public record OccupationBands(Band total, List<OccupationBand> occupations) {

    public OccupationBands {
        occupations = List.copyOf(occupations);
    }

    /**
     * The bands of one occupation.
     *
     * @param perEmigrant the band of its cost per emigrant over its mix of levels
     * @param total       the band of its annual cost
     */
    public record OccupationBand(String code, Band perEmigrant, Band total) {
    }
}
