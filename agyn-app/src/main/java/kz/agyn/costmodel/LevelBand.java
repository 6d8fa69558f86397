package kz.agyn.costmodel;

/**
 * Monte Carlo bands of one education level.
 *
 * @param level       the level
 * @param perEmigrant the band of the cost of one emigrant
 * @param total       the band of the level's annual cost (emigrants × cost per emigrant, both drawn)
 */
public record LevelBand(EducationLevel level, Band perEmigrant, Band total) {
}
