package kz.agyn.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import kz.agyn.kernel.UserException;
import kz.agyn.reference.Names;
import kz.agyn.warehouse.metrics.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The metrics over a warehouse held in memory, so that every input is visible in the test: the findings of issue 15
 * reproduced one by one (each failed before the fix), and the arithmetic the acceptance asks to check by hand.
 */
class MetricInputsCheckedTest {

    private final List<Observation> rows = new ArrayList<>();
    private final Map<String, Boolean> synthetic = new java.util.HashMap<>();
    private final MetricsService service;

    MetricInputsCheckedTest() {
        Warehouse warehouse = mock(Warehouse.class);
        when(warehouse.observations(any())).thenAnswer(a -> select(a.getArgument(0)));
        when(warehouse.indicator(anyString())).thenAnswer(a -> indicator(a.getArgument(0)));
        when(warehouse.datasets()).thenAnswer(a -> synthetic.entrySet().stream().map(e -> new DatasetInfo(e.getKey(),
                new Names(e.getKey(), e.getKey(), e.getKey()), "test", null, null, null, e.getValue(), 1, null, 0))
                .toList());
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/warehouse", "i18n/metrics");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        service = new MetricsService(warehouse, messages);
    }

    private static Optional<Indicator> indicator(String code) {
        String unit = switch (code) {
            case "EMIGRANTS", "IMMIGRANTS", "POPULATION", "POPULATION_MIDYEAR", "POP_TERTIARY_25PLUS", "MIGRANT_STOCK"
                    -> "PERSONS";
            case "WAGE_AVG" -> "KZT";
            case "WAGE_ABROAD", "GDP_USD" -> "USD";
            case "WAGE_ABROAD_LCU" -> "LCU";
            case "EXCHANGE_RATE" -> "LCU_PER_USD";
            case "PPP_FACTOR", "PPP_FACTOR_CONSUMPTION" -> "LCU_PER_INTL_DOLLAR";
            case "GERD_GDP" -> "PERCENT_GDP";
            default -> null;
        };
        String per = switch (code) {
            case "WAGE_AVG" -> "MONTH";
            case "WAGE_ABROAD", "WAGE_ABROAD_LCU", "EMIGRANTS", "IMMIGRANTS" -> "YEAR";
            default -> null;
        };
        return unit == null ? Optional.empty() : Optional.of(new Indicator(code, new Names(code, code, code), unit,
                per, new Names("", "", "")));
    }

    private List<Observation> select(ObservationQuery q) {
        if (q.page() > 0) {
            return List.of();
        }
        return rows.stream().filter(o -> o.indicator().equals(q.indicator()))
                .filter(o -> q.dataset() == null || o.dataset().equals(q.dataset()))
                .filter(o -> q.filters().entrySet().stream().allMatch(f -> f.getValue() == null
                        || f.getValue().equals(code(o, f.getKey()))))
                .toList();
    }

    private static String code(Observation o, Dimension d) {
        return switch (d) {
            case REGION -> o.region();
            case OCCUPATION -> o.occupation();
            case EDUCATION -> o.education();
            case COUNTRY -> o.country();
            case SEX -> o.sex();
            case AGE -> o.age();
            case FLOW -> o.flow();
            default -> null;
        };
    }

    /** A row of the whole country; {@code dims}: occupation, education, country, flow (empty = the default). */
    private void add(String dataset, String indicator, String period, String value, String... dims) {
        synthetic.putIfAbsent(dataset, false);
        String occupation = dims.length > 0 && !dims[0].isEmpty() ? dims[0] : "_T";
        String education = dims.length > 1 && !dims[1].isEmpty() ? dims[1] : "_T";
        String country = dims.length > 2 && !dims[2].isEmpty() ? dims[2] : "_T";
        String flow = dims.length > 3 && !dims[3].isEmpty() ? dims[3] : "_Z";
        rows.add(new Observation(indicator, period, "000000000", occupation, education, country, "_T", "_T", flow,
                new BigDecimal(value), 0, "A", dataset, 1));
    }

    private MetricResult compute(Metric m, String from, String to, String dataset, String country, int window) {
        return service.compute(m, new MetricsService.Selection(null, from, to, dataset, null, country, null, List.of(),
                window), Locale.ENGLISH, true);
    }

