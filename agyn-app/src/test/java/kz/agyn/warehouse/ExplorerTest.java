package kz.agyn.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.agyn.AgynTest;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The explorer and the observations API never hide data: every breakdown of the demonstration data shows figures,
 * the whole country is one code (KZ) on every way in and out, and every view and export says where its figures
 * come from and under what licence.
 */
class ExplorerTest extends AgynTest {

    static final RequestPostProcessor ANALYST = user("explorer-analyst").roles("ANALYST");
    static final RequestPostProcessor VIEWER = user("explorer-viewer").roles("VIEWER");

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    /**
     * Acceptance (issue 13): the explorer opens every breakdown on the demonstration data and sees data in each.
     * It used to answer "There are no data for this selection" for all but the regions: its default region filter
     * was _T while the country is stored as 000000000.
     */
    @ParameterizedTest
    @ValueSource(strings = {"PERIOD", "REGION", "OCCUPATION", "EDUCATION", "COUNTRY", "SEX", "AGE", "FLOW"})
    void everyBreakdownOfTheDemonstrationDataShowsData(String by) throws Exception {
        // The demonstration dataset named: other test classes add EMIGRANTS to the shared database (a regional
        // import with small figures), which the explorer may otherwise prefer as the fuller published source.
        String html = page("/warehouse/explore?indicator=EMIGRANTS&dataset=synthetic-emigration&by=" + by, ANALYST,
                "en");
        assertThat(html).as(by).doesNotContain("id=\"no-data\"").contains("id=\"pivot\"");
        int rows = count(html, "<tr data-code=");
        assertThat(rows).as("rows of the breakdown by " + by).isGreaterThanOrEqualTo(by.equals("PERIOD")
                || by.equals("FLOW") ? 1 : 2);
        // Figures, not empty cells: the demonstration emigration is in the tens of thousands a year.
        assertThat(html).as(by).containsPattern("<td class=\"num\">\\d{1,3}(,\\d{3})+</td>");
    }

    @Test
    void theBreakdownBySexIsTakenFromASourceThatHasIt() throws Exception {
        String html = page("/warehouse/explore?indicator=EMIGRANTS&by=SEX&from=2022&to=2022", ANALYST, "en");
        assertThat(html).contains("data-code=\"M\"", "data-code=\"F\"", "data-code=\"_T\"");
    }

    @Test
    void theRegionFilterDefaultsToTheWholeCountryAsKz() throws Exception {
        String html = page("/warehouse/explore?indicator=EMIGRANTS&by=SEX", ANALYST, "en");
        assertThat(html).containsPattern("<option value=\"KZ\"[^>]*selected[^>]*>Kazakhstan \\(\\d+\\)</option>");
        assertThat(html).doesNotContain("000000000");
        // The three spellings of the country are one filter.
        for (String code : new String[] {"KZ", "_T", "000000000", "kz"}) {
            String other = page("/warehouse/explore?indicator=EMIGRANTS&by=SEX&from=2022&to=2022&region=" + code,
                    ANALYST, "en");
            assertThat(other).as(code).contains("data-code=\"M\"").doesNotContain("id=\"no-data\"");
        }
    }

