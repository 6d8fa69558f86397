package kz.agyn.demo.warehouse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generator of the SYNTHETIC occupation file of {@value SyntheticSeries#LAST_YEAR}: what the cost model needs
 * to price emigrants by occupation, which the emigration file does not hold.
 *
 * <ul>
 *   <li>{@code EMIGRANTS} by ISCO-08 major group × ISCED 2011 level (every other dimension total), national.
 *       Its margins are exactly the emigration file's counts by occupation and by education of the same year,
 *       so the cross-table cannot contradict them. It is made by a rank coupling: every emigrant of the year
 *       gets a skill score, the ILO skill level of their major group (ISCO-08, Table 1: 1 for elementary
 *       occupations up to 4 for professionals) plus a normal noise of standard deviation
 *       {@value #SKILL_NOISE}; the emigrants of unknown education are drawn at random; the rest, sorted by
 *       score, take the known education levels in ascending order. So skilled occupations hold most degrees
 *       without holding all of them, as among real emigrants, and each margin adds up to the person.</li>
 *   <li>{@code WAGE_AVG}, KZT a month, by ISCO-08 major group, national: an invented national average of
 *       {@value #AVERAGE_WAGE} KZT times an invented ratio per group (managers highest, elementary occupations
 *       lowest), with 3% noise, rounded to 100 KZT.</li>
 * </ul>
 * Every value is invented and carries {@code OBS_STATUS} E; the seed is {@link SyntheticSeries#SEED} and the
 * same seed gives the same bytes, which a test checks against the committed file.
 */
public final class SyntheticOccupations {

    public static final String FILE = "synthetic-occupations-2024.csv";
    static final long AVERAGE_WAGE = 390_000;
    static final double SKILL_NOISE = 0.9;

    private static final String TOTAL = "_T";
    private static final String UNKNOWN = "_U";
    private static final int YEAR = SyntheticSeries.LAST_YEAR;

    /** ISCO-08 major groups in file order, with their ILO skill level (0 and _U: between levels, see below). */
    private static final String[] ISCO = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "0", UNKNOWN};
    // Managers span skill levels 3 and 4, armed forces 1 to 4; _U is mostly people with no occupation
    // (children, pensioners), who hold fewer degrees than those in work.
    private static final double[] SKILL = {3.5, 4, 3, 2, 2, 2, 2, 2, 1, 2.5, 1.8};
    private static final String[] ISCED = {"0", "1", "2", "3", "4", "5", "6", "7", "8", UNKNOWN};
    private static final double[] WAGE_RATIO = {1.55, 1.15, 0.95, 0.72, 0.68, 0.55, 0.92, 0.98, 0.52, 0.95};

    private SyntheticOccupations() {
    }

    /** Writes the file into the directory given as the only argument (default {@code src/main/resources/demo}). */
    public static void main(String[] args) throws IOException {
        SyntheticSeries.writeFile(args, FILE, generate(SyntheticSeries.SEED));
    }

    /** The rows of the file: the cross-table, occupation by occupation, then the wages. */
    public static List<Observation> generate(long seed) {
        List<Observation> series = SyntheticSeries.generate(seed);
        Map<String, Long> byOccupation = margin(series, true);
        Map<String, Long> byEducation = margin(series, false);
        Random random = new Random(seed);

        List<double[]> people = new ArrayList<>(); // {score, occupation index}
        for (int o = 0; o < ISCO.length; o++) {
            long n = byOccupation.getOrDefault(ISCO[o], 0L);
            for (long k = 0; k < n; k++) {
                people.add(new double[] {SKILL[o] + SKILL_NOISE * random.nextGaussian(), o});
            }
        }
        long[][] cross = new long[ISCO.length][ISCED.length];
        // The unknown education first, at random, so that it is not tied to any occupation.
        long unknown = byEducation.getOrDefault(UNKNOWN, 0L);
        for (long k = 0; k < unknown; k++) {
            double[] p = people.remove(random.nextInt(people.size()));
            cross[(int) p[1]][ISCED.length - 1]++;
        }
        people.sort(Comparator.comparingDouble(p -> p[0]));
        int next = 0;
        for (int e = 0; e < ISCED.length - 1; e++) {
            long n = byEducation.getOrDefault(ISCED[e], 0L);
            for (long k = 0; k < n; k++) {
                cross[(int) people.get(next++)[1]][e]++;
            }
        }
        if (next != people.size()) {
            throw new IllegalStateException("the occupation and education margins of " + YEAR + " differ");
        }

        List<Observation> rows = new ArrayList<>();
        for (int o = 0; o < ISCO.length; o++) {
            for (int e = 0; e < ISCED.length; e++) {
                rows.add(new Observation(SyntheticSeries.EMIGRANTS, YEAR, SyntheticSeries.COUNTRY, ISCO[o], ISCED[e],
                        TOTAL, TOTAL, TOTAL, "EMI", cross[o][e], 0, "E"));
            }
        }
        for (int o = 0; o < WAGE_RATIO.length; o++) {
            double noise = StrictMath.exp(0.03 * random.nextGaussian());
            long wage = Math.round(AVERAGE_WAGE * WAGE_RATIO[o] * noise / 100.0) * 100;
            rows.add(new Observation("WAGE_AVG", YEAR, SyntheticSeries.COUNTRY, ISCO[o], TOTAL, TOTAL, TOTAL, TOTAL,
                    "_Z", wage, 0, "E"));
        }
        return List.copyOf(rows);
    }

    /** The national emigrants of the year by occupation (every other dimension total), or by education. */
    private static Map<String, Long> margin(List<Observation> series, boolean occupation) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Observation r : series) {
            if (r.indicator().equals(SyntheticSeries.EMIGRANTS) && r.timePeriod() == YEAR
                    && r.refArea().equals(SyntheticSeries.COUNTRY) && r.counterpartArea().equals(TOTAL)
                    && r.sex().equals(TOTAL) && r.age().equals(TOTAL)) {
                String code = occupation ? r.occupation() : r.education();
                String other = occupation ? r.education() : r.occupation();
                if (!code.equals(TOTAL) && other.equals(TOTAL)) {
                    m.put(code, r.obsValue());
                }
            }
        }
        return m;
    }
}
