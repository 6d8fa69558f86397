package kz.agyn.demo.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kz.agyn.warehouse.metrics.KnownShare;
import kz.agyn.warehouse.metrics.Shares;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed CSV files, read back as shipped and checked against what the brief and the note
 * require. The code lists below are written out here, not taken from the generator, so that a wrong
 * list in the generator cannot pass its own test.
 */
class SyntheticSeriesTest {

    private static final String HEADER =
            "INDICATOR,TIME_PERIOD,REF_AREA,OCCUPATION,EDUCATION,COUNTERPART_AREA,SEX,AGE,FLOW,OBS_VALUE,UNIT_MULT,OBS_STATUS";
    private static final String[] FILES = {"synthetic-emigration-2010-2024.csv", "synthetic-population-2010-2024.csv"};

    private static final int INDICATOR = 0;
    private static final int TIME = 1;
    private static final int AREA = 2;
    private static final int OCCUPATION = 3;
    private static final int EDUCATION = 4;
    private static final int COUNTERPART = 5;
    private static final int SEX = 6;
    private static final int AGE = 7;
    private static final int FLOW = 8;
    private static final int VALUE = 9;
    private static final int[] DIMENSIONS = {AREA, OCCUPATION, EDUCATION, COUNTERPART, SEX, AGE};
    private static final String COUNTRY = "000000000";

