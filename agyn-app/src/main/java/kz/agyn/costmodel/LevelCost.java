package kz.agyn.costmodel;

/**
 * The cost of one year's emigrants with one education level.
 *
 * @param level       the highest level completed
 * @param emigrants   emigrants per year with that level
 * @param perEmigrant the cost of one emigrant, by part
 * @param total       perEmigrant × emigrants, by part
 */
public record LevelCost(EducationLevel level, double emigrants, Components perEmigrant, Components total) {
}
