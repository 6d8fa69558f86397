package kz.agyn.warehouse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import kz.agyn.platform.problems.Problem;
import kz.agyn.platform.problems.ProblemCollector;
import kz.agyn.reference.Country;
import kz.agyn.reference.Names;
import kz.agyn.tabular.Location;
import kz.agyn.tabular.Row;
import kz.agyn.warehouse.Dimension;
import kz.agyn.warehouse.ImportMapping;
import kz.agyn.warehouse.Indicator;
import org.junit.jupiter.api.Test;

/** Issue 13: the words, codes and names published tables use, in Kazakh, Russian, English and the UN's wording. */
class CodeBookWordsTest {

    static final List<Country> COUNTRIES = List.of(
            new Country("KZ", "KAZ", "398", new Names("Қазақстан", "Казахстан", "Kazakhstan"), "KZT"),
            new Country("RU", "RUS", "643", new Names("Ресей", "Россия", "Russia"), "RUB"),
            new Country("US", "USA", "840", new Names("АҚШ", "США", "United States"), "USD"),
            new Country("KR", "KOR", "410", new Names("Оңтүстік Корея", "Республика Корея", "South Korea"), "KRW"),
            new Country("VN", "VNM", "704", new Names("Вьетнам", "Вьетнам", "Vietnam"), "VND"),
            new Country("TR", "TUR", "792", new Names("Түркия", "Турция", "Türkiye"), "TRY"),
            new Country("FM", "FSM", "583", new Names("Микронезия", "Микронезия", "Micronesia"), "USD"),
            new Country("CI", "CIV", "384", new Names("Кот-д'Ивуар", "Кот-д'Ивуар", "Côte d'Ivoire"), "XOF"),
            new Country("AF", "AFG", "004", new Names("Ауғанстан", "Афганистан", "Afghanistan"), "AFN"),
            new Country("XC", "CHI", "830", new Names("Нормандия аралдары", "Нормандские острова", "Channel Islands"),
                    "GBP"));

    static CodeBook book() {
        return new CodeBook(List.of(), List.of(), COUNTRIES,
                List.of(new Indicator("IMM_STOCK", new Names("a", "b", "c"), "PERSONS", null, null)));
    }

    @Test
    void sexWordsInCellsAndHeaders() {
        assertThat(CodeBook.sex("Both sexes combined")).contains("_T");
        assertThat(CodeBook.sex("males")).contains("M");
        assertThat(CodeBook.sex("Females")).contains("F");
        assertThat(CodeBook.sex("Ерлер")).contains("M");
        assertThat(CodeBook.sex("оба пола")).contains("_T");
        assertThat(CodeBook.sexIn("International migrant stock at mid-year, females / 2020")).isEqualTo("F");
        assertThat(CodeBook.sexIn("International migrant stock at mid-year, males / 2020")).isEqualTo("M");
        assertThat(CodeBook.sexIn("International migrant stock at mid-year, both sexes combined / 1990"))
                .isEqualTo("_T");
        assertThat(CodeBook.sexIn("2022 / Әйелдер")).isEqualTo("F");
        assertThat(CodeBook.sexIn("Location code")).isNull();
    }

    @Test
    void ageGroupsAsPublished() {
        assertThat(CodeBook.ageCode("0-4")).contains("Y0T4");
        assertThat(CodeBook.ageCode("25–34 лет")).contains("Y25T34");
        assertThat(CodeBook.ageCode("75+")).contains("Y_GE75");
        assertThat(CodeBook.ageCode("65 and over")).contains("Y_GE65");
        assertThat(CodeBook.ageCode("65 и старше")).contains("Y_GE65");
        assertThat(CodeBook.ageCode("under 15")).contains("Y_LT15");
        assertThat(CodeBook.ageCode("Total")).contains("_T");
        assertThat(CodeBook.ageCode("Барлығы")).contains("_T");
        assertThat(CodeBook.ageCode("Y25T34")).contains("Y25T34");
        assertThat(CodeBook.ageCode("34-25")).isEmpty();
        assertThat(CodeBook.ageIn("2020 / 20-24")).isEqualTo("Y20T24");
        assertThat(CodeBook.ageIn("International migrant stock / 2020")).isNull();
    }

