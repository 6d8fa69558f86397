package kz.agyn.demo.warehouse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Generator of the SYNTHETIC emigration, immigration and population series for Kazakhstan, 2010–2024.
 *
 * <h2>What is calibrated and what is invented</h2>
 * Calibrated to the analytical note of 6 November 2024: national emigrants in 2022 are exactly
 * {@value #EMIGRANTS_2022}, and ISCO-08 major groups 1–3 are 25% of the 2022 emigrants whose occupation
 * is known (to within one person). Everything else is invented, shaped only to be plausible:
 * <ul>
 *   <li>Emigrants per year follow {@link #emigrationCurve(int)}: a level of 24,000 a year rising smoothly
 *       to 30,000 after 2019, a hump peaking near 45,000 in 2019, and a dip in 2020; times a log-normal
 *       noise of 4%. The shape echoes the published order of magnitude (20–30 thousand a year in
 *       2010–2015, about 45 thousand in 2019, fewer in 2020, about 30 thousand after) and is
 *       illustrative, not official.</li>
 *   <li>Immigrants per year follow {@link #immigrationCurve(int)}, a decline from about 42,000 in 2010
 *       towards 11,000, with a 2020 dip and 5% noise.</li>
 *   <li>Regional, sex, age, occupation, education and destination splits are fixed base weights with
 *       slow trends (larger shares for the two big cities and for non-Russian destinations over time)
 *       and per-year log-normal noise, apportioned by largest remainder so that every breakdown sums
 *       exactly to its national total.</li>
 *   <li>Populations on 1 January interpolate geometrically between round 2010 and 2024 figures per
 *       region (Kazakhstan about 16.2 M to 20.0 M), with 0.2% noise; the tertiary-educated population
 *       aged 25+ grows from about 2.95 M to 3.95 M.</li>
 *   <li>Young specialists on 1 January {@value #LAST_YEAR} ({@link #youngSpecialists}): residents aged 18–35
 *       with post-secondary or tertiary education (ISCED 4–8), the population the survey of migration
 *       intentions samples, by region × age group (18–24, 25–29, 30–35) × sex × ISCED level, with every
 *       subtotal. Each region's count is its {@value #LAST_YEAR} population times an 18–35 share and an
 *       ISCED 4–8 share (both higher in the three cities), so the cube stays consistent with the population
 *       rows; the cells split it by fixed weights with 5% noise.</li>
 * </ul>
 *
 * <h2>Geography</h2>
 * Each year uses the first-level units that published statistics for it: 16 units in 2010–2017 (with
 * South Kazakhstan, 510000000), 17 in 2018–2021 (Turkestan 610000000 and Shymkent 790000000 instead),
 * and the 20 current units from 2022, when Abai (100000000), Zhetysu (330000000) and Ulytau (620000000)
 * were carved out of East Kazakhstan, Almaty and Karaganda regions. The 1 January 2022 population is
 * given in the new boundaries too, like every 2022 figure. Weights are set for the 20 current units
 * and summed into their predecessors for earlier years, so a region's series has no artificial jump.
 *
 * <h2>Determinism</h2>
 * One {@link Random} per run, drawn in a fixed order, and {@link StrictMath} for every transcendental
 * function: the same seed gives the same bytes on every JVM and machine, which the tests check against
 * the committed files.
 */
public final class SyntheticSeries {

    /** The seed of the committed files: the date of the analytical note, 6 November 2024. */
    public static final long SEED = 20_241_106L;
    public static final int FIRST_YEAR = 2010;
    public static final int LAST_YEAR = 2024;
    /** The note's emigration total for 2022 (Bureau of National Statistics, as cited by the note). */
    public static final long EMIGRANTS_2022 = 31_287;
    /** The note's "up to 25%" of emigrants in intellectual professions, applied to 2022. */
    public static final double INTELLECTUAL_SHARE_2022 = 0.25;

    public static final String EMIGRATION_FILE = "synthetic-emigration-2010-2024.csv";
    public static final String POPULATION_FILE = "synthetic-population-2010-2024.csv";

    public static final String COUNTRY = "000000000";
    public static final String EMIGRANTS = "EMIGRANTS";
    public static final String IMMIGRANTS = "IMMIGRANTS";
    public static final String POPULATION = "POPULATION";
    public static final String POP_TERTIARY_25PLUS = "POP_TERTIARY_25PLUS";
    public static final String POP_YOUNG_SPECIALISTS = "POP_YOUNG_SPECIALISTS";

    private static final String TOTAL = "_T";
    private static final String UNKNOWN = "_U";
    private static final String NOT_APPLICABLE = "_Z";
    private static final String ESTIMATED = "E";

    // The 20 current first-level units, with the weights that drive every regional split (see the
    // class comment). Columns: KATO, emigrant weight, trend of that weight per year, immigrant weight,
    // population on 1 January 2010 and 2024 in thousands (round illustrative figures).
    private static final String[] UNIT = {
        "100000000", "110000000", "150000000", "190000000", "230000000", "270000000", "310000000",
        "330000000", "350000000", "390000000", "430000000", "470000000", "550000000", "590000000",
        "610000000", "620000000", "630000000", "710000000", "750000000", "790000000"};
    private static final double[] EMI_WEIGHT = {
        4.5, 7.0, 4.0, 4.5, 1.5, 5.0, 3.0, 3.5, 11.0, 8.5, 1.0, 1.5, 8.0, 7.0, 1.5, 1.2, 8.3, 7.0, 10.5, 2.0};
    // Emigration from the two big cities grows in share (skilled, mobile), from the north shrinks as its
    // ethnic-German and Russian emigration of the 1990s–2000s runs down.
    private static final double[] EMI_TREND = {
        -0.015, -0.015, 0, 0, 0, -0.01, 0, 0, -0.015, -0.02, 0, 0, -0.015, -0.02, 0, -0.01, -0.015, 0.04, 0.04, 0.02};
    private static final double[] IMM_WEIGHT = {
        2.0, 3.0, 4.0, 9.0, 3.0, 2.5, 4.0, 3.0, 5.0, 3.0, 3.0, 8.0, 3.0, 2.0, 8.0, 0.8, 3.0, 12.0, 14.0, 6.0};
    private static final double[] POP_2010 = {
        650, 740, 770, 1170, 520, 610, 1040, 665, 1115, 885, 690, 490, 745, 590, 1840, 230, 760, 665, 1400, 630};
    private static final double[] POP_2024 = {
        603, 785, 937, 1535, 700, 697, 1215, 698, 1131, 831, 834, 790, 750, 532, 2160, 221, 722, 1420, 2230, 1210};

    private static final String[] SEXES = {"M", "F"};
    private static final String[] AGES = {"Y_LT15", "Y15T24", "Y25T34", "Y35T44", "Y45T54", "Y55T64", "Y_GE65"};
    private static final double[] AGE_WEIGHT_M = {0.19, 0.13, 0.23, 0.17, 0.11, 0.09, 0.08};
    private static final double[] AGE_WEIGHT_F = {0.18, 0.14, 0.22, 0.16, 0.11, 0.10, 0.09};

    // Young specialists: the age groups and ISCED levels of the survey instrument's profile questions, so that
    // survey weights can be raked to this cube. Shares are invented: about a quarter of residents are 18–35, and
    // about two in five of those hold a post-secondary or tertiary qualification, more in the cities, which
    // draw the young and the educated.
    private static final String[] YOUNG_AGES = {"Y18T24", "Y25T29", "Y30T35"};
    private static final double[] YOUNG_AGE_WEIGHT = {0.34, 0.33, 0.33};
    private static final double[] YOUNG_SEX_WEIGHT = {0.48, 0.52};
    private static final String[] YOUNG_ISCED = {"4", "5", "6", "7", "8"};
    // By age group: at 18–24 most are still at college or in a bachelor's programme, so few hold a master's
    // and almost none a doctorate.
    private static final double[][] YOUNG_ISCED_WEIGHT = {
        {0.40, 0.17, 0.40, 0.03, 0.002},
        {0.20, 0.10, 0.50, 0.16, 0.04},
        {0.18, 0.09, 0.50, 0.17, 0.06}};
    /** Women hold tertiary degrees more often than men (a tenth more weight on ISCED 6–8). */
    private static final double YOUNG_FEMALE_TERTIARY = 1.1;
    private static final java.util.Set<String> CITIES = java.util.Set.of("710000000", "750000000", "790000000");

    // ISCO-08 major groups in the order statistics print them: 1–9, then 0 (armed forces).
    private static final String[] ISCO_INTELLECTUAL = {"1", "2", "3"};
    private static final double[] ISCO_INTELLECTUAL_WEIGHT = {0.22, 0.55, 0.23};
    private static final String[] ISCO_OTHER = {"4", "5", "6", "7", "8", "9", "0"};
    private static final double[] ISCO_OTHER_WEIGHT = {0.07, 0.20, 0.04, 0.22, 0.20, 0.26, 0.01};

    private static final String[] ISCED_BELOW_TERTIARY = {"0", "1", "2", "3", "4"};
    private static final double[] ISCED_BELOW_TERTIARY_WEIGHT = {0.13, 0.12, 0.15, 0.38, 0.22};
    private static final String[] ISCED_TERTIARY = {"5", "6", "7", "8"};
    private static final double[] ISCED_TERTIARY_WEIGHT = {0.30, 0.48, 0.19, 0.03};

    // The 15 main destinations; their shares move linearly from the 2010 to the 2024 weights. In this
    // synthetic series they take all emigrants: the canonical code list has no "rest of the world".
    private static final String[] DESTINATIONS = {
        "RU", "DE", "US", "KR", "TR", "CN", "PL", "CA", "GB", "CZ", "IL", "AE", "UZ", "KG", "BY"};
    private static final double[] DESTINATION_2010 = {
        0.820, 0.090, 0.010, 0.004, 0.004, 0.006, 0.003, 0.005, 0.004, 0.003, 0.010, 0.002, 0.015, 0.010, 0.025};
    private static final double[] DESTINATION_2024 = {
        0.620, 0.060, 0.030, 0.035, 0.025, 0.020, 0.020, 0.020, 0.015, 0.012, 0.008, 0.020, 0.035, 0.030, 0.020};

    private SyntheticSeries() {
    }

    /**
     * Writes the two CSV files into the directory given as the only argument
     * (default {@code src/main/resources/demo}).
     */
    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args.length > 0 ? args[0] : "src/main/resources/demo");
        List<Observation> rows = generate(SEED);
        write(rows, directory);
        for (Map.Entry<String, List<Observation>> file : byFile(rows).entrySet()) {
            System.out.printf("SYNTHETIC data, seed %d: %s, %d rows%n",
                    SEED, directory.resolve(file.getKey()), file.getValue().size());
        }
    }

    /**
     * All rows of both files, in file order: emigrants, immigrants, population, tertiary-educated
     * population, each by year, national total first; then the young specialists of the last year.
     */
    public static List<Observation> generate(long seed) {
        Random random = new Random(seed);
        List<Observation> emigrants = new ArrayList<>();
        List<Observation> immigrants = new ArrayList<>();
        List<Observation> population = new ArrayList<>();
        List<Observation> tertiary = new ArrayList<>();
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            emigrants.addAll(emigrantsIn(year, random));
            immigrants.addAll(immigrantsIn(year, random));
            population.addAll(populationIn(year, random));
            tertiary.add(row(POP_TERTIARY_25PLUS, year, COUNTRY, TOTAL, TOTAL, TOTAL, TOTAL, NOT_APPLICABLE,
                    Math.round(tertiaryCurve(year) * noise(random, 0.004))));
        }
        // Drawn after every other series, so that adding it left the earlier series' numbers as they were.
        List<Observation> young = youngSpecialists(population, random);
        List<Observation> all = new ArrayList<>(emigrants);
        all.addAll(immigrants);
        all.addAll(population);
        all.addAll(tertiary);
        all.addAll(young);
        return List.copyOf(all);
    }

    /**
     * Young specialists on 1 January {@value #LAST_YEAR}: residents aged 18–35 with ISCED 4–8, by region × age
     * group × sex × ISCED level, with the totals of every dimension (national first, then each region; within
     * each, age, sex and education with the total first). A region's count is
     * {@code round(population × s_age × s_edu)}, with {@code s_age} = 0.26 (0.31 in Astana, Almaty and Shymkent)
     * and {@code s_edu} = 0.42 (0.55 in the cities), each times a 3% log-normal noise; its 30 cells are
     * apportioned by largest remainder with weights age × sex × ISCED-given-age, each times a 5% noise.
     */
    private static List<Observation> youngSpecialists(List<Observation> population, Random random) {
        List<String> regions = regionsIn(LAST_YEAR);
        int ages = YOUNG_AGES.length;
        int levels = YOUNG_ISCED.length;
        long[][][][] cells = new long[regions.size()][ages][SEXES.length][levels];
        for (int r = 0; r < regions.size(); r++) {
            String region = regions.get(r);
            long persons = population.stream().filter(o -> o.timePeriod() == LAST_YEAR && o.refArea().equals(region))
                    .mapToLong(Observation::obsValue).findFirst().orElseThrow();
            boolean city = CITIES.contains(region);
            double young = (city ? 0.31 : 0.26) * noise(random, 0.03);
            double educated = (city ? 0.55 : 0.42) * noise(random, 0.03);
            long total = Math.round(persons * young * educated);
            double[] weights = new double[ages * SEXES.length * levels];
            int k = 0;
            for (int a = 0; a < ages; a++) {
                for (int s = 0; s < SEXES.length; s++) {
                    for (int e = 0; e < levels; e++) {
                        double tertiary = s == 1 && e >= 2 ? YOUNG_FEMALE_TERTIARY : 1.0;
                        weights[k++] = YOUNG_AGE_WEIGHT[a] * YOUNG_SEX_WEIGHT[s] * YOUNG_ISCED_WEIGHT[a][e] * tertiary
                                * noise(random, 0.05);
                    }
                }
            }
            long[] parts = Allocation.largestRemainder(total, weights);
            k = 0;
            for (int a = 0; a < ages; a++) {
                for (int s = 0; s < SEXES.length; s++) {
                    for (int e = 0; e < levels; e++) {
                        cells[r][a][s][e] = parts[k++];
                    }
                }
            }
        }
        List<Observation> rows = new ArrayList<>();
        List<String> areas = new ArrayList<>(List.of(COUNTRY));
        areas.addAll(regions);
        for (String area : areas) {
            int only = area.equals(COUNTRY) ? -1 : regions.indexOf(area);
            for (int a = -1; a < ages; a++) {
                for (int s = -1; s < SEXES.length; s++) {
                    for (int e = -1; e < levels; e++) {
                        long sum = 0;
                        for (int r = 0; r < regions.size(); r++) {
                            if (only >= 0 && r != only) {
                                continue;
                            }
                            for (int a2 = 0; a2 < ages; a2++) {
                                for (int s2 = 0; s2 < SEXES.length; s2++) {
                                    for (int e2 = 0; e2 < levels; e2++) {
                                        if ((a < 0 || a == a2) && (s < 0 || s == s2) && (e < 0 || e == e2)) {
                                            sum += cells[r][a2][s2][e2];
                                        }
                                    }
                                }
                            }
                        }
                        rows.add(row(POP_YOUNG_SPECIALISTS, LAST_YEAR, area, TOTAL, e < 0 ? TOTAL : YOUNG_ISCED[e],
                                s < 0 ? TOTAL : SEXES[s], a < 0 ? TOTAL : YOUNG_AGES[a], NOT_APPLICABLE, sum));
                    }
                }
            }
        }
        return rows;
    }

    /** The rows of each file, by file name: flows in one, stocks in the other. */
    public static Map<String, List<Observation>> byFile(List<Observation> rows) {
        Map<String, List<Observation>> files = new LinkedHashMap<>();
        files.put(EMIGRATION_FILE, new ArrayList<>());
        files.put(POPULATION_FILE, new ArrayList<>());
        for (Observation row : rows) {
            boolean flow = row.indicator().equals(EMIGRANTS) || row.indicator().equals(IMMIGRANTS);
            files.get(flow ? EMIGRATION_FILE : POPULATION_FILE).add(row);
        }
        return files;
    }

    /** A file's bytes: UTF-8, header first, one row per line, each line ended by LF. */
    public static byte[] csv(List<Observation> rows) {
        StringBuilder text = new StringBuilder(rows.size() * 64);
        text.append(Observation.CSV_HEADER).append('\n');
        for (Observation row : rows) {
            text.append(row.csvLine()).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * What each generator's {@code main} does: writes {@code rows} as {@code file} into the directory given as the
     * only argument (default {@code src/main/resources/demo}) and says what it wrote.
     */
    static void writeFile(String[] args, String file, List<Observation> rows) throws IOException {
        Path directory = Path.of(args.length > 0 ? args[0] : "src/main/resources/demo");
        Files.createDirectories(directory);
        Files.write(directory.resolve(file), csv(rows));
        System.out.printf("SYNTHETIC data, seed %d: %s, %d rows%n", SEED, directory.resolve(file), rows.size());
    }

    /** Writes each file of {@link #byFile} into {@code directory}, creating it if needed. */
    public static void write(List<Observation> rows, Path directory) throws IOException {
        Files.createDirectories(directory);
        for (Map.Entry<String, List<Observation>> file : byFile(rows).entrySet()) {
            Files.write(directory.resolve(file.getKey()), csv(file.getValue()));
        }
    }

    /** The KATO codes of the first-level units that published statistics for {@code year}, ascending. */
    public static List<String> regionsIn(int year) {
        TreeSet<String> units = new TreeSet<>();
        for (String unit : UNIT) {
            units.add(unitIn(unit, year));
        }
        return List.copyOf(units);
    }

    /**
     * The illustrative national emigration curve, before noise: a level that rises smoothly from
     * 24,000 to 30,000 around 2019–2020, plus a hump of 21,000 at 2019 (Gaussian, width 2.2 years before
     * the peak and 0.9 after, so the fall is faster than the rise), minus a narrow 2020 dip of 9,000.
     *
     * <pre>E(t) = 24000 + 6000·σ((t − 2019.5)/0.5) + 21000·exp(−((t − 2019)/w)²) − 9000·exp(−((t − 2020)/0.4)²),
     * σ(x) = 1/(1 + e^(−x)), w = 2.2 for t ≤ 2019, 0.9 after</pre>
     */
    static double emigrationCurve(int year) {
        double level = 24_000 + 6_000 * logistic((year - 2019.5) / 0.5);
        double width = year <= 2019 ? 2.2 : 0.9;
        double hump = 21_000 * StrictMath.exp(-square((year - 2019) / width));
        double dip = 9_000 * StrictMath.exp(-square((year - 2020) / 0.4));
        return level + hump - dip;
    }

    /**
     * The illustrative national immigration curve, before noise.
     *
     * <pre>I(t) = 11000 + 31000·exp(−(t − 2010)/3.2) − 3000·exp(−((t − 2020)/0.45)²)</pre>
     */
    static double immigrationCurve(int year) {
        return 11_000 + 31_000 * StrictMath.exp(-(year - 2010) / 3.2)
                - 3_000 * StrictMath.exp(-square((year - 2020) / 0.45));
    }

    /** Tertiary-educated residents aged 25+, before noise: linear from 2.95 M (2010) to 3.95 M (2024). */
    static double tertiaryCurve(int year) {
        return 2_950_000 + 1_000_000 * (year - FIRST_YEAR) / (double) (LAST_YEAR - FIRST_YEAR);
    }

    private static List<Observation> emigrantsIn(int year, Random random) {
        long total = Math.round(emigrationCurve(year) * noise(random, 0.04));
        if (year == 2022) {
            total = EMIGRANTS_2022;
        }
        double[] weights = new double[UNIT.length];
        for (int i = 0; i < UNIT.length; i++) {
            weights[i] = EMI_WEIGHT[i] * StrictMath.exp(EMI_TREND[i] * (year - 2022)) * noise(random, 0.08);
        }
        List<Observation> rows = new ArrayList<>();
        long[] bySex = regionsBySex(EMIGRANTS, "EMI", year, total, weights, 0.52, random, rows);

        rows.addAll(byOccupation(year, total, random));
        rows.addAll(byEducation(year, total, random));

        double progress = (year - FIRST_YEAR) / (double) (LAST_YEAR - FIRST_YEAR);
        double[] destinationWeights = new double[DESTINATIONS.length];
        for (int i = 0; i < DESTINATIONS.length; i++) {
            double base = DESTINATION_2010[i] + (DESTINATION_2024[i] - DESTINATION_2010[i]) * progress;
            destinationWeights[i] = base * noise(random, 0.08);
        }
        long[] byDestination = Allocation.largestRemainder(total, destinationWeights);
        for (int i = 0; i < DESTINATIONS.length; i++) {
            rows.add(emigrantRow(year, TOTAL, TOTAL, DESTINATIONS[i], TOTAL, TOTAL, byDestination[i]));
        }

        long[][] ageBySex = new long[SEXES.length][];
        for (int s = 0; s < SEXES.length; s++) {
            double[] base = s == 0 ? AGE_WEIGHT_M : AGE_WEIGHT_F;
            double[] ageWeights = new double[AGES.length];
            for (int a = 0; a < AGES.length; a++) {
                ageWeights[a] = base[a] * noise(random, 0.05);
            }
            ageBySex[s] = Allocation.largestRemainder(bySex[s], ageWeights);
        }
        for (int a = 0; a < AGES.length; a++) {
            rows.add(emigrantRow(year, TOTAL, TOTAL, TOTAL, TOTAL, AGES[a], ageBySex[0][a] + ageBySex[1][a]));
            for (int s = 0; s < SEXES.length; s++) {
                rows.add(emigrantRow(year, TOTAL, TOTAL, TOTAL, SEXES[s], AGES[a], ageBySex[s][a]));
            }
        }
        return rows;
    }

    private static List<Observation> immigrantsIn(int year, Random random) {
        long total = Math.round(immigrationCurve(year) * noise(random, 0.05));
        double[] weights = new double[UNIT.length];
        for (int i = 0; i < UNIT.length; i++) {
            weights[i] = IMM_WEIGHT[i] * noise(random, 0.08);
        }
        List<Observation> rows = new ArrayList<>();
        regionsBySex(IMMIGRANTS, "IMM", year, total, weights, 0.50, random, rows);
        return rows;
    }

    /**
     * Adds the national rows (total, men, women) and then each region's (total, men, women) to
     * {@code rows}, and returns the national men and women, which the age breakdown must add up to.
     */
    private static long[] regionsBySex(String indicator, String flow, int year, long total, double[] unitWeights,
                                       double femaleShare, Random random, List<Observation> rows) {
        List<String> regions = regionsIn(year);
        double[] weights = new double[regions.size()];
        for (int i = 0; i < UNIT.length; i++) {
            weights[regions.indexOf(unitIn(UNIT[i], year))] += unitWeights[i];
        }
        long[] byRegion = Allocation.largestRemainder(total, weights);
        long[][] bySex = new long[regions.size()][2];
        long men = 0;
        long women = 0;
        for (int r = 0; r < regions.size(); r++) {
            double share = Math.min(0.6, Math.max(0.4, femaleShare + 0.015 * random.nextGaussian()));
            long female = Math.round(byRegion[r] * share);
            bySex[r][0] = byRegion[r] - female;
            bySex[r][1] = female;
            men += bySex[r][0];
            women += female;
        }
        rows.add(flowRow(indicator, flow, year, COUNTRY, TOTAL, total));
        rows.add(flowRow(indicator, flow, year, COUNTRY, "M", men));
        rows.add(flowRow(indicator, flow, year, COUNTRY, "F", women));
        for (int r = 0; r < regions.size(); r++) {
            rows.add(flowRow(indicator, flow, year, regions.get(r), TOTAL, byRegion[r]));
            rows.add(flowRow(indicator, flow, year, regions.get(r), "M", bySex[r][0]));
            rows.add(flowRow(indicator, flow, year, regions.get(r), "F", bySex[r][1]));
        }
        return new long[] {men, women};
    }

    /**
     * Occupation: "unknown" takes about 44% (in emigration statistics it also holds children,
     * pensioners and others with no occupation); the intellectual groups 1–3 take a share of the known
     * that rises from 19.5% in 2010 to exactly 25% in 2022 and eases after, never above 24.8% in
     * another year.
     */
    private static List<Observation> byOccupation(int year, long total, Random random) {
        double unknownShare = clamp(0.44 + 0.02 * random.nextGaussian(), 0.35, 0.55);
        long unknown = Math.round(total * unknownShare);
        long known = total - unknown;
        double trend = year <= 2022
                ? 0.195 + 0.055 * (year - FIRST_YEAR) / 12.0
                : INTELLECTUAL_SHARE_2022 - 0.004 * (year - 2022);
        double jitter = 0.006 * random.nextGaussian();
        // Capped below 25% elsewhere, so the note's "up to 25%" stays the peak of the series.
        double intellectualShare = year == 2022 ? INTELLECTUAL_SHARE_2022 : Math.min(0.248, trend + jitter);
        long intellectual = Math.round(known * intellectualShare);

        List<Observation> rows = new ArrayList<>();
        long[] top = Allocation.largestRemainder(intellectual, noisy(ISCO_INTELLECTUAL_WEIGHT, random, 0.06));
        long[] rest = Allocation.largestRemainder(known - intellectual, noisy(ISCO_OTHER_WEIGHT, random, 0.06));
        for (int i = 0; i < ISCO_INTELLECTUAL.length; i++) {
            rows.add(emigrantRow(year, ISCO_INTELLECTUAL[i], TOTAL, TOTAL, TOTAL, TOTAL, top[i]));
        }
        for (int i = 0; i < ISCO_OTHER.length; i++) {
            rows.add(emigrantRow(year, ISCO_OTHER[i], TOTAL, TOTAL, TOTAL, TOTAL, rest[i]));
        }
        rows.add(emigrantRow(year, UNKNOWN, TOTAL, TOTAL, TOTAL, TOTAL, unknown));
        return rows;
    }

    /** Education: about 12% unknown; the tertiary share of the known rises from 26% to 36%. */
    private static List<Observation> byEducation(int year, long total, Random random) {
        double unknownShare = clamp(0.12 + 0.015 * random.nextGaussian(), 0.05, 0.2);
        long unknown = Math.round(total * unknownShare);
        long known = total - unknown;
        double tertiaryShare = 0.26 + 0.10 * (year - FIRST_YEAR) / (double) (LAST_YEAR - FIRST_YEAR)
                + 0.01 * random.nextGaussian();
        long tertiary = Math.round(known * tertiaryShare);

        long[] below = Allocation.largestRemainder(known - tertiary, noisy(ISCED_BELOW_TERTIARY_WEIGHT, random, 0.06));
        long[] above = Allocation.largestRemainder(tertiary, noisy(ISCED_TERTIARY_WEIGHT, random, 0.06));
        List<Observation> rows = new ArrayList<>();
        for (int i = 0; i < ISCED_BELOW_TERTIARY.length; i++) {
            rows.add(emigrantRow(year, TOTAL, ISCED_BELOW_TERTIARY[i], TOTAL, TOTAL, TOTAL, below[i]));
        }
        for (int i = 0; i < ISCED_TERTIARY.length; i++) {
            rows.add(emigrantRow(year, TOTAL, ISCED_TERTIARY[i], TOTAL, TOTAL, TOTAL, above[i]));
        }
        rows.add(emigrantRow(year, TOTAL, UNKNOWN, TOTAL, TOTAL, TOTAL, unknown));
        return rows;
    }

    private static List<Observation> populationIn(int year, Random random) {
        double progress = (year - FIRST_YEAR) / (double) (LAST_YEAR - FIRST_YEAR);
        List<String> regions = regionsIn(year);
        long[] byRegion = new long[regions.size()];
        for (int i = 0; i < UNIT.length; i++) {
            double thousands = POP_2010[i] * StrictMath.pow(POP_2024[i] / POP_2010[i], progress);
            long persons = Math.round(thousands * 1_000 * noise(random, 0.002));
            byRegion[regions.indexOf(unitIn(UNIT[i], year))] += persons;
        }
        long national = 0;
        for (long persons : byRegion) {
            national += persons;
        }
        List<Observation> rows = new ArrayList<>();
        rows.add(row(POPULATION, year, COUNTRY, TOTAL, TOTAL, TOTAL, TOTAL, NOT_APPLICABLE, national));
        for (int r = 0; r < regions.size(); r++) {
            rows.add(row(POPULATION, year, regions.get(r), TOTAL, TOTAL, TOTAL, TOTAL, NOT_APPLICABLE, byRegion[r]));
        }
        return rows;
    }

    /** Where a current unit's territory was reported in {@code year}. */
    private static String unitIn(String current, int year) {
        if (year < 2022) {
            switch (current) {
                case "100000000":
                    return "630000000";
                case "330000000":
                    return "190000000";
                case "620000000":
                    return "350000000";
                default:
                    break;
            }
        }
        if (year < 2018 && (current.equals("610000000") || current.equals("790000000"))) {
            return "510000000";
        }
        return current;
    }

    private static Observation emigrantRow(int year, String occupation, String education, String destination,
                                           String sex, String age, long value) {
        return new Observation(EMIGRANTS, year, COUNTRY, occupation, education, destination, sex, age, "EMI", value,
                0, ESTIMATED);
    }

    private static Observation flowRow(String indicator, String flow, int year, String region, String sex,
                                       long value) {
        return new Observation(indicator, year, region, TOTAL, TOTAL, TOTAL, sex, TOTAL, flow, value, 0, ESTIMATED);
    }

    private static Observation row(String indicator, int year, String region, String occupation, String education,
                                   String sex, String age, String flow, long value) {
        return new Observation(indicator, year, region, occupation, education, TOTAL, sex, age, flow, value, 0,
                ESTIMATED);
    }

    private static double[] noisy(double[] weights, Random random, double sigma) {
        double[] result = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            result[i] = weights[i] * noise(random, sigma);
        }
        return result;
    }

    /** A log-normal multiplier with median 1: never negative, and symmetric on a ratio scale. */
    private static double noise(Random random, double sigma) {
        return StrictMath.exp(sigma * random.nextGaussian());
    }

    private static double logistic(double x) {
        return 1.0 / (1.0 + StrictMath.exp(-x));
    }

    private static double square(double x) {
        return x * x;
    }

    private static double clamp(double value, double low, double high) {
        return Math.min(high, Math.max(low, value));
    }
}
