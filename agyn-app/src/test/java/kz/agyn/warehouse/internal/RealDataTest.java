package kz.agyn.warehouse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kz.agyn.AgynTest;
import kz.agyn.warehouse.DatasetInfo;
import kz.agyn.warehouse.Dimension;
import kz.agyn.warehouse.Observation;
import kz.agyn.warehouse.ObservationQuery;
import kz.agyn.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * The official datasets shipped in {@code resources/realdata} are loaded at start, marked as real (publisher,
 * licence, link, not synthetic), and hold the figures their publishers state. Each expected value below is quoted
 * from the publication named beside it, not read from the shipped file: a shipped file that disagreed with its
 * publisher would fail here.
 */
class RealDataTest extends AgynTest {

    @Autowired
    Warehouse warehouse;

    @Autowired
    RealData realData;

    /** One figure of the current version of a dataset; every dimension not given is the total. */
    private BigDecimal figure(String dataset, String indicator, String period, Map<Dimension, String> given) {
        Map<Dimension, String> filters = new EnumMap<>(Dimension.class);
        for (Dimension d : new Dimension[] {Dimension.OCCUPATION, Dimension.EDUCATION, Dimension.COUNTRY,
            Dimension.SEX, Dimension.AGE}) {
            filters.put(d, "_T");
        }
        filters.put(Dimension.REGION, "000000000");
        filters.putAll(given);
        List<Observation> found = warehouse.observations(new ObservationQuery(indicator, filters, period, period,
                dataset, null, 0, 100));
        assertThat(found).as(dataset + " " + indicator + " " + period + " " + given).hasSize(1);
        return found.get(0).scaledValue();
    }

    @Test
    void everyShippedFileIsLoadedAsARealDatasetWithItsSourceAndLicence() throws IOException {
        assertThat(RealData.FILES).hasSizeGreaterThanOrEqualTo(8);
        for (RealData.RealFile f : RealData.FILES) {
            DatasetInfo d = warehouse.dataset(f.dataset()).orElseThrow();
            assertThat(d.synthetic()).as(f.dataset()).isFalse();
            assertThat(d.publisher()).as(f.dataset()).isNotBlank();
            // Only openly licensed data are shipped (the 2015 UN DESA flows workbook, "all rights reserved", is
            // not: realdata/README.md).
            assertThat(d.licence()).as(f.dataset()).matches("CC BY(-SA)? (3\\.0 IGO|4\\.0)");
            assertThat(d.url()).as(f.dataset()).startsWith("https://");
            assertThat(d.citation()).as(f.dataset()).isNotBlank();
            assertThat(d.currentVersion()).as(f.dataset()).isEqualTo(1);
            // Every data line of the file became an observation: nothing was skipped on the way in.
            long lines;
            try (InputStream in = new ClassPathResource(f.resource()).getInputStream()) {
                lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().count() - 1;
            }
            assertThat(d.rows()).as(f.dataset()).isEqualTo(lines);
        }
    }

    @Test
    void aSecondStartLoadsNothingAgain() throws Exception {
        Map<String, Integer> before = new HashMap<>();
        RealData.FILES.forEach(f -> before.put(f.dataset(), warehouse.dataset(f.dataset()).orElseThrow()
                .currentVersion()));
        realData.run(null);
        RealData.FILES.forEach(f -> assertThat(warehouse.dataset(f.dataset()).orElseThrow().currentVersion())
                .as(f.dataset()).isEqualTo(before.get(f.dataset())));
    }

    /**
     * World Bank, World Development Indicators, "Population, total" (SP.POP.TOTL), Kazakhstan:
     * https://data.worldbank.org/indicator/SP.POP.TOTL?locations=KZ — 20,034,609 (2022), 20,330,104 (2023),
     * 20,592,571 (2024).
     */
    @Test
    void worldBankPopulationOfKazakhstanIsThePublishedOne() {
        Map<Dimension, String> kz = Map.of(Dimension.COUNTRY, "KZ");
        assertThat(figure("wb-wdi-population", "POPULATION_MIDYEAR", "2022", kz)).isEqualByComparingTo("20034609");
        assertThat(figure("wb-wdi-population", "POPULATION_MIDYEAR", "2023", kz)).isEqualByComparingTo("20330104");
        assertThat(figure("wb-wdi-population", "POPULATION_MIDYEAR", "2024", kz)).isEqualByComparingTo("20592571");
    }