    @Test
    void unNamesM49CodesAndGroups() {
        CodeBook b = book();
        assertThat(b.country("Russian Federation")).contains("RU");
        assertThat(b.country("United States of America")).contains("US");
        assertThat(b.country("Republic of Korea")).contains("KR");
        assertThat(b.country("Korea, Rep.")).contains("KR");
        assertThat(b.country("Viet Nam")).contains("VN");
        assertThat(b.country("Turkey")).contains("TR");
        assertThat(b.country("Turkiye")).contains("TR");
        assertThat(b.country("   Cote d'Ivoire*")).contains("CI");
        assertThat(b.country("Micronesia (Fed. States of)")).contains("FM");
        assertThat(b.country("Channel Islands*")).contains("XC");
        assertThat(b.country("398")).contains("KZ");
        assertThat(b.country("4")).contains("AF");
        assertThat(b.country("830")).contains("XC");
        assertThat(b.country("954")).isEmpty();
        assertThat(CodeBook.aggregate("954")).contains("Micronesia (954)");
        assertThat(CodeBook.aggregate("WORLD")).isPresent();
        assertThat(CodeBook.aggregate("  Sub-Saharan Africa")).isPresent();
        assertThat(CodeBook.aggregate("ECS")).contains("Europe & Central Asia (ECS)");
        assertThat(CodeBook.aggregate("398")).isEmpty();
        assertThat(CodeBook.aggregate("Kazakhstan")).isEmpty();
    }

    @Test
    void aggregateRowsAreSkippedAndCountedOrRefused() {
        List<String> header = List.of("Country", "2020");
        ImportMapping mapping = new ImportMapping(Map.of(Dimension.COUNTRY, "Country"),
                Map.of(Dimension.INDICATOR, "IMM_STOCK"), true, null, null, null, null, null, null, null, null);
        ProblemCollector sink = new ProblemCollector();
        List<Obs> out = new ArrayList<>();
        Consumer<Obs> add = out::add;
        RowMapper m = RowMapper.create(header, mapping, book(), false, new Location("f", null, 0, 0), sink)
                .orElseThrow();
        m.map(row(1, "WORLD", "280598105"), add, sink);
        m.map(row(2, "Central Asia", "5000000"), add, sink);
        m.map(row(3, "Kazakhstan", "3732073"), add, sink);
        m.map(row(4, "Micronesia", "118860"), add, sink);
        assertThat(out).extracting(Obs::country).containsExactly("KZ");
        assertThat(m.skippedAggregateRows()).isEqualTo(2);
        assertThat(sink.listed()).extracting(Problem::code).containsExactly("warehouse.import.ambiguousCountry");

        sink = new ProblemCollector();
        RowMapper refusing = RowMapper.create(header, mapping.withValues(Map.of(), ImportMapping.Aggregates.REFUSE),
                book(), false, new Location("f", null, 0, 0), sink).orElseThrow();
        refusing.map(row(1, "WORLD", "1"), add, sink);
        assertThat(sink.listed()).extracting(Problem::code).containsExactly("warehouse.import.aggregate");
        Optional<RowMapper> recoded = RowMapper.create(header, mapping.withValues(
                Map.of(Dimension.COUNTRY, Map.of("Micronesia", "FM")), null), book(), false,
                new Location("f", null, 0, 0), sink);
        out.clear();
        recoded.orElseThrow().map(row(4, "Micronesia", "118860"), add, sink);
        assertThat(out).extracting(Obs::country).containsExactly("FM");
    }

    static Row row(long n, String... cells) {
        return new Row(n, List.of(cells), new Location("f", "s", n, 0));
    }
}
