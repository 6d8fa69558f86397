package kz.agyn.registry.cohorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.agyn.AgynTest;
import kz.agyn.demo.registry.SyntheticRegistry;
import kz.agyn.registry.Access;
import kz.agyn.registry.TestScholars;
import kz.agyn.registry.scholars.ScholarService;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cohort dashboard page and its exports, on the synthetic registry loaded at start-up and one hand-made
 * graduate who is alone in their host country, so that a small cell is certain to exist.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CohortPageTest extends AgynTest {

    /** A host country no synthetic or other test award uses. */
    static final String LONE_COUNTRY = "LU";
    static final String LAST = "Кохортова";
    static final String FIRST = "Жалғызгүл";

    private static final RequestPostProcessor ANALYST = user("cp-analyst").roles("ANALYST");
    private static final RequestPostProcessor VIEWER = user("cp-viewer").roles("VIEWER");
    private static final RequestPostProcessor OFFICER = user("cp-officer").roles("REGISTRY_OFFICER");
    /** The view the acceptance line is about: the note's programme, on the basis the generator is calibrated on. */
    private static final String[] TABLE3_VIEW = {"programme", "BOLASHAK", "basis", "CURRENT_JOB", "asOf",
            SyntheticRegistry.AS_OF.toString()};

    @Autowired
    MockMvc mvc;

    @Autowired
    ScholarService scholars;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    String loneIin;

    @BeforeAll
    void aGraduateAloneInHerCountry() {
        TestScholars make = new TestScholars(scholars);
        loneIin = TestScholars.iin(LocalDate.of(1986, 2, 17), 7301);
        make.award(make.scholar(loneIin, LAST, FIRST), LocalDate.of(2021, 6, 30), true, LONE_COUNTRY);
    }

    private static MockHttpServletRequestBuilder request(String url, RequestPostProcessor who, String... params) {
        MockHttpServletRequestBuilder b = get(url).with(who).param("lang", "en");
        for (int i = 0; i < params.length; i += 2) {
            b = b.param(params[i], params[i + 1]);
        }
        return b;
    }

    private String html(RequestPostProcessor who, String... params) throws Exception {
        return mvc.perform(request("/registry/cohorts", who, params)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andReturn().getResponse().getContentAsString();
    }

    private String csv(RequestPostProcessor who, String... params) throws Exception {
        return mvc.perform(request("/registry/cohorts.csv", who, params)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private byte[] xlsx(RequestPostProcessor who, String... params) throws Exception {
        return mvc.perform(request("/registry/cohorts.xlsx", who, params)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
    }

    /**
     * The acceptance line as the page shows it: the note's column and the registry's, labelled by source, with the
     * synthetic badge, and every share of Table 3 within sampling error on the synthetic registry.
     */
    @Test
    void analystsAndViewersSeeTable3SideBySideAndWithinSamplingError() throws Exception {
        for (RequestPostProcessor who : List.of(ANALYST, VIEWER)) {
            String page = html(who, TABLE3_VIEW);
            assertThat(page).contains("id=\"table3-note-column\"", "id=\"table3-registry-column\"",
                    "Analytical note", "Agyn registry (synthetic)", "SYNTHETIC");
            String table3 = between(page, "id=\"table3\"", "</table>");
            for (String code : List.of(NoteFigures.ABROAD, NoteFigures.PUBLIC, NoteFigures.PRIVATE,
                    NoteFigures.RESEARCH)) {
                String row = between(table3, "data-figure=\"" + code + "\"", "</tr>");
                assertThat(row).as(code).contains("Within sampling error").doesNotContain("Outside");
            }
            assertThat(between(table3, "data-figure=\"" + NoteFigures.SCHOLARS + "\"", "</tr>")).contains("14,033");
            assertThat(page).contains("data-option=", "id=\"chart-survival\"", "id=\"breakdown-table\"",
                    "href=\"/registry/cohorts.csv?programme=BOLASHAK&amp;breakdown=GRADUATION_YEAR&amp;basis=CURRENT_JOB&amp;asOf="
                            + SyntheticRegistry.AS_OF + "\"");
        }
    }

    /**
     * Small cells: a viewer's breakdown table, survival table and both files show no count under the minimum cell,
     * where an analyst's show the same groups with their numbers.
     */
    @Test
    void viewersSeeNoCellBelowTheThreshold() throws Exception {
        String[] byCountry = {"breakdown", "HOST_COUNTRY", "asOf", SyntheticRegistry.AS_OF.toString()};
        String analyst = html(ANALYST, byCountry);
        String viewer = html(VIEWER, byCountry);
        assertThat(viewer).contains("id=\"suppression-note\"", "A dash marks a group hidden");
        List<Long> analystCounts = firstNumbers(between(analyst, "id=\"breakdown-table\"", "<tfoot>"));
        assertThat(analystCounts).as("the lone graduate's country").anyMatch(n -> n < 5);
        assertThat(between(analyst, "data-group=\"" + LONE_COUNTRY + "\"", "</tr>")).contains("small cell");
        assertThat(between(viewer, "data-group=\"" + LONE_COUNTRY + "\"", "</tr>")).contains("—")
                .doesNotContain("small cell");
        for (String table : List.of("id=\"breakdown-table\"", "id=\"survival-table\"")) {
            String rows = between(viewer, table, "</table>");
            assertThat(rows).contains("—");
            assertThat(firstNumbers(rows)).isNotEmpty().allMatch(n -> n >= 5);
        }
        assertThat(between(viewer, "id=\"breakdown-table\"", "</table>"))
                .contains("data-suppression=\"PRIMARY\"", "data-suppression=\"SECONDARY\"");

        List<Map<String, String>> rows = parse(csv(VIEWER, byCountry));
        List<Map<String, String>> counts = rows.stream().filter(r -> r.get("measure").equals("graduates")
                || r.get("measure").equals("subjects") || r.get("measure").equals("returns")).toList();
        assertThat(counts).isNotEmpty().allSatisfy(r -> assertThat(r.get("value").isEmpty()
                || Long.parseLong(r.get("value")) >= 5).as("%s", r).isTrue());
        assertThat(counts).anyMatch(r -> r.get("value").isEmpty() && !r.get("suppression").equals("NONE"));
        assertThat(rows).anyMatch(r -> r.get("measure").equals("small_cells_blanked") && r.get("value").equals("true"));

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx(VIEWER, byCountry)))) {
            for (String name : List.of("Breakdown", "Time to return")) {
                Sheet sheet = wb.getSheet(name);
                for (Row row : sheet) {
                    if (row.getRowNum() == 0) {
                        continue;
                    }
                    Cell count = row.getCell(1);
                    if (count.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                        assertThat(count.getNumericCellValue()).as("%s row %d", name, row.getRowNum())
                                .isGreaterThanOrEqualTo(5);
                    } else {
                        assertThat(count.getStringCellValue()).isEqualTo("—");
                    }
                }
            }
        }
    }

    /** No IIN and no name reaches an analyst or a viewer through the page or the files, in any breakdown. */
    @Test
    void analystsAndViewersNeverReceiveAnIinOrAName() throws Exception {
        List<Long> ids = jdbc.sql("(SELECT id FROM reg_scholar ORDER BY id LIMIT 30) UNION "
                + "(SELECT id FROM reg_scholar ORDER BY id DESC LIMIT 30)").query(Long.class).list();
        List<String> secrets = new ArrayList<>();
        scholars.identities(ids, Access.PERSONAL).values().forEach(i -> {
            if (i.iin() != null) {
                secrets.add(i.iin());
            }
            if (i.name() != null) {
                secrets.add(i.name());
            }
        });
        secrets.addAll(List.of(loneIin, LAST, FIRST));
        assertThat(secrets).hasSizeGreaterThan(40);
        for (RequestPostProcessor who : List.of(ANALYST, VIEWER)) {
            for (String breakdown : List.of("GRADUATION_YEAR", "HOST_COUNTRY", "FIELD", "SEX")) {
                String page = html(who, "breakdown", breakdown);
                String file = csv(who, "breakdown", breakdown);
                String sheets = cells(xlsx(who, "breakdown", breakdown));
                for (String secret : secrets) {
                    assertThat(page).doesNotContain(secret);
                    assertThat(file).doesNotContain(secret);
                    assertThat(sheets).doesNotContain(secret);
                }
                assertThat(page + file + sheets).doesNotContainIgnoringCase("pseudonym");
            }
        }
    }

    /** The CSV is machine-readable and its Table 3 is the API's, figure for figure, with the two sources apart. */
    @Test
    void theCsvCarriesTheApisTable3() throws Exception {
        JsonNode api = json.readTree(mvc.perform(get("/api/v1/cohorts").with(ANALYST).param("programme", "BOLASHAK")
                        .param("basis", "CURRENT_JOB").param("asOf", SyntheticRegistry.AS_OF.toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<Map<String, String>> rows = parse(csv(ANALYST, TABLE3_VIEW));
        Map<String, String> apiNames = Map.of(NoteFigures.ABROAD, "abroad", NoteFigures.PUBLIC, "publicSector",
                NoteFigures.PRIVATE, "privateSector", NoteFigures.RESEARCH, "research");
        for (var e : apiNames.entrySet()) {
            JsonNode figure = api.get("table3").get(e.getValue());
            Map<String, String> note = row(rows, "table3", e.getKey(), "note");
            Map<String, String> registry = row(rows, "table3", e.getKey(), "registry_synthetic");
            assertThat(Double.parseDouble(note.get("value"))).isEqualTo(figure.get("note").asDouble());
            assertThat(note.get("lower")).isEmpty();
            JsonNode computed = figure.get("computed");
            assertThat(Double.parseDouble(registry.get("value"))).isEqualTo(computed.get("value").asDouble());
            assertThat(Double.parseDouble(registry.get("lower"))).isEqualTo(computed.get("lower").asDouble());
            assertThat(Double.parseDouble(registry.get("upper"))).isEqualTo(computed.get("upper").asDouble());
            assertThat(registry.get("within_sampling_error"))
                    .isEqualTo(Boolean.toString(figure.get("withinSamplingError").asBoolean())).isEqualTo("true");
        }
        assertThat(Long.parseLong(row(rows, "table3", NoteFigures.SCHOLARS, "note").get("value")))
                .isEqualTo(api.get("table3").get("noteScholars").asLong());
        assertThat(Long.parseLong(row(rows, "table3", NoteFigures.SCHOLARS, "registry_synthetic").get("value")))
                .isEqualTo(api.get("awards").asLong());
        assertThat(row(rows, "meta", "as_of", "").get("value")).isEqualTo(api.get("asOf").asString());
        // The breakdown's total is the API's too.
        Map<String, String> total = rows.stream().filter(r -> r.get("section").equals("breakdown")
                && r.get("group").equals("TOTAL") && r.get("measure").equals("graduates")).findFirst().orElseThrow();
        assertThat(Long.parseLong(total.get("value"))).isEqualTo(api.get("table").get("total").get("graduates").asLong());
    }

    /** A mistyped link gives the page with the reason in the reader's language, not JSON and not a server error. */
    @Test
    void badParametersGiveThePageWithAnInlineError() throws Exception {
        String page = mvc.perform(request("/registry/cohorts", VIEWER, "breakdown", "NOPE"))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith("text/html"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"cohort-errors\"", "&quot;NOPE&quot; is not a breakdown", "id=\"table3\"");
        String future = mvc.perform(request("/registry/cohorts", ANALYST, "asOf", "2999-01-01"))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith("text/html"))
                .andReturn().getResponse().getContentAsString();
        assertThat(future).contains("Cohorts cannot be computed for a day in the future.", "id=\"breakdown-table\"");
        String russian = mvc.perform(get("/registry/cohorts").with(VIEWER).param("lang", "ru")
                        .param("asOf", "not-a-date"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(russian).contains("«not-a-date» — не дата");
        mvc.perform(request("/registry/cohorts.csv", VIEWER, "breakdown", "NOPE"))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith("text/plain"));
        mvc.perform(request("/registry/cohorts.pdf", VIEWER)).andExpect(status().isNotFound());
    }

    /** Every role may open the dashboard; the main menu's Registry link takes a viewer to it. */
    @Test
    void everyRoleMayOpenItAndViewersFindItInTheMenu() throws Exception {
        assertThat(between(html(VIEWER), "class=\"main-nav\"", "</nav>")).contains("href=\"/registry/cohorts\"")
                .doesNotContain("/registry/worklist");
        assertThat(between(html(ANALYST), "class=\"main-nav\"", "</nav>")).contains("href=\"/registry\"");
        html(OFFICER);
        html(user("cp-admin").roles("ADMIN"));
        mvc.perform(get("/registry/cohorts").with(user("cp-none").roles())).andExpect(status().isForbidden());
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static String between(String s, String from, String to) {
        int a = s.indexOf(from);
        assertThat(a).as("'%s' in the page", from).isGreaterThanOrEqualTo(0);
        int b = s.indexOf(to, a);
        return s.substring(a, b < 0 ? s.length() : b);
    }

    /** The first numeric cell of each data row: the count of the group (graduates, or subjects observed). */
    private static List<Long> firstNumbers(String table) {
        List<Long> out = new ArrayList<>();
        Matcher row = Pattern.compile("<tr[^>]*data-group[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(table);
        while (row.find()) {
            Matcher cell = Pattern.compile("<td class=\"num[^\"]*\"[^>]*>([^<]*)</td>").matcher(row.group(1));
            if (cell.find() && !cell.group(1).strip().equals("—")) {
                out.add(Long.parseLong(cell.group(1).replaceAll("[^0-9]", "")));
            }
        }
        return out;
    }

    private static Map<String, String> row(List<Map<String, String>> rows, String section, String measure,
                                           String source) {
        return rows.stream().filter(r -> r.get("section").equals(section) && r.get("measure").equals(measure)
                && r.get("source").equals(source)).findFirst().orElseThrow(() -> new AssertionError(
                section + "/" + measure + "/" + source + " not in the CSV"));
    }

    /** RFC 4180, with the header as keys; fails on a ragged line. */
    private static List<Map<String, String>> parse(String csv) {
        List<List<String>> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(f.toString());
                f.setLength(0);
            } else if (c == '\n') {
                fields.add(f.toString());
                f.setLength(0);
                lines.add(fields);
                fields = new ArrayList<>();
            } else {
                f.append(c);
            }
        }
        List<String> header = lines.get(0);
        List<Map<String, String>> out = new ArrayList<>();
        for (List<String> line : lines.subList(1, lines.size())) {
            assertThat(line).as("a line of the CSV").hasSameSizeAs(header);
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), line.get(i));
            }
            out.add(m);
        }
        return out;
    }

    private static String cells(byte[] xlsx) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : wb) {
                sb.append(sheet.getSheetName()).append('\n');
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        sb.append(cell.toString()).append('\t');
                    }
                    sb.append('\n');
                }
            }
        }
        return sb.toString();
    }
}