    private static final List<String> UNITS_2010_2017 = List.of(
            "110000000", "150000000", "190000000", "230000000", "270000000", "310000000", "350000000", "390000000",
            "430000000", "470000000", "510000000", "550000000", "590000000", "630000000", "710000000", "750000000");
    private static final List<String> UNITS_2018_2021 = List.of(
            "110000000", "150000000", "190000000", "230000000", "270000000", "310000000", "350000000", "390000000",
            "430000000", "470000000", "550000000", "590000000", "610000000", "630000000", "710000000", "750000000",
            "790000000");
    private static final List<String> UNITS_FROM_2022 = List.of(
            "100000000", "110000000", "150000000", "190000000", "230000000", "270000000", "310000000", "330000000",
            "350000000", "390000000", "430000000", "470000000", "550000000", "590000000", "610000000", "620000000",
            "630000000", "710000000", "750000000", "790000000");
    private static final Set<String> ISCO = Set.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "_T", "_U");
    private static final Set<String> ISCED = Set.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "_T", "_U");
    private static final List<String> DESTINATIONS = List.of(
            "RU", "DE", "US", "KR", "TR", "CN", "PL", "CA", "GB", "CZ", "IL", "AE", "UZ", "KG", "BY");
    private static final Set<String> SEXES = Set.of("M", "F", "_T");
    private static final Set<String> AGES = Set.of(
            "_T", "Y_LT15", "Y15T24", "Y25T34", "Y35T44", "Y45T54", "Y55T64", "Y_GE65");
    /** The age groups of the young specialists, who are counted at 18–35 to match the survey instrument. */
    private static final Set<String> YOUNG_AGES = Set.of("_T", "Y18T24", "Y25T29", "Y30T35");
    private static final Map<String, String> FLOW_OF = Map.of(
            "EMIGRANTS", "EMI", "IMMIGRANTS", "IMM", "POPULATION", "_Z", "POP_TERTIARY_25PLUS", "_Z",
            "POP_YOUNG_SPECIALISTS", "_Z");

    private static Map<String, byte[]> shipped;
    private static List<String[]> rows;

    @BeforeAll
    static void readShippedFiles() throws IOException {
        shipped = new LinkedHashMap<>();
        rows = new ArrayList<>();
        for (String file : FILES) {
            try (InputStream in = SyntheticSeriesTest.class.getResourceAsStream("/demo/" + file)) {
                assertThat(in).as("classpath:/demo/" + file).isNotNull();
                shipped.put(file, in.readAllBytes());
            }
            List<String> lines = new String(shipped.get(file), StandardCharsets.UTF_8).lines().toList();
            assertThat(lines.get(0)).as(file).isEqualTo(HEADER);
            lines.stream().skip(1).map(line -> line.split(",", -1)).forEach(rows::add);
        }
    }

    @Test
    void regeneratingWithTheSeedReproducesTheCommittedFilesByteForByte() {
        Map<String, List<Observation>> files = SyntheticSeries.byFile(SyntheticSeries.generate(SyntheticSeries.SEED));

        assertThat(files.keySet()).containsExactly(FILES);
        for (String file : FILES) {
            assertThat(SyntheticSeries.csv(files.get(file))).as(file).isEqualTo(shipped.get(file));
        }
    }

    @Test
    void mainWritesTheSameFiles(@TempDir Path directory) throws IOException {
        SyntheticSeries.main(new String[] {directory.toString()});

        for (String file : FILES) {
            assertThat(Files.readAllBytes(directory.resolve(file))).as(file).isEqualTo(shipped.get(file));
        }
    }

    @Test
    void anotherSeedGivesOtherNumbersButTheSameCalibration() {
        List<Observation> other = SyntheticSeries.generate(1L);

        assertThat(SyntheticSeries.csv(other)).isEqualTo(SyntheticSeries.csv(SyntheticSeries.generate(1L)))
                .isNotEqualTo(SyntheticSeries.csv(SyntheticSeries.generate(SyntheticSeries.SEED)));
        assertThat(other.stream().filter(o -> o.indicator().equals("EMIGRANTS") && o.timePeriod() == 2022
                        && o.refArea().equals(COUNTRY) && o.occupation().equals("_T") && o.education().equals("_T")
                        && o.counterpartArea().equals("_T") && o.sex().equals("_T") && o.age().equals("_T"))
                .map(Observation::obsValue)).containsExactly(31_287L);
    }

    @Test
    void filesAreSmallAndEveryLineHasTwelveFields() {
        shipped.forEach((file, bytes) -> assertThat(bytes.length).as(file).isLessThan(5 * 1024 * 1024));
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(12));
        assertThat(rows).hasSize(2_481 + 1_798);
    }

    @Test
    void nationalEmigrantsIn2022AreTheNotesFigure() {
        assertThat(nationalTotal("EMIGRANTS", 2022)).isEqualTo(31_287L);
    }

    @Test
    void intellectualProfessionsAreAQuarterOfKnownOccupationsIn2022() {
        // ISCO major groups 1–3 over emigrants with a known occupation, unknown excluded
        for (int year = 2010; year <= 2024; year++) {
            KnownShare share = Shares.intellectualProfessions(breakdown("EMIGRANTS", year, OCCUPATION));
            double value = share.share().orElseThrow().doubleValue();
            if (year == 2022) {
                assertThat(value).isCloseTo(0.25, within(0.005));
            } else {
                assertThat(value).as("%d: the note's 25%% is the peak", year).isLessThan(0.25).isGreaterThan(0.15);
            }
            assertThat(share.total()).isEqualTo(nationalTotal("EMIGRANTS", year));
        }
    }

    @Test
    void everyBreakdownSumsToItsTotal() {
        // For each dimension: rows equal in every other dimension, whose code in this one is a part
        // (not the total), add up to the row whose code is the total. This covers regions to the country,
        // men + women to the total (per region too), and every national breakdown, by sex where given.
        int checked = 0;
        for (int dimension : DIMENSIONS) {
            Map<String, Long> totals = new HashMap<>();
            Map<String, Long> sums = new HashMap<>();
            for (String[] row : rows) {
                String group = keyWithout(row, dimension);
                long value = Long.parseLong(row[VALUE]);
                if (isTotal(dimension, row[dimension])) {
                    assertThat(totals.put(group, value)).as("duplicate total " + group).isNull();
                } else {
                    sums.merge(group, value, Long::sum);
                }
            }
            for (Map.Entry<String, Long> sum : sums.entrySet()) {
                assertThat(totals).as("a total for " + sum.getKey()).containsKey(sum.getKey());
                assertThat(sum.getValue()).as(sum.getKey()).isEqualTo(totals.get(sum.getKey()));
                checked++;
            }
        }
        assertThat(checked).as("breakdowns checked").isGreaterThan(600);
    }

    @Test
    void eachYearHasEveryBreakdownInFull() {
        for (int year = 2010; year <= 2024; year++) {
            assertThat(breakdown("EMIGRANTS", year, OCCUPATION).keySet()).as("%d occupation", year)
                    .containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "_U");
            assertThat(breakdown("EMIGRANTS", year, EDUCATION).keySet()).as("%d education", year)
                    .containsExactlyInAnyOrder("0", "1", "2", "3", "4", "5", "6", "7", "8", "_U");
            assertThat(breakdown("EMIGRANTS", year, COUNTERPART).keySet()).as("%d destinations", year)
                    .containsExactlyInAnyOrderElementsOf(DESTINATIONS);
            assertThat(breakdown("EMIGRANTS", year, AGE).keySet()).as("%d ages", year)
                    .containsExactlyInAnyOrderElementsOf(AGES.stream().filter(a -> !a.equals("_T")).toList());
            for (String indicator : List.of("EMIGRANTS", "IMMIGRANTS", "POPULATION")) {
                assertThat(regions(indicator, year)).as("%s %d regions", indicator, year)
                        .containsExactlyElementsOf(expectedUnits(year));
            }
            assertThat(nationalTotal("POP_TERTIARY_25PLUS", year)).isBetween(2_800_000L, 4_100_000L);
        }
    }

    @Test
    void regionsFollowTheGeographyOfTheirYear() {
        for (String[] row : rows) {
            int year = Integer.parseInt(row[TIME]);
            String area = row[AREA];
            if (year < 2022) {
                assertThat(area).as("%d", year).isNotIn("100000000", "330000000", "620000000");
            } else {
                assertThat(area).as("%d", year).isNotEqualTo("510000000");
            }
            if (year < 2018) {
                assertThat(area).as("%d", year).isNotIn("610000000", "790000000");
            } else {
                assertThat(area).as("%d", year).isNotEqualTo("510000000");
            }
        }
        assertThat(SyntheticSeries.regionsIn(2017)).containsExactlyElementsOf(UNITS_2010_2017);
        assertThat(SyntheticSeries.regionsIn(2021)).containsExactlyElementsOf(UNITS_2018_2021);
        assertThat(SyntheticSeries.regionsIn(2022)).containsExactlyElementsOf(UNITS_FROM_2022);
    }

    @Test
    void everyCodeIsValid() {
        Pattern kato = Pattern.compile("\\d{9}");
        Set<String> keys = new HashSet<>();
        Set<String> firstLevel = new HashSet<>(UNITS_FROM_2022);
        firstLevel.add("510000000");
        for (String[] row : rows) {
            String line = String.join(",", row);
            assertThat(FLOW_OF).as(line).containsKey(row[INDICATOR]);
            assertThat(row[FLOW]).as(line).isEqualTo(FLOW_OF.get(row[INDICATOR]));
            assertThat(Integer.parseInt(row[TIME])).as(line).isBetween(2010, 2024);
            assertThat(row[AREA]).as(line).matches(kato);
            assertThat(row[AREA].equals(COUNTRY) || firstLevel.contains(row[AREA])).as(line).isTrue();
            assertThat(row[OCCUPATION]).as(line).isIn(ISCO);
            assertThat(row[EDUCATION]).as(line).isIn(ISCED);
            assertThat(row[COUNTERPART].equals("_T") || DESTINATIONS.contains(row[COUNTERPART])).as(line).isTrue();
            assertThat(row[SEX]).as(line).isIn(SEXES);
            assertThat(row[AGE]).as(line).isIn(row[INDICATOR].equals("POP_YOUNG_SPECIALISTS") ? YOUNG_AGES : AGES);
            assertThat(row[VALUE]).as(line).matches("0|[1-9]\\d*");
            assertThat(row[10]).as(line).isEqualTo("0");
            assertThat(row[11]).as(line).isEqualTo("E");
            assertThat(keys.add(keyWithout(row, -1))).as("duplicate row " + line).isTrue();
        }
    }

    @Test
    void trendHasTheDocumentedShape() {
        long[] emigrants = IntStream.rangeClosed(2010, 2024).mapToLong(y -> nationalTotal("EMIGRANTS", y)).toArray();
        for (int i = 0; i <= 5; i++) {
            assertThat(emigrants[i]).as("%d", 2010 + i).isBetween(20_000L, 30_000L);
        }
        assertThat(emigrants[9]).as("2019").isBetween(40_000L, 50_000L);
        assertThat(emigrants[10]).as("2020 dip").isLessThan(emigrants[9]).isLessThan(emigrants[11]);
        for (int i = 11; i <= 14; i++) {
            assertThat(emigrants[i]).as("%d", 2010 + i).isBetween(25_000L, 35_000L);
        }
        for (int year = 2010; year <= 2024; year++) {
            Map<String, Long> destinations = breakdown("EMIGRANTS", year, COUNTERPART);
            long russia = destinations.get("RU");
            assertThat(destinations.values()).as("%d: RU dominant", year).allMatch(v -> v <= russia);
            assertThat(russia * 2).as("%d: RU over half", year).isGreaterThan(nationalTotal("EMIGRANTS", year));
        }
    }

    @Test
    void populationHasRealisticMagnitudes() {
        assertThat(nationalTotal("POPULATION", 2010)).isBetween(15_900_000L, 16_500_000L);
        assertThat(nationalTotal("POPULATION", 2024)).isBetween(19_700_000L, 20_300_000L);
        assertThat(value("POPULATION", 2024, "750000000")).isBetween(2_100_000L, 2_300_000L);
        assertThat(value("POPULATION", 2024, "710000000")).isBetween(1_300_000L, 1_500_000L);
        long previous = 0;
        for (int year = 2010; year <= 2024; year++) {
            long population = nationalTotal("POPULATION", year);
            assertThat(population).as("%d grows", year).isGreaterThan(previous);
            previous = population;
        }
    }

    @Test
    void readmeSaysWhatTheDataAreAndHowToRegenerateThem() throws IOException {
        String readme;
        try (InputStream in = SyntheticSeriesTest.class.getResourceAsStream("/demo/README.md")) {
            assertThat(in).isNotNull();
            readme = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(readme).contains("SYNTHETIC", "never", "official", "kz.agyn.demo.warehouse.SyntheticSeries",
                Long.toString(SyntheticSeries.SEED),
                "java -cp target/classes kz.agyn.demo.warehouse.SyntheticSeries src/main/resources/demo",
                "31,287", "2,481", "1,798", "POP_YOUNG_SPECIALISTS");
    }

    /**
     * The young specialists (18–35, ISCED 4–8) of 2024 form a full cube over the 20 current regions, the three
     * age groups, both sexes and ISCED 4–8 (its sums are checked with every other breakdown), and fit inside the
     * rest of the synthetic population: no region has more young specialists than a third of its residents,
     * and the tertiary-educated among them aged 25–35 are fewer than all tertiary-educated residents aged 25+.
     */
    @Test
    void youngSpecialistsAreAConsistentCubeOfTheLastYear() {
        List<String[]> young = rows.stream().filter(r -> r[INDICATOR].equals("POP_YOUNG_SPECIALISTS")).toList();
        assertThat(young).hasSize(21 * 4 * 3 * 6);
        assertThat(young).allSatisfy(r -> assertThat(r[TIME]).isEqualTo("2024"));
        assertThat(regions("POP_YOUNG_SPECIALISTS", 2024)).containsExactlyElementsOf(UNITS_FROM_2022);
        assertThat(breakdown("POP_YOUNG_SPECIALISTS", 2024, EDUCATION).keySet())
                .containsExactly("4", "5", "6", "7", "8");
        assertThat(breakdown("POP_YOUNG_SPECIALISTS", 2024, AGE).keySet())
                .containsExactly("Y18T24", "Y25T29", "Y30T35");
        for (String region : UNITS_FROM_2022) {
            long youngInRegion = value("POP_YOUNG_SPECIALISTS", 2024, region);
            assertThat(youngInRegion * 3).as(region).isPositive().isLessThan(value("POPULATION", 2024, region));
        }
        long tertiaryYoung = young.stream().filter(r -> r[AREA].equals(COUNTRY) && r[SEX].equals("_T")
                        && (r[AGE].equals("Y25T29") || r[AGE].equals("Y30T35")) && r[EDUCATION].matches("[5-8]"))
                .mapToLong(r -> Long.parseLong(r[VALUE])).sum();
        assertThat(tertiaryYoung).isPositive().isLessThan(nationalTotal("POP_TERTIARY_25PLUS", 2024));
        assertThat(nationalTotal("POP_YOUNG_SPECIALISTS", 2024)).isBetween(1_500_000L, 3_500_000L);
    }

    private static List<String> expectedUnits(int year) {
        return year < 2018 ? UNITS_2010_2017 : year < 2022 ? UNITS_2018_2021 : UNITS_FROM_2022;
    }

    private static boolean isTotal(int dimension, String code) {
        return dimension == AREA ? code.equals(COUNTRY) : code.equals("_T");
    }

    private static String keyWithout(String[] row, int dimension) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < VALUE; i++) {
            key.append(i == dimension ? "*" : row[i]).append(',');
        }
        return key.toString();
    }

    /** The national parts of one dimension, every other dimension at its total. */
    private static Map<String, Long> breakdown(String indicator, int year, int dimension) {
        Map<String, Long> parts = new LinkedHashMap<>();
        for (String[] row : rows) {
            if (row[INDICATOR].equals(indicator) && row[TIME].equals(Integer.toString(year))
                    && allTotalExcept(row, dimension) && !isTotal(dimension, row[dimension])) {
                parts.put(row[dimension], Long.parseLong(row[VALUE]));
            }
        }
        return parts;
    }

    private static List<String> regions(String indicator, int year) {
        return new ArrayList<>(new TreeSet<>(breakdown(indicator, year, AREA).keySet()));
    }

    private static long nationalTotal(String indicator, int year) {
        return value(indicator, year, COUNTRY);
    }

    private static long value(String indicator, int year, String area) {
        List<Long> found = rows.stream()
                .filter(row -> row[INDICATOR].equals(indicator) && row[TIME].equals(Integer.toString(year))
                        && row[AREA].equals(area) && allTotalExcept(row, AREA))
                .map(row -> Long.parseLong(row[VALUE])).collect(Collectors.toList());
        assertThat(found).as("%s %d %s", indicator, year, area).hasSize(1);
        return found.get(0);
    }

    private static boolean allTotalExcept(String[] row, int dimension) {
        for (int other : DIMENSIONS) {
            if (other != dimension && !isTotal(other, row[other])) {
                return false;
            }
        }
        return true;
    }
}