    /**
     * UN DESA, International Migrant Stock 2020: Destination (file
     * undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx at
     * https://www.un.org/development/desa/pd/content/international-migrant-stock), "Table 1", row "Kazakhstan"
     * (location code 398): both sexes 3,619,200 (1990) and 3,732,073 (2020); males 1,850,097 and females
     * 1,881,976 (2020). The shipped slice is built from the origin × destination matrix, so these totals are also
     * a check that no origin was lost.
     */
    @Test
    void unDesa2020ImmigrantStockInKazakhstanIsThePublishedOne() {
        Map<Dimension, String> imm = Map.of(Dimension.FLOW, "IMM");
        assertThat(figure("undesa-ims-2020", "MIGRANT_STOCK", "2020", imm)).isEqualByComparingTo("3732073");
        assertThat(figure("undesa-ims-2020", "MIGRANT_STOCK", "1990", imm)).isEqualByComparingTo("3619200");
        assertThat(figure("undesa-ims-2020", "MIGRANT_STOCK", "2020", Map.of(Dimension.FLOW, "IMM",
                Dimension.SEX, "M"))).isEqualByComparingTo("1850097");
        assertThat(figure("undesa-ims-2020", "MIGRANT_STOCK", "2020", Map.of(Dimension.FLOW, "IMM",
                Dimension.SEX, "F"))).isEqualByComparingTo("1881976");
    }

    /** Both editions: for every country and year, men and women add up to both sexes, as in UN DESA's tables. */
    @Test
    void unDesaSexesAddUpInBothEditions() {
        for (String dataset : List.of("undesa-ims-2020", "undesa-ims-2024")) {
            List<Observation> all = warehouse.observations(new ObservationQuery("MIGRANT_STOCK", Map.of(), null,
                    null, dataset, null, 0, ObservationQuery.MAX_PAGE_SIZE));
            Map<String, BigDecimal> both = new HashMap<>();
            Map<String, BigDecimal> sum = new HashMap<>();
            for (Observation o : all) {
                String key = o.period() + o.country() + o.flow();
                if ("_T".equals(o.sex())) {
                    both.put(key, o.value());
                } else {
                    sum.merge(key, o.value(), BigDecimal::add);
                }
            }
            assertThat(both).as(dataset).isNotEmpty();
            both.forEach((k, v) -> assertThat(sum.get(k)).as(dataset + " " + k).isEqualByComparingTo(v));
        }
    }

    /**
     * UN DESA, International Migrant Stock 2020: Origin (file undesa_pd_2020_ims_stock_by_sex_and_origin.xlsx at
     * https://www.un.org/development/desa/pd/content/international-migrant-stock), "Table 1", row "Kazakhstan":
     * people born in Kazakhstan living abroad, both sexes, 2,971,634 (1990), 3,554,484 (2000), 3,797,527 (2010),
     * 3,885,576 (2015) and 4,203,899 (2020). Quoted from Our World in Data's copy of that table
     * (github.com/owid/importers @ ebfa84a2f529e5ac3cf9ca7b93b587c79d8a6138,
     * migration/ready/undesa_international_migrants_by_origin.csv, read from the workbook by
     * migration/src/un_desa.py), which is independent of the shipped copy (IOM's origin x destination matrix). The
     * shipped file stores no emigrant total: it is the sum over destinations, so this checks that no destination was
     * lost.
     */
    @Test
    void unDesa2020EmigrantStockFromKazakhstanIsThePublishedOne() {
        List<Observation> emi = warehouse.observations(new ObservationQuery("MIGRANT_STOCK",
                Map.of(Dimension.FLOW, "EMI", Dimension.SEX, "_T"), null, null, "undesa-ims-2020", null, 0,
                ObservationQuery.MAX_PAGE_SIZE));
        Map<String, BigDecimal> total = new HashMap<>();
        for (Observation o : emi) {
            assertThat(o.country()).as("an emigrant row without a destination").isNotEqualTo("_T");
            total.merge(o.period(), o.value(), BigDecimal::add);
        }
        assertThat(total.get("1990")).isEqualByComparingTo("2971634");
        assertThat(total.get("2000")).isEqualByComparingTo("3554484");
        assertThat(total.get("2010")).isEqualByComparingTo("3797527");
        assertThat(total.get("2015")).isEqualByComparingTo("3885576");
        assertThat(total.get("2020")).isEqualByComparingTo("4203899");
    }

    /**
     * The emigrant slice keeps the destination in the country column. Values as in the source copy (IOM's
     * github.com/iom/gdidata, data/undesa_stocks_2020.rda, origin Kazakhstan): Germany 1,128,201 and the Russian
     * Federation 2,558,907 in 2020. These two are not quoted from a UN publication (the origin × destination
     * workbook is not in a public repository here); what ties them to UN DESA is the destination total above.
     */
    @Test
    void emigrantStockByDestinationIsKeptWithTheDestinationCountry() {
        Map<Dimension, String> de = Map.of(Dimension.FLOW, "EMI", Dimension.COUNTRY, "DE");
        Map<Dimension, String> ru = Map.of(Dimension.FLOW, "EMI", Dimension.COUNTRY, "RU");
        assertThat(figure("undesa-ims-2020", "MIGRANT_STOCK", "2020", de)).isEqualByComparingTo("1128201");
        assertThat(figure("undesa-ims-2020", "MIGRANT_STOCK", "2020", ru)).isEqualByComparingTo("2558907");
    }