    private static MetricResult.Point at(MetricResult r, String period) {
        return r.points().stream().filter(p -> p.period().equals(period)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + period + " in " + r.points() + "; missing " + r.missing()));
    }

    // --- currencies, by hand ---------------------------------------------------------------------------------

    /**
     * Germany, 2022: pay 50,000 € a year; Kazakhstan 400,000 ₸ a month. Consumption PPP factors 0.75 € and 150 ₸ per
     * international dollar; 0.9 € and 460 ₸ per US dollar. By hand: at PPP (50,000 / 0.75) / (4,800,000 / 150) =
     * 66,666.67 / 32,000 = 2.083333; at the market rate 50,000 × 460 / 0.9 / 4,800,000 = 5.324074.
     */
    @Test
    void payInEurosIsConvertedWithTheStatedRatesAndTheConsumptionFactor() {
        add("pay", "WAGE_AVG", "2022", "400000");
        add("pay", "WAGE_ABROAD_LCU", "2022", "50000", "", "", "DE");
        add("pay", "EXCHANGE_RATE", "2022", "460", "", "", "KZ");
        add("pay", "EXCHANGE_RATE", "2022", "0.9", "", "", "DE");
        add("pay", "PPP_FACTOR_CONSUMPTION", "2022", "0.75", "", "", "DE");
        add("pay", "PPP_FACTOR_CONSUMPTION", "2022", "150", "", "", "KZ");
        // The GDP factors are there too, and must not be used for pay when the consumption ones are.
        add("pay", "PPP_FACTOR", "2022", "0.71", "", "", "DE");
        add("pay", "PPP_FACTOR", "2022", "144", "", "", "KZ");

        MetricResult.Point ppp = at(compute(Metric.PAY_GAP_PPP, null, null, null, "DE", 1), "2022");
        assertThat(ppp.value().doubleValue()).isCloseTo(50_000 / 0.75 / (4_800_000 / 150.0), within(1e-12));
        assertThat(ppp.value().doubleValue()).isCloseTo(2.083333333, within(1e-9));
        assertThat(ppp.sources().get("PPP_f")).endsWith("PPP_FACTOR_CONSUMPTION");
        assertThat(ppp.sources().get("W_f")).endsWith("WAGE_ABROAD_LCU");
        assertThat(ppp.inputs()).doesNotContainKey("S_f");

        MetricResult.Point nominal = at(compute(Metric.PAY_GAP_NOMINAL, null, null, null, "DE", 1), "2022");
        assertThat(nominal.value().doubleValue()).isCloseTo(50_000 * 460 / 0.9 / 4_800_000, within(1e-9));
        assertThat(nominal.inputs().get("S_f")).isEqualByComparingTo("0.9");
        assertThat(nominal.inputs().get("S")).isEqualByComparingTo("460");
    }

    /**
     * The finding: pay abroad in US dollars was divided by Germany's PPP factor, which is in euros (5.3 % too high
     * with 2022's rates). Now the dollars are first converted to euros: (54,000 × 0.9 / 0.75) / (4,800,000 / 150)
     * = 2.025, where the old formula gave 54,000 / 0.75 / 32,000 = 2.25.
     */
    @Test
    void payInDollarsIsConvertedToTheDestinationsCurrencyBeforeItsPppFactor() {
        add("usd", "WAGE_AVG", "2022", "400000");
        add("usd", "WAGE_ABROAD", "2022", "54000", "", "", "DE");
        add("usd", "EXCHANGE_RATE", "2022", "0.9", "", "", "DE");
        add("usd", "PPP_FACTOR", "2022", "0.75", "", "", "DE");
        add("usd", "PPP_FACTOR", "2022", "150", "", "", "KZ");
        MetricResult.Point p = at(compute(Metric.PAY_GAP_PPP, null, null, null, "DE", 1), "2022");
        assertThat(p.value().doubleValue()).isCloseTo(2.025, within(1e-12));
        assertThat(p.inputs().get("S_f")).isEqualByComparingTo("0.9");
        // The GDP factor, the only one here, is named as such.
        assertThat(p.sources().get("PPP_d")).isEqualTo("usd v1 · PPP_FACTOR");
    }

    @Test
    void payInDollarsWithoutTheDestinationsRateIsListedNotGuessed() {
        add("norate", "WAGE_AVG", "2022", "400000");
        add("norate", "WAGE_ABROAD", "2022", "54000", "", "", "DE");
        add("norate", "PPP_FACTOR", "2022", "0.75", "", "", "DE");
        add("norate", "PPP_FACTOR", "2022", "150", "", "", "KZ");
        MetricResult r = compute(Metric.PAY_GAP_PPP, null, null, null, "DE", 1);
        assertThat(r.points()).isEmpty();
        assertThat(r.missing()).anyMatch(m -> m.startsWith("2022: ") && m.contains("S_f"));
    }

    // --- 500s that are now 400s ----------------------------------------------------------------------------

    @Test
    void anExchangeRateOfZeroIsNamedInA400() {
        add("zero", "WAGE_AVG", "2022", "400000");
        add("zero", "WAGE_ABROAD", "2022", "60000", "", "", "US");
        add("zero", "EXCHANGE_RATE", "2022", "0", "", "", "KZ");
        assertThatThrownBy(() -> compute(Metric.PAY_GAP_NOMINAL, null, null, null, "US", 1))
                .isInstanceOf(UserException.class)
                .satisfies(e -> {
                    UserException u = (UserException) e;
                    assertThat(u.kind()).isEqualTo(UserException.Kind.INVALID);
                    assertThat(u.code()).isEqualTo("metric.notPositiveFactor");
                    assertThat(u.args()).contains("EXCHANGE_RATE", "KZ", "2022", "zero");
                });
    }

    @Test
    void aPppFactorOfZeroIsNamedInA400() {
        add("zeroppp", "WAGE_AVG", "2022", "400000");
        add("zeroppp", "WAGE_ABROAD", "2022", "60000", "", "", "US");
        add("zeroppp", "PPP_FACTOR", "2022", "1", "", "", "US");
        add("zeroppp", "PPP_FACTOR", "2022", "0", "", "", "KZ");
        assertThatThrownBy(() -> compute(Metric.PAY_GAP_PPP, null, null, null, "US", 1))
                .isInstanceOf(UserException.class).hasMessage("metric.notPositiveFactor");
    }

    @Test
    void aNetRowDoesNotOverwriteTheEmigrants() {
        add("net", "EMIGRANTS", "2022", "5000", "", "", "", "EMI");
        add("net", "EMIGRANTS", "2022", "-1200", "", "", "", "NET");
        add("net", "IMMIGRANTS", "2022", "3800", "", "", "", "IMM");
        MetricResult.Point p = at(compute(Metric.NET_MIGRATION, null, null, null, null, 1), "2022");
        assertThat(p.inputs().get("E")).isEqualByComparingTo("5000");
        assertThat(p.value()).isEqualByComparingTo("-1200");
    }

    /** ISCO sub-major group "23" was a 500 ("not an ISCO-08 major group code"); it belongs to major group 2. */
    @Test
    void iscoSubMajorGroupsCountInTheirMajorGroupAndAStoredGroupWins() {
        add("isco", "EMIGRANTS", "2022", "30", "23", "", "", "EMI");
        add("isco", "EMIGRANTS", "2022", "20", "21", "", "", "EMI");
        add("isco", "EMIGRANTS", "2022", "50", "9", "", "", "EMI");
        MetricResult.Point p = at(compute(Metric.INTELLECTUAL_PROFESSIONS_SHARE, null, null, null, null, 1), "2022");
        assertThat(p.value()).isEqualByComparingTo("0.5");
        // Both levels stored (the import takes either): the group's own figure is read, not added to its parts.
        add("isco", "EMIGRANTS", "2022", "75", "2", "", "", "EMI");
        p = at(compute(Metric.INTELLECTUAL_PROFESSIONS_SHARE, null, null, null, null, 1), "2022");
        assertThat(p.value()).isEqualByComparingTo("0.6");
        assertThat(p.inputs().get("known")).isEqualByComparingTo("125");
    }

    @Test
    void aCodeThatIsNoIscoGroupIsA400NotA500() {
        add("badcode", "EMIGRANTS", "2022", "30", "X", "", "", "EMI");
        assertThatThrownBy(() -> compute(Metric.INTELLECTUAL_PROFESSIONS_SHARE, null, null, null, null, 1))
                .isInstanceOf(UserException.class).hasMessage("metric.badCode");
    }

    @Test
    void countsBeyondAnyPopulationAre400NotAnOverflow() {
        add("huge", "EMIGRANTS", "2022", "9223372036854775808", "2", "", "", "EMI");
        add("huge", "EMIGRANTS", "2022", "9223372036854775807", "9", "", "", "EMI");
        assertThatThrownBy(() -> compute(Metric.INTELLECTUAL_PROFESSIONS_SHARE, null, null, null, null, 1))
                .isInstanceOf(UserException.class).hasMessage("metric.tooLarge");
    }

    @Test
    void aWindowBelowOneIs400() {
        for (int w : new int[] {0, -3, 51}) {
            assertThatThrownBy(() -> compute(Metric.SKILLED_OUTFLOW_RATE, null, null, null, null, w))
                    .isInstanceOf(UserException.class).hasMessage("metric.badWindow");
        }
    }

    // --- points that vanished without a word ---------------------------------------------------------------

    @Test
    void aPeerMissingFromTheAverageLeavesTheYearOutAndSaysWhich() {
        for (String y : new String[] {"2020", "2021"}) {
            add("rd", "GERD_GDP", y, "0.12", "", "", "KZ");
            add("rd", "GERD_GDP", y, "4.8", "", "", "KR");
        }
        add("rd", "GERD_GDP", "2020", "3.3", "", "", "JP");
        MetricResult r = service.compute(Metric.RD_GAP, new MetricsService.Selection(null, null, null, "rd", null,
                null, null, List.of("KR", "JP"), 1), Locale.ENGLISH, true);
        assertThat(r.points()).extracting(MetricResult.Point::period).containsExactly("2020");
        assertThat(r.missing()).anyMatch(m -> m.startsWith("2021: ") && m.contains("JP (GERD_GDP)"));
    }

    @Test
    void gdpWeightedRdGapIsComputedFromGdp() {
        add("rdw", "GERD_GDP", "2020", "0.1", "", "", "KZ");
        add("rdw", "GERD_GDP", "2020", "4", "", "", "KR");
        add("rdw", "GERD_GDP", "2020", "2", "", "", "JP");
        add("rdw", "GDP_USD", "2020", "1000", "", "", "KR");
        add("rdw", "GDP_USD", "2020", "3000", "", "", "JP");
        MetricResult r = service.compute(Metric.RD_GAP_GDP_WEIGHTED, new MetricsService.Selection(null, null, null,
                "rdw", null, null, null, List.of("KR", "JP"), 1), Locale.ENGLISH, true);
        // (1000 × 4 + 3000 × 2) / 4000 − 0.1 = 2.4
        assertThat(at(r, "2020").value()).isEqualByComparingTo("2.4");
        assertThat(r.missing()).isEmpty();
    }

    @Test
    void incomeMatchedPeersAreTheNearestInGdpPerPerson() {
        add("inc", "GERD_GDP", "2020", "0.1", "", "", "KZ");
        add("inc", "GDP_USD", "2020", "1000", "", "", "KZ");
        add("inc", "POPULATION_MIDYEAR", "2020", "100", "", "", "KZ");
        // GDP per person: KZ 10; A 9, B 12, C 40, D 2.
        String[][] peers = {{"AA", "900", "1.0"}, {"BB", "1200", "2.0"}, {"CC", "4000", "4.0"}, {"DD", "200", "0.3"}};
        for (String[] p : peers) {
            add("inc", "GERD_GDP", "2020", p[2], "", "", p[0]);
            add("inc", "GDP_USD", "2020", p[1], "", "", p[0]);
            add("inc", "POPULATION_MIDYEAR", "2020", "100", "", "", p[0]);
        }
        MetricResult r = service.compute(Metric.RD_GAP, new MetricsService.Selection(null, null, null, "inc", null,
                null, null, List.of("X1", "X2"), 1, MetricsService.PEERS_INCOME), Locale.ENGLISH, true);
        MetricResult.Point p = at(r, "2020");
        assertThat(p.inputs()).containsKeys("I_AA", "I_BB").doesNotContainKeys("I_CC", "I_DD");
        assertThat(p.value()).isEqualByComparingTo("1.4");
    }

    @Test
    void aQuarterAmongYearsAndAZeroBaseAreListed() {
        add("q", "EMIGRANTS", "2018", "100", "", "", "", "EMI");
        add("q", "EMIGRANTS", "2019", "0", "", "", "", "EMI");
        add("q", "EMIGRANTS", "2019-Q3", "40", "", "", "", "EMI");
        add("q", "EMIGRANTS", "2020", "120", "", "", "", "EMI");
        add("q", "EMIGRANTS", "2021", "150", "", "", "", "EMI");
        MetricResult r = compute(Metric.GROWTH_RATE, null, null, null, null, 1);
        assertThat(r.points()).extracting(MetricResult.Point::period).containsExactly("2019", "2021");
        assertThat(r.missing()).anyMatch(m -> m.startsWith("2019-Q3: "))
                .anyMatch(m -> m.startsWith("2020: ") && m.contains("zero"));
    }

    // --- net migration rate ----------------------------------------------------------------------------------

    @Test
    void netMigrationRateUsesTheMidYearPopulationAndSaysWhyTheLastYearLacksTheAverage() {
        add("nm", "IMMIGRANTS", "2021", "1000", "", "", "", "IMM");
        add("nm", "EMIGRANTS", "2021", "3000", "", "", "", "EMI");
        add("nm", "IMMIGRANTS", "2022", "1000", "", "", "", "IMM");
        add("nm", "EMIGRANTS", "2022", "2000", "", "", "", "EMI");
        add("wb", "POPULATION_MIDYEAR", "2021", "19000000", "", "", "KZ");
        add("wb", "POPULATION_MIDYEAR", "2022", "20000000", "", "", "KZ");
        add("nm", "POPULATION", "2021", "18900000");
        add("nm", "POPULATION", "2022", "19100000");
        MetricResult r = compute(Metric.NET_MIGRATION_RATE, null, null, null, null, 1);
        MetricResult.Point p = at(r, "2022");
        assertThat(p.value()).isEqualByComparingTo("-0.05");
        assertThat(p.inputs()).containsKey("P_mid").doesNotContainKey("P_start");
        assertThat(p.sources().get("I")).startsWith("nm v1").isEqualTo(p.sources().get("E").replace("EMIGRANTS",
                "IMMIGRANTS"));
        assertThat(p.sources().get("P_mid")).isEqualTo("wb v1 · POPULATION_MIDYEAR");

        MetricResult average = compute(Metric.NET_MIGRATION_RATE_AVERAGE_POPULATION, null, null, null, null, 1);
        assertThat(average.points()).extracting(MetricResult.Point::period).containsExactly("2021");
        assertThat(average.missing()).anyMatch(m -> m.startsWith("2022: ") && m.contains("2023"));
    }

    @Test
    void immigrantsAndEmigrantsOfOneValueComeFromOneDataset() {
        add("big", "EMIGRANTS", "2020", "100", "", "", "", "EMI");
        add("big", "EMIGRANTS", "2021", "100", "", "", "", "EMI");
        add("big", "EMIGRANTS", "2022", "100", "", "", "", "EMI");
        add("small", "EMIGRANTS", "2022", "300", "", "", "", "EMI");
        add("small", "IMMIGRANTS", "2022", "200", "", "", "", "IMM");
        MetricResult.Point p = at(compute(Metric.NET_MIGRATION, null, null, null, null, 1), "2022");
        assertThat(p.value()).isEqualByComparingTo("-100");
        assertThat(p.sources().values()).allMatch(s -> s.startsWith("small v1"));
    }

    // --- the Docquier–Marfouk stock rate beside the outflow rate ---------------------------------------------

    @Test
    void emigrationStockRateSumsTheDestinationsOfTheStock() {
        add("desa", "MIGRANT_STOCK", "2020", "2500000", "", "", "RU", "EMI");
        add("desa", "MIGRANT_STOCK", "2020", "1000000", "", "", "DE", "EMI");
        add("desa", "MIGRANT_STOCK", "2020", "3700000", "", "", "RU", "IMM");
        add("wb", "POPULATION_MIDYEAR", "2020", "18500000", "", "", "KZ");
        MetricResult.Point p = at(compute(Metric.EMIGRATION_STOCK_RATE, null, null, null, null, 1), "2020");
        assertThat(p.inputs().get("E")).isEqualByComparingTo("3500000");
        assertThat(p.value().doubleValue()).isCloseTo(3.5 / 22.0, within(1e-12));
    }

    @Test
    void docquierMarfoukRateReadsTheTertiaryStockNotAYearsOutflow() {
        add("dioc", "MIGRANT_STOCK", "2010", "40000", "", "5", "DE", "EMI");
        add("dioc", "MIGRANT_STOCK", "2010", "60000", "", "6", "US", "EMI");
        add("dioc", "MIGRANT_STOCK", "2010", "90000", "", "3", "DE", "EMI");
        add("dioc", "POP_TERTIARY_25PLUS", "2010", "2400000");
        MetricResult.Point p = at(compute(Metric.DOCQUIER_MARFOUK_RATE, null, null, null, null, 1), "2010");
        assertThat(p.inputs().get("E_h")).isEqualByComparingTo("100000");
        assertThat(p.value()).isEqualByComparingTo("0.04");
        MetricResult none = compute(Metric.SKILLED_OUTFLOW_RATE, null, null, null, null, 1);
        assertThat(none.points()).isEmpty();
    }

    // --- one value, whatever the window (property test over seeded random warehouses) -------------------------

    static Stream<Long> seeds() {
        return IntStream.range(0, 25).mapToObj(i -> 1_000L + 7919L * i);
    }

    /**
     * Two published datasets of tertiary outflows and residents with different coverage and different numbers of
     * rows per year (the old rule chose, per indicator, the one with more rows in the window asked for): the value
     * of every year, and the datasets it names, are the same for every window that contains the year.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void aYearsValueAndItsSourcesDoNotDependOnTheWindow(long seed) {
        Random random = new Random(seed);
        for (String ds : new String[] {"long", "short"}) {
            int first = ds.equals("long") ? 2010 + random.nextInt(3) : 2016 + random.nextInt(4);
            for (int y = first; y <= 2022; y++) {
                if (random.nextInt(6) == 0) {
                    continue;
                }
                String year = String.valueOf(y);
                // The short dataset has more rows a year (more education levels), as in the finding.
                String[] levels = ds.equals("long") ? new String[] {"3", "6"} : new String[] {"3", "5", "6", "7"};
                for (String level : levels) {
                    add(ds, "EMIGRANTS", year, String.valueOf(100 + random.nextInt(5000)), "", level, "", "EMI");
                }
                add(ds, "POP_TERTIARY_25PLUS", year, String.valueOf(2_000_000 + random.nextInt(900_000)));
            }
        }
        int window = 1 + random.nextInt(3);
        MetricResult whole = compute(Metric.SKILLED_OUTFLOW_RATE, null, null, null, null, window);
        assertThat(whole.points()).as("seed %d", seed).isNotEmpty();
        for (MetricResult.Point p : whole.points()) {
            int y = Integer.parseInt(p.period());
            int from = y - random.nextInt(4);
            int to = y + random.nextInt(4);
            MetricResult narrow = compute(Metric.SKILLED_OUTFLOW_RATE, String.valueOf(from), String.valueOf(to), null,
                    null, window);
            MetricResult.Point same = at(narrow, p.period());
            assertThat(same.value()).as("seed %d, %s in %d–%d", seed, p.period(), from, to)
                    .isEqualByComparingTo(p.value());
            assertThat(same.sources()).isEqualTo(p.sources());
            assertThat(same.inputs()).isEqualTo(p.inputs());
        }
        // Every year with residents but no value is in missing, with its reason.
        for (String y : whole.points().stream().map(MetricResult.Point::period).toList()) {
            assertThat(whole.missing()).noneMatch(m -> m.startsWith(y + ": "));
        }
    }
}