    @Test
    void theApiTakesEverySpellingOfTheCountryAndAnswersKz() throws Exception {
        long total = -1;
        for (String code : new String[] {"_T", "KZ", "000000000"}) {
            String body = mvc.perform(get("/api/v1/observations").param("indicator", "EMIGRANTS")
                            .param("dataset", "synthetic-emigration").param("region", code).param("sex", "_T")
                            .param("age", "_T").param("occupation", "_T").param("education", "_T")
                            .param("country", "_T").param("period", "2022").with(VIEWER))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            JsonNode page = json.readTree(body);
            assertThat(page.get("total").asLong()).as(code).isEqualTo(1);
            assertThat(page.get("items").get(0).get("region").asText()).isEqualTo("KZ");
            assertThat(page.get("items").get(0).get("value").asLong()).isEqualTo(31_287);
            assertThat(total == -1 || total == page.get("total").asLong()).isTrue();
            total = page.get("total").asLong();
        }
        String csv = mvc.perform(get("/api/v1/observations").param("indicator", "EMIGRANTS")
                        .param("dataset", "synthetic-emigration").param("region", "_T").param("period", "2022")
                        .param("sex", "_T").param("age", "_T").param("occupation", "_T").param("education", "_T")
                        .param("country", "_T").accept("text/csv").with(VIEWER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).contains("EMIGRANTS,2022,KZ,,,,,,EMI,31287,PERSONS,E,synthetic-emigration,");
        assertThat(csv).doesNotContain("000000000");
    }

    @Test
    void exportsNameTheCountryKz() throws Exception {
        String query = "?indicator=EMIGRANTS&by=SEX&from=2022&to=2022&dataset=synthetic-emigration";
        String csv = mvc.perform(get("/warehouse/export/csv" + query).with(ANALYST)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(csv).contains("EMIGRANTS,2022,KZ,,,,M,,EMI,").doesNotContain("000000000");
        String sdmx = mvc.perform(get("/warehouse/export/sdmx-csv" + query).with(ANALYST)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(sdmx).contains(",2022,KZ,_T,_T,_T,M,_T,EMI,").doesNotContain("000000000");
        assertThat(xlsxText(get("/warehouse/export/xlsx" + query))).contains("KZ").doesNotContain("000000000");
    }

    /** Every figure given out carries its source, publisher and licence, and says when it is synthetic. */
    @Test
    void sourcePublisherAndLicenceOnThePageAndInEveryExport() throws Exception {
        String query = "?indicator=EMIGRANTS&by=REGION&from=2022&to=2022&dataset=synthetic-emigration";
        String html = page("/warehouse/explore" + query, VIEWER, "en");
        assertThat(html).contains("id=\"source-licence\">CC0</span>", "SYNTHETIC DATA",
                "Agyn", "Licence");
        String kk = page("/warehouse/explore" + query, VIEWER, "kk");
        assertThat(kk).contains("Лицензия").doesNotContain(">Licence<");

        String csv = mvc.perform(get("/warehouse/export/csv" + query + "&lang=en").with(VIEWER)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(
                ",dataset,version,source,publisher,licence,synthetic,not_checked");
        assertThat(csv).contains(",synthetic-emigration,1,Emigration 2010–2024 (synthetic),"
                + "Agyn,CC0,true,false\n");
        String sdmx = mvc.perform(get("/warehouse/export/sdmx-csv" + query).with(VIEWER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(sdmx.lines().findFirst().orElseThrow()).endsWith(",SOURCE_PUBLISHER,LICENCE,SYNTHETIC,NOT_CHECKED");
        assertThat(sdmx).contains(",Agyn,CC0,true,false\n");
        assertThat(xlsxText(get("/warehouse/export/xlsx" + query).header("Accept-Language", "en").param("lang", "en")))
                .contains("Licence: CC0", "Agyn",
                        "synthetic (made-up) data");

        String api = mvc.perform(get("/api/v1/observations").param("indicator", "EMIGRANTS")
                        .param("dataset", "synthetic-emigration").param("period", "2022").param("size", "5")
                        .with(VIEWER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sources[0].dataset").value("synthetic-emigration"))
                .andExpect(jsonPath("$.sources[0].publisher").value("Agyn"))
                .andExpect(jsonPath("$.sources[0].licence").value("CC0"))
                .andExpect(jsonPath("$.sources[0].synthetic").value(true))
                .andReturn().getResponse().getContentAsString();
        assertThat(api).contains("\"title\"");
        String apiCsv = mvc.perform(get("/api/v1/observations").param("indicator", "EMIGRANTS")
                        .param("dataset", "synthetic-emigration").param("period", "2022").param("size", "5")
                        .accept("text/csv").with(VIEWER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(apiCsv).contains(",Agyn,CC0,true,false\n");
    }

    @Test
    void aPublisherWithACommaIsQuotedInCsv() throws Exception {
        // The note's dataset is published by "Қасымов Ж. (Жетісу облысы)", and its citation holds commas.
        String csv = mvc.perform(get("/warehouse/export/csv?indicator=EMIGRANTS&by=REGION&from=2022&to=2022"
                        + "&dataset=note-2024-11-06&lang=en").with(ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).contains(",note-2024-11-06,1,\"Analytical note, 06.11.2024\",");
    }

    /** A source chosen that lacks the indicator says so and points to the sources that have it. */
    @Test
    void aDatasetWithoutTheIndicatorPointsToTheSourcesThatHaveIt() throws Exception {
        String html = page("/warehouse/explore?indicator=IMMIGRANTS&by=REGION&dataset=note-2024-11-06", ANALYST,
                "en");
        assertThat(html).contains("id=\"no-data\"", "Emigration 2010–2024 (synthetic)",
                "dataset=synthetic-emigration");
    }

    /** Through htmx the form comes back with the result: its filters follow the breakdown chosen. */
    @Test
    void theFormFollowsTheBreakdown() throws Exception {
        String html = mvc.perform(get("/warehouse/explore?indicator=EMIGRANTS&by=SEX&lang=en").with(ANALYST)
                        .header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).startsWith("<div id=\"explorer\"").contains("data-filter=\"REGION\"", "id=\"pivot\"")
                .doesNotContain("data-filter=\"SEX\"");
    }

    /**
     * Issue 16: the answer to a form change names the filters set back for the new breakdown; a link with only the
     * total of a breakdown lists where its figures are; the address pushed is the view's own.
     */
    @Test
    void theFormSaysWhatItSetBackAndWhereFiguresAre() throws Exception {
        var answer = mvc.perform(get("/warehouse/explore?indicator=EMIGRANTS&dataset=synthetic-emigration&by=COUNTRY"
                        + "&age=Y15T24&shown=EMIGRANTS:AGE:synthetic-emigration&from=&to=&asOf=&lang=en")
                        .with(ANALYST).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"filters-reset\"",
                "Age: 15–24 years").doesNotContain("id=\"no-data\"", "id=\"no-breakdown\"");
        assertThat(answer.getHeader("HX-Push-Url")).isEqualTo("/warehouse/explore?indicator=EMIGRANTS"
                + "&dataset=synthetic-emigration&by=COUNTRY&region=KZ&occupation=_T&education=_T&sex=_T&age=_T");
        assertThat(answer.getHeaders("Vary")).contains("HX-Request");
        String link = page("/warehouse/explore?indicator=EMIGRANTS&dataset=synthetic-emigration&by=COUNTRY"
                + "&age=Y15T24", ANALYST, "en");
        assertThat(link).contains("id=\"no-breakdown\"", "This selection has no figures by &quot;Country&quot;",
                "Age: Total");
        String ru = page("/warehouse/explore?indicator=EMIGRANTS&dataset=synthetic-emigration&by=AGE", ANALYST, "ru");
        assertThat(ru).contains("15–24 лет", "65 лет и старше", ">Y15T24<").doesNotContain(">Y15T24 <");
    }

    /**
     * A shipped real series that could not be checked against a figure its publisher states (tertiary enrolment of
     * the WDI release of 2024-06-28, see resources/realdata/README.md) says so beside its source on the page, in
     * every language, and in the XLSX; a checked series of the same dataset (net migration) does not.
     */
    @Test
    void aRealSeriesNotCheckedAgainstItsPublisherSaysSo() throws Exception {
        String query = "?indicator=TERTIARY_ENROLMENT_GROSS&by=COUNTRY&from=2019&to=2019"
                + "&dataset=wb-wdi-education-migration";
        assertThat(page("/warehouse/explore" + query, VIEWER, "en")).contains("id=\"source-not-checked\"",
                "NOT CHECKED", "could not be checked against a figure their publisher states");
        assertThat(page("/warehouse/explore" + query, VIEWER, "ru")).contains("НЕ СВЕРЕНО");
        assertThat(page("/warehouse/explore" + query, VIEWER, "kk")).contains("САЛЫСТЫРЫЛМАҒАН")
                .doesNotContain("NOT CHECKED");
        assertThat(xlsxText(get("/warehouse/export/xlsx" + query).header("Accept-Language", "en").param("lang", "en")))
                .contains("could not be checked against a figure their publisher states");
        // A figure copied out as CSV keeps the mark: a last column, after the ones scripts already read.
        String csv = mvc.perform(get("/warehouse/export/csv" + query + "&lang=en").with(VIEWER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().skip(1)).isNotEmpty().allSatisfy(line -> assertThat(line).endsWith(",false,true"));
        String sdmx = mvc.perform(get("/warehouse/export/sdmx-csv" + query).with(VIEWER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(sdmx.lines().skip(1)).isNotEmpty().allSatisfy(line -> assertThat(line).endsWith(",false,true"));
        String api = mvc.perform(get("/api/v1/observations" + query).accept("text/csv").with(VIEWER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(api.lines().skip(1)).isNotEmpty().allSatisfy(line -> assertThat(line).endsWith(",false,true"));
        String json = mvc.perform(get("/api/v1/observations" + query).with(VIEWER)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"notChecked\":[\"TERTIARY_ENROLMENT_GROSS\"]");
        String checkedCsv = mvc.perform(get("/warehouse/export/csv?indicator=COUNTRY_NET_MIGRATION&by=COUNTRY"
                        + "&from=2019&to=2019&dataset=wb-wdi-education-migration&lang=en").with(VIEWER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(checkedCsv.lines().skip(1)).isNotEmpty()
                .allSatisfy(line -> assertThat(line).endsWith(",false,false"));
        String checked = page("/warehouse/explore?indicator=COUNTRY_NET_MIGRATION&by=COUNTRY&from=2019&to=2019"
                + "&dataset=wb-wdi-education-migration", VIEWER, "en");
        assertThat(checked).contains("id=\"pivot\"").doesNotContain("source-not-checked", "NOT CHECKED");
    }

    private String page(String url, RequestPostProcessor who, String lang) throws Exception {
        return mvc.perform(get(url).with(who).header("Accept-Language", lang).param("lang", lang)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String xlsxText(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        byte[] bytes = mvc.perform(request.with(ANALYST)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        StringBuilder cells = new StringBuilder();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            wb.forEach(sheet -> sheet.forEach(r -> r.forEach(c -> cells.append(c.toString()).append('|'))));
        }
        return cells.toString();
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
