package kz.agyn.warehouse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import kz.agyn.AgynTest;
import kz.agyn.warehouse.Dimension;
import kz.agyn.warehouse.Indicator;
import kz.agyn.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 16: the explorer leads to data. It opened on one bar and an empty map, kept stale filters when the breakdown
 * changed, kept a source lacking a newly chosen indicator, answered "no data" with no hint, and only 3 of 84
 * indicator × breakdown combinations gave more than one row from the defaults.
 */
class ExplorerLeadsToDataTest extends AgynTest {

    private static final Set<String> ANALYST = Set.of("ANALYST");

    @Autowired
    Explorer explorer;

    @Autowired
    Warehouse warehouse;

    /**
     * With nothing but the indicator chosen, a line over the periods of the source that has the most of them; with
     * one period, the breakdown with the most codes.
     */
    @Test
    void everyIndicatorOpensOnItsRichestSeriesOverTime() {
        for (Indicator i : warehouse.indicators()) {
            long most = warehouse.periods(i.code()).stream()
                    .collect(java.util.stream.Collectors.groupingBy(p -> p.dataset(),
                            java.util.stream.Collectors.counting()))
                    .values().stream().mapToLong(Long::longValue).max().orElse(0);
            if (most == 0) {
                continue;
            }
            Explorer.View view = open(Map.of("indicator", i.code()), Locale.ENGLISH);
            assertThat(view.empty()).as(i.code()).isFalse();
            assertThat(view.allPeriods()).as(i.code() + ": the source with the most periods").hasSize((int) most);
            if (most > 1) {
                assertThat(view.selection().by()).as(i.code()).isEqualTo(Dimension.PERIOD);
                assertThat(view.periods().size()).as(i.code() + ": a line, not one bar").isGreaterThan(1);
            } else if (view.breakdowns().stream().anyMatch(b -> b.count() > 1)) {
                // One period: the breakdown with the most codes, not one bar.
                assertThat(view.rows().size()).as(i.code()).isGreaterThan(1);
            }
        }
    }

    /**
     * Every breakdown the default view offers, chosen in the form as it stands, gives a row for each code it
     * counts: the form never offers an empty breakdown; a single figure only where the source holds no other.
     */
    @Test
    void everyBreakdownOfferedFromTheDefaultViewHasItsRows() {
        int combinations = 0;
        int several = 0;
        List<String> single = new java.util.ArrayList<>();
        for (Indicator i : warehouse.indicators()) {
            if (warehouse.periods(i.code()).isEmpty()) {
                continue;
            }
            Explorer.View start = open(Map.of("indicator", i.code()), Locale.ENGLISH);
            for (Explorer.Choice b : start.breakdowns()) {
                Map<String, String> form = form(start);
                form.put("by", b.value());
                Explorer.View view = open(form, Locale.ENGLISH);
                combinations++;
                assertThat(view.empty()).as(i.code() + " by " + b.value()).isFalse();
                long rowsBesidesTotal = view.rows().stream().filter(r -> !r.code().equals("_T")
                        && !(b.value().equals("REGION") && r.code().equals("KZ"))).count();
                if (!b.value().equals("PERIOD")) {
                    assertThat(rowsBesidesTotal).as(i.code() + " by " + b.value()).isEqualTo(b.count());
                }
                if (view.rows().size() > 1 || view.periods().size() > 1) {
                    several++;
                } else {
                    // One figure: fair only for one period over time, or a breakdown with one code in one period.
                    single.add(i.code() + " by " + b.value());
                    assertThat(view.allPeriods()).as(i.code() + " by " + b.value()).hasSize(1);
                    assertThat(b.value().equals("PERIOD") || b.count() <= 1).as(i.code() + " by " + b.value())
                            .isTrue();
                }
            }
        }
        System.out.println("Explorer: " + several + " of " + combinations
                + " indicator × breakdown combinations offered give more than one row or period; one figure: "
                + single);
        assertThat(several).isGreaterThan(combinations * 3 / 4);
    }

    /** The acceptance's walk, on the demonstration series: each of the eight breakdowns from the default view. */
    @ParameterizedTest
    @ValueSource(strings = {"PERIOD", "REGION", "OCCUPATION", "EDUCATION", "COUNTRY", "SEX", "AGE", "FLOW"})
    void everyBreakdownOfTheDemonstrationSeriesFromItsDefaultView(String by) {
        Explorer.View start = open(Map.of("indicator", "EMIGRANTS", "dataset", "synthetic-emigration"),
                Locale.ENGLISH);
        assertThat(start.breakdowns()).extracting(Explorer.Choice::value).contains(by);
        Map<String, String> form = form(start);
        form.put("by", by);
        Explorer.View view = open(form, Locale.ENGLISH);
        assertThat(view.empty()).isFalse();
        assertThat(view.rows().size()).isGreaterThanOrEqualTo(by.equals("PERIOD") || by.equals("FLOW") ? 1 : 3);
        assertThat(view.periods()).hasSize(15);
    }

