package kz.agyn.costmodel;

import java.util.List;

/**
 * The result of a Monte Carlo run: the same seed, draws and parameters give the same result, bit for bit.
 *
 * <p>The headline is {@link #headline()}, the Monte Carlo mean of the cost to the country: it lies inside its own
 * P5–P95 band, and it adds up (the mean of fiscal + economic is the mean of fiscal + the mean of economic). The
 * value at the central values, {@code atCentralValues}, is kept for the tornado's centre and shown apart, named
 * as what it is; it is not the expected cost, and with skewed ranges it can fall outside the band.
 *
 * @param draws             the number of draws
 * @param seed              the seed of the random generator
 * @param atCentralValues   the cost to the country with every parameter at its central value (the mode)
 * @param total             the band of the cost to the country, fiscal + economic
 * @param levels            one entry per education level, in {@link EducationLevel} order
 * @param fiscal            the band of the fiscal view
 * @param economic          the band of the economic view
 * @param privateView       the band of the private view
 * @param tertiaryEducation the band of the public spending on the tertiary years of the year's emigrants, before
 *                          returns: the reading of the note's 25 bn
 */
public record MonteCarloResult(int draws, long seed, double atCentralValues, Band total, List<LevelBand> levels,
                               Band fiscal, Band economic, Band privateView, Band tertiaryEducation) {

    public MonteCarloResult {
        levels = List.copyOf(levels);
    }

    /** The headline: the Monte Carlo mean of the cost to the country. */
    public double headline() {
        return total.mean();
    }

    /** The same as {@link #atCentralValues()}, under its old name. */
    public double baseTotal() {
        return atCentralValues;
    }
}
