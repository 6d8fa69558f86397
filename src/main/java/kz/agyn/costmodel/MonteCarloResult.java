package kz.agyn.costmodel;

import java.util.List;

/**
 * The result of a Monte Carlo run: the same seed, draws and parameters give the same result, bit for bit.
 *
 * @param draws     the number of draws
 * @param seed      the seed of the random generator
 * @param baseTotal the deterministic annual total at the base values, for comparison with the band
 * @param total     the band of the annual total
 * @param levels    one entry per education level, in {@link EducationLevel} order
 */
public record MonteCarloResult(int draws, long seed, double baseTotal, Band total, List<LevelBand> levels) {

    public MonteCarloResult {
        levels = List.copyOf(levels);
    }
}
