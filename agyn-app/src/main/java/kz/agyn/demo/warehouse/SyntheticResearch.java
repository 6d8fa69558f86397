package kz.agyn.demo.warehouse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generator of the SYNTHETIC research file: the two warehouse indicators by which two of the note's four
 * recommendations are measured (migration V195), {@code RESEARCH_BUDGET} (KZT a year) and {@code RESEARCHER_WAGE}
 * (KZT a month), national, {@value #FIRST_YEAR}–{@value SyntheticSeries#LAST_YEAR}.
 *
 * <p>Why it exists: no public copy of either official series was found, and without any figure the measures page
 * of a new installation showed "no data" for both measures, so a new user never saw a traffic light computed from
 * the warehouse. Like the other synthetic files it is labelled synthetic wherever it shows (its dataset is
 * synthetic), and a real series imported into another dataset is preferred by whoever names that dataset.
 *
 * <p>What is calibrated: the last year equals the measures' baselines, which are the note's own figures
 * ({@value #BUDGET_BASELINE} KZT for research, {@value #WAGE_BASELINE} KZT a month for researchers); earlier years
 * go back from it at an invented yearly growth ({@value #BUDGET_GROWTH} and {@value #WAGE_GROWTH}) with a
 * log-normal noise of {@value #NOISE}; budgets are rounded to 10 million KZT, wages to 100 KZT. At those rates the
 * budget's trend falls short of its 2030 target and the pay's reaches its own, so the page shows both lights.
 * Every value carries {@code OBS_STATUS} E; the same seed gives the same bytes, which a test checks against the
 * committed file.
 */
public final class SyntheticResearch {

    public static final String FILE = "synthetic-research-2015-2024.csv";
    public static final int FIRST_YEAR = 2015;
    static final long BUDGET_BASELINE = 5_000_000_000L;
    static final long WAGE_BASELINE = 200_000L;
    static final double BUDGET_GROWTH = 0.055;
    static final double WAGE_GROWTH = 0.075;
    static final double NOISE = 0.03;

    private static final String TOTAL = "_T";

    private SyntheticResearch() {
    }

    /** Writes the file into the directory given as the only argument (default {@code src/main/resources/demo}). */
    public static void main(String[] args) throws IOException {
        SyntheticSeries.writeFile(args, FILE, generate(SyntheticSeries.SEED));
    }

    /** The rows of the file: the budget year by year, then the pay. */
    public static List<Observation> generate(long seed) {
        Random random = new Random(seed);
        List<Observation> rows = new ArrayList<>();
        series(rows, random, "RESEARCH_BUDGET", BUDGET_BASELINE, BUDGET_GROWTH, 10_000_000L);
        series(rows, random, "RESEARCHER_WAGE", WAGE_BASELINE, WAGE_GROWTH, 100L);
        return rows;
    }

    private static void series(List<Observation> rows, Random random, String indicator, long last, double growth,
                               long rounding) {
        int lastYear = SyntheticSeries.LAST_YEAR;
        for (int year = FIRST_YEAR; year <= lastYear; year++) {
            double noise = year == lastYear ? 1 : StrictMath.exp(NOISE * random.nextGaussian());
            double value = last / StrictMath.pow(1 + growth, lastYear - year) * noise;
            long rounded = Math.round(value / rounding) * rounding;
            rows.add(new Observation(indicator, year, SyntheticSeries.COUNTRY, TOTAL, TOTAL, TOTAL, TOTAL, TOTAL,
                    "_Z", rounded, 0, "E"));
        }
    }
}