    @Test
    void ageGroupsAreNamedInTheReadersLanguageWithTheirCodes() {
        Map<Locale, String> young = Map.of(Locale.ENGLISH, "15–24 years", Locale.forLanguageTag("ru"), "15–24 лет",
                Locale.forLanguageTag("kk"), "15–24 жас");
        Map<Locale, String> old = Map.of(Locale.ENGLISH, "65 years and over", Locale.forLanguageTag("ru"),
                "65 лет и старше", Locale.forLanguageTag("kk"), "65 жас және одан жоғары");
        young.forEach((locale, name) -> {
            Explorer.View view = open(Map.of("indicator", "EMIGRANTS", "dataset", "synthetic-emigration", "by", "AGE"),
                    locale);
            Explorer.PivotRow row = view.rows().stream().filter(r -> r.code().equals("Y15T24")).findFirst()
                    .orElseThrow();
            assertThat(row.label()).isEqualTo(name);
            assertThat(row.showsCode()).isTrue();
            assertThat(view.rows()).extracting(Explorer.PivotRow::label).contains(old.get(locale))
                    .noneMatch(l -> l.matches("Y.*\\d.*"));
            // Youngest first, the total on top.
            assertThat(view.rows().get(0).code()).isEqualTo("_T");
            assertThat(view.rows().get(1).code()).isEqualTo("Y_LT15");
            assertThat(view.rows().get(view.rows().size() - 1).code()).isEqualTo("Y_GE65");
        });
        assertThat(open(Map.of("indicator", "POP_YOUNG_SPECIALISTS", "by", "EDUCATION"), Locale.ENGLISH).rows())
                .extracting(Explorer.PivotRow::label).contains("Master's or equivalent level");
    }

    @Test
    void aNewIndicatorTakesASourceThatHasItAndLeavesTheOldFilters() {
        Explorer.View view = open(Map.of("indicator", "POPULATION", "dataset", "synthetic-emigration", "by", "SEX",
                "sex", "M", "shown", "EMIGRANTS:SEX:synthetic-emigration"), Locale.ENGLISH);
        assertThat(view.empty()).isFalse();
        assertThat(view.selection().dataset()).isNotEqualTo("synthetic-emigration");
        assertThat(view.selection().by()).as("population has no breakdown by sex").isEqualTo(Dimension.PERIOD);
        assertThat(view.selection().filters()).doesNotContainValue("M");
    }

    @Test
    void aNewBreakdownSetsBackTheFiltersItHasNoDataFor() {
        Explorer.View view = open(Map.of("indicator", "EMIGRANTS", "dataset", "synthetic-emigration", "by",
                "COUNTRY", "age", "Y15T24", "shown", "EMIGRANTS:AGE:synthetic-emigration"), Locale.ENGLISH);
        assertThat(view.rows().size()).isGreaterThanOrEqualTo(15);
        assertThat(view.reset()).containsExactly("Age: 15–24 years");
    }

    /**
     * A link to a selection without figures (or with the total alone for a breakdown) says so, and each of its
     * hints opens one that has them.
     */
    @Test
    void noDataHereListsSelectionsThatHaveData() {
        Explorer.View view = open(Map.of("indicator", "EMIGRANTS", "dataset", "synthetic-emigration", "by",
                "COUNTRY", "age", "Y15T24", "from", "2015", "to", "2016"), Locale.ENGLISH);
        // Only the total of the 15–24-year-olds: no figures by country.
        assertThat(view.rows()).extracting(Explorer.PivotRow::code).containsExactly("_T");
        assertThat(view.hints()).extracting(Explorer.Hint::text).contains("Age: Total");
        for (Explorer.Hint h : view.hints()) {
            assertThat(open(parse(h.query()), Locale.ENGLISH).rows().size()).as(h.text()).isGreaterThan(1);
        }
        Explorer.View period = open(Map.of("indicator", "EMIGRANTS", "dataset", "synthetic-emigration", "from",
                "2030"), Locale.ENGLISH);
        assertThat(period.empty()).isTrue();
        assertThat(period.hints()).extracting(Explorer.Hint::text).contains("All periods");
    }

    /** The query string is the whole state: opened again, it gives the same view. */
    @Test
    void theQueryStringReopensTheSameView() {
        Explorer.View view = open(Map.of("indicator", "EMIGRANTS", "dataset", "synthetic-emigration", "by", "REGION",
                "sex", "F", "from", "2018"), Locale.ENGLISH);
        Explorer.View again = open(parse(view.query()), Locale.ENGLISH);
        assertThat(again.query()).isEqualTo(view.query());
        assertThat(again.rows()).isEqualTo(view.rows());
        assertThat(view.query()).contains("by=REGION", "sex=F", "from=2018", "dataset=synthetic-emigration");
    }

    private Explorer.View open(Map<String, String> params, Locale locale) {
        Integer version = params.get("version") == null ? null : Integer.valueOf(params.get("version"));
        return explorer.view(explorer.selection(params.get("indicator"), params.get("by"), params, params.get("from"),
                params.get("to"), params.get("dataset"), version, params.get("asOf"), params.get("shown")), ANALYST,
                locale);
    }

    /** What the form sends as it stands: its choices and what it shows. */
    private static Map<String, String> form(Explorer.View view) {
        Map<String, String> form = parse(view.query());
        form.put("shown", view.shown());
        return form;
    }

    private static Map<String, String> parse(String query) {
        Map<String, String> params = new HashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    @SuppressWarnings("unused")
    private static List<String> codes(Explorer.View view) {
        return view.rows().stream().map(Explorer.PivotRow::code).toList();
    }
}