    /**
     * World Bank WDI, PA.NUS.PPP: the PPP conversion factor of the United States is 1 in every year, by the
     * definition of the international dollar (https://data.worldbank.org/indicator/PA.NUS.PPP?locations=US).
     */
    @Test
    void pppFactorOfTheUnitedStatesIsOneByDefinition() {
        List<Observation> us = warehouse.observations(new ObservationQuery("PPP_FACTOR",
                Map.of(Dimension.COUNTRY, "US"), null, null, "wb-wdi-ppp", null, 0, 1000));
        assertThat(us).hasSizeGreaterThan(20);
        us.forEach(o -> assertThat(o.value()).as(o.period()).isEqualByComparingTo(BigDecimal.ONE));
    }

    /**
     * World Bank WDI, NY.GDP.MKTP.CD, Kazakhstan, 2022: 225,496,328,925 US$
     * (https://data.worldbank.org/indicator/NY.GDP.MKTP.CD?locations=KZ; the same figure, rounded to the dollar,
     * is in the IOM copy of WDI, github.com/iom/gdidata, data/wdi.rda).
     */
    @Test
    void gdpOfKazakhstanIsThePublishedOne() {
        BigDecimal gdp = figure("wb-wdi-gdp", "GDP_USD", "2022", Map.of(Dimension.COUNTRY, "KZ"));
        assertThat(gdp.setScale(0, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("225496328925");
    }

    /**
     * The release's net migration (SM.POP.NETM) is the UN's World Population Prospects 2022, and it is quoted here from
     * UN DESA's own publication of WPP 2022 in R (package wpp2022, github.com/PPgp/wpp2022 @
     * a45518acd0dc63e444482d679253b3fa85c3e22a, data/migration1dt.rda, annual net migration in thousands, country
     * code 398 Kazakhstan and 643 Russian Federation): Kazakhstan -520.043 (1994), -37.080 (2019), -18.917 (2021)
     * and 0.000 (2022, the medium variant's assumption from 2022 on, which is why the release has 0 there); the Russian
     * Federation 333.509 (2019). All 714 net migration figures of the file (21 countries, 1990-2023) equal WPP 2022
     * times 1,000 (checked outside the build, see the README).
     */
    @Test
    void netMigrationIsTheUnWorldPopulationProspects2022() {
        Map<Dimension, String> kz = Map.of(Dimension.COUNTRY, "KZ");
        String ds = "wb-wdi-education-migration";
        assertThat(figure(ds, "COUNTRY_NET_MIGRATION", "1994", kz)).isEqualByComparingTo("-520043");
        assertThat(figure(ds, "COUNTRY_NET_MIGRATION", "2019", kz)).isEqualByComparingTo("-37080");
        assertThat(figure(ds, "COUNTRY_NET_MIGRATION", "2021", kz)).isEqualByComparingTo("-18917");
        assertThat(figure(ds, "COUNTRY_NET_MIGRATION", "2022", kz)).isEqualByComparingTo("0");
        assertThat(figure(ds, "COUNTRY_NET_MIGRATION", "2019", Map.of(Dimension.COUNTRY, "RU")))
                .isEqualByComparingTo("333509");
    }

    /**
     * UNESCO UIS students from Kazakhstan by country of study, checked against the OECD's publication of the same
     * UNESCO-UIS/OECD/Eurostat (UOE) data collection, which UIS draws on for these destinations: OECD Education
     * database, "Enrolment of international students by origin" (EDU_ENRL_MOBILE,
     * https://stats.oecd.org/viewhtml.aspx?datasetcode=EDU_ENRL_MOBILE), tertiary education (ISCED 5 to 8), both
     * sexes, origin Kazakhstan, as downloaded in 2022 and kept in github.com/jords-santiago/intl-students-2013-2019
     * @ a578a1d6178853aa1ec09e6ced14b4d84b5f5d05, 01_DataSources/02_Cleaned/OECD_Intl_Student_Enrollment_2013_2019.csv.
     * That copy adds up the rows of levels 5, 6, 7, 8 and 5 to 8 (its SQL script, 02_SourceCodes/01_SQL), so each of
     * its figures is twice the OECD's tertiary total; the OECD's totals, halved back, are quoted here: the Russian
     * Federation 71,368 (2019) and 49,252 (2014), Czechia 1,751 (2019), Türkiye 2,191 (2019), Germany 963 (2019),
     * the United Kingdom 1,272 (2019), the Republic of Korea 749 (2019), Poland 759 (2019). The copy shipped
     * (360info's, from UIS's bulk download) is independent of the OECD's. Of the 55 figures both hold (2013-2019),
     * 51 agree (4 of them UIS estimates with decimals, which the OECD copy truncated to whole students) and 4 differ
     * (see the README). The test also pins that the country column holds the country of study.
     */
    @Test
    void studentsAbroadAreTheOecdPublishedFiguresOfTheSameCollection() {
        String ds = "uis-mobile-students";
        String ind = "MOBILE_STUDENTS_ABROAD";
        Map<String, String> y2019 = Map.of("RU", "71368", "CZ", "1751", "TR", "2191", "DE", "963", "GB", "1272",
                "KR", "749", "PL", "759");
        y2019.forEach((country, oecd) -> assertThat(figure(ds, ind, "2019",
                Map.of(Dimension.FLOW, "EMI", Dimension.COUNTRY, country))).as(country).isEqualByComparingTo(oecd));
        assertThat(figure(ds, ind, "2014", Map.of(Dimension.FLOW, "EMI", Dimension.COUNTRY, "RU")))
                .isEqualByComparingTo("49252");
    }

    /**
     * World Bank WDI, SE.TER.ENRR (release of 2024-06-28), is UIS's gross enrolment ratio. Only some of its figures
     * could be checked against a figure UIS published, and none of Kazakhstan's: UIS's own ratios of September 2021,
     * as the UN Statistics Division's Minimum Set of Gender Indicators publishes them (github.com/UNStats/
     * gender_data_portal @ 1b47de6b1cd889a2cfcc0a016d8ec7aad0c6f582,
     * series_data_rearranged/3600__II_4__Ifae61340__Sfae61340.csv, both sexes, ISCED 5 to 8), equal the release
     * (rounded to UIS's five decimals) for its UIS estimates that were not revised since: the United States 88.88941
     * (2015) and 88.29918 (2018), Latvia 74.29988 (2015) and 93.02448 (2018). Kazakhstan's figures differ (2019:
     * 61.74976 there, 59.582 here; 1990: 39.72817 and 37.88868) because UIS recomputed the whole series on newer
     * population estimates, so they stay marked as not checked (see {@code RealDataChecks}).
     */
    @Test
    void tertiaryEnrolmentEstimatesAreUisOwnWhereUisDidNotReviseThem() {
        String ds = "wb-wdi-education-migration";
        String ind = "TERTIARY_ENROLMENT_GROSS";
        Map<String, String[]> uis = Map.of("US", new String[] {"88.88941", "88.29918"},
                "LV", new String[] {"74.29988", "93.02448"});
        uis.forEach((country, v) -> {
            assertThat(figure(ds, ind, "2015", Map.of(Dimension.COUNTRY, country))
                    .setScale(5, java.math.RoundingMode.HALF_UP)).as(country + " 2015").isEqualByComparingTo(v[0]);
            assertThat(figure(ds, ind, "2018", Map.of(Dimension.COUNTRY, country))
                    .setScale(5, java.math.RoundingMode.HALF_UP)).as(country + " 2018").isEqualByComparingTo(v[1]);
        });
        assertThat(RealDataChecks.notChecked(ds, ind)).isTrue();
        assertThat(RealDataChecks.notChecked(ds, "COUNTRY_NET_MIGRATION")).isFalse();
        assertThat(RealDataChecks.notChecked("uis-mobile-students", "MOBILE_STUDENTS_ABROAD")).isFalse();
    }

    /**
     * UN DESA, International Migrant Stock 2024, destination Hungary × origin Kazakhstan, as in a second copy of the
     * edition independent of the shipped one (X80110/migration-visualization, "Data 2025/formatted by
     * year/data/stock_undesa_ims2024.csv"): 987 in 2024 (males 356, females 631).
     */
    @Test
    void unDesa2024AgreesWithASecondCopyOfTheEdition() {
        assertThat(figure("undesa-ims-2024", "MIGRANT_STOCK", "2024", Map.of(Dimension.FLOW, "EMI",
                Dimension.COUNTRY, "HU"))).isEqualByComparingTo("987");
        assertThat(figure("undesa-ims-2024", "MIGRANT_STOCK", "2024", Map.of(Dimension.FLOW, "EMI",
                Dimension.COUNTRY, "HU", Dimension.SEX, "M"))).isEqualByComparingTo("356");
        assertThat(figure("undesa-ims-2024", "MIGRANT_STOCK", "2024", Map.of(Dimension.FLOW, "EMI",
                Dimension.COUNTRY, "HU", Dimension.SEX, "F"))).isEqualByComparingTo("631");
    }
}
