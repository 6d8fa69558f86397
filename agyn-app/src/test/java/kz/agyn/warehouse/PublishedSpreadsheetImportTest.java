package kz.agyn.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import kz.agyn.AgynTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13: published spreadsheets loaded as they are. The UN DESA "International Migrant Stock 2020:
 * Destination" workbook is the file exactly as the UN published it (src/test/resources/undesa/SOURCE.md), never
 * edited; the figures checked are those the UN states for Kazakhstan: 3,732,073 international migrants at
 * mid-2020, of whom 1,850,097 males and 1,881,976 females (Table 1, row 99).
 */
class PublishedSpreadsheetImportTest extends AgynTest {

    static final String FILE = "undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx";
    static final String DATASET = "undesa-ims-2020-dest";
    static final String TEMPLATE = "UN DESA IMS destination";
    /** Cells of Table 1 with a figure in the 235 rows of countries and areas ("..": no estimate). */
    static final int OBSERVATIONS = 4813;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    static byte[] undesa() throws IOException {
        try (InputStream in = PublishedSpreadsheetImportTest.class.getResourceAsStream("/undesa/" + FILE)) {
            return in.readAllBytes();
        }
    }

    @BeforeEach
    void datasetAndIndicator() throws Exception {
        if (jdbc.sql("SELECT count(*) FROM wh_dataset WHERE code = ?").param(DATASET).query(Integer.class)
                .single() == 0) {
            mvc.perform(post("/api/v1/datasets").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"code\":\"" + DATASET + "\",\"titleKk\":\"Халықаралық мигранттар саны 2020\","
                                    + "\"titleRu\":\"Численность международных мигрантов 2020\","
                                    + "\"titleEn\":\"International Migrant Stock 2020: Destination\","
                                    + "\"publisher\":\"UN DESA Population Division\",\"licence\":\"CC BY 3.0 IGO\"}"))
                    .andExpect(status().isCreated());
        }
        if (jdbc.sql("SELECT count(*) FROM wh_indicator WHERE code = 'IMM_STOCK'").query(Integer.class)
                .single() == 0) {
            mvc.perform(post("/api/v1/indicators").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"code\":\"IMM_STOCK\",\"nameKk\":\"Халықаралық мигранттар саны\","
                                    + "\"nameRu\":\"Численность международных мигрантов\","
                                    + "\"nameEn\":\"International migrant stock\",\"unit\":\"PERSONS\"}"))
                    .andExpect(status().isCreated());
        }
    }

    /** The acceptance line: the published workbook, not edited, loaded with nothing but a saved template. */
    @Test
    void undesaDestinationWorkbookLoadsAsPublishedWithOnlyASavedTemplate() throws Exception {
        mvc.perform(put("/api/v1/import-templates/" + TEMPLATE).with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"description": "UN DESA International Migrant Stock, Destination, Table 1",
                                 "dataset": "%s",
                                 "mapping": {"sheet": "Table 1",
                                             "columns": {"COUNTRY": "Location code"},
                                             "constants": {"INDICATOR": "IMM_STOCK"},
                                             "wide": true}}""".formatted(DATASET)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(TEMPLATE))
                .andExpect(jsonPath("$.mapping.aggregates").value("SKIP"));
        mvc.perform(get("/api/v1/import-templates").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(jsonPath("$[*].name", Matchers.hasItem(TEMPLATE)));

        // Only the file and the template's name: no dataset, no mapping.
        String body = mvc.perform(multipart("/api/v1/imports")
                        .file(new MockMultipartFile("file", FILE, "application/octet-stream", undesa()))
                        .param("template", TEMPLATE).header("Accept-Language", "en")
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("VALID"))
                .andExpect(jsonPath("$.problemCount").value(0))
                .andExpect(jsonPath("$.rows").value(OBSERVATIONS))
                .andExpect(jsonPath("$.dataset").value(DATASET))
                .andExpect(jsonPath("$.sheet").value("Table 1"))
                .andExpect(jsonPath("$.sheets[0]").value("Table of contents"))
                .andExpect(jsonPath("$.notes[*].code", Matchers.hasItem("warehouse.import.aggregatesSkipped")))
                .andExpect(jsonPath("$.notes[?(@.code == 'warehouse.import.aggregatesSkipped')].message",
                        Matchers.hasItem(Matchers.startsWith("48 rows for groups of countries were left out"))))
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asString();
        mvc.perform(post("/api/v1/imports/" + id + "/accept").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACCEPTED"));

        assertThat(value("KZ", "2020", "_T")).isEqualTo(3_732_073L);
        assertThat(value("KZ", "2020", "M")).isEqualTo(1_850_097L);
        assertThat(value("KZ", "2020", "F")).isEqualTo(1_881_976L);
        assertThat(value("KZ", "1990", "_T")).isEqualTo(3_619_200L);
        // Names the UN writes its own way, and the area ISO does not code.
        assertThat(value("RU", "2020", "_T")).isEqualTo(11_636_911L);
        assertThat(value("XC", "2020", "_T")).isEqualTo(84_087L);
        assertThat(value("FM", "2020", "_T")).isEqualTo(2_832L);
    }

    long value(String country, String period, String sex) throws Exception {
        String page = mvc.perform(get("/api/v1/observations").param("dataset", DATASET).param("indicator", "IMM_STOCK")
                        .param("country", country).param("period", period).param("sex", sex)
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
                .andReturn().getResponse().getContentAsString();
        return json.readTree(page).get("items").get(0).get("value").asLong();
    }

    /**
     * Evidence: the importer opened "Table of contents"; header detection found only the year row; the three sex
     * blocks collided as "repeats row 99"; UN names were refused and "Micronesia" the region was taken for the
     * country. Now: Table 1 is read and named, the captions combine with the years, UN names resolve, the regions
     * are left out with a line, and the one name that is both a region and a country is a problem until the
     * mapping says which it is.
     */
    @Test
    void unNamesAggregatesAndTheAmbiguousMicronesia() throws Exception {
        JsonNode first = upload(undesa(), FILE, null);
        assertThat(first.get("sheet").asString()).isEqualTo("Table 1");
        assertThat(first.get("columns").get(5).asString())
                .isEqualTo("International migrant stock at mid-year, both sexes combined / 1990");
        assertThat(first.get("notes").get(0).get("code").asString()).isEqualTo("warehouse.import.sheetRead");
        assertThat(first.get("notes").get(0).get("message").asString()).contains("Table 1", "Table of contents");

        String byName = """
                {"columns": {"COUNTRY": "Region, development group, country or area"},
                 "constants": {"INDICATOR": "IMM_STOCK"}, "wide": true}""";
        JsonNode named = upload(undesa(), FILE, byName);
        assertThat(named.get("status").asString()).isEqualTo("INVALID");
        assertThat(named.get("problemCount").asInt()).isEqualTo(1);
        JsonNode problem = named.get("problems").get(0);
        assertThat(problem.get("code").asString()).isEqualTo("warehouse.import.ambiguousCountry");
        assertThat(problem.get("row").asLong()).isEqualTo(277);
        assertThat(problem.get("message").asString()).contains("Micronesia (057)", "FM");

        String resolved = byName.replace("\"wide\": true", "\"wide\": true, \"values\": {\"COUNTRY\": "
                + "{\"Micronesia\": \"954\"}}");
        JsonNode ok = upload(undesa(), FILE, resolved);
        assertThat(ok.get("status").asString()).isEqualTo("VALID");
        assertThat(ok.get("rows").asLong()).isEqualTo(OBSERVATIONS);
    }

    /** Evidence: a mapping without "wide" was "not valid JSON"; messages named TIME_PERIOD where users type PERIOD. */
    @Test
    void mappingWithoutWideIsReadAndMessagesUseTheNamesUsersType() throws Exception {
        JsonNode report = upload(undesa(), FILE, "{\"columns\": {\"COUNTRY\": \"Location code\"}, "
                + "\"constants\": {\"INDICATOR\": \"IMM_STOCK\"}}");
        assertThat(report.get("status").asString()).isEqualTo("INVALID");
        String messages = report.get("problems").toString();
        assertThat(messages).contains("given for PERIOD").doesNotContain("TIME_PERIOD is").doesNotContain("not valid JSON");
        // The SDMX names are taken as keys too.
        JsonNode sdmx = upload(undesa(), FILE, "{\"columns\": {\"COUNTERPART_AREA\": \"Location code\"}, "
                + "\"constants\": {\"INDICATOR\": \"IMM_STOCK\"}, \"wide\": true}");
        assertThat(sdmx.get("status").asString()).isEqualTo("VALID");
        mvc.perform(multipart("/api/v1/imports")
                        .file(new MockMultipartFile("file", FILE, "application/octet-stream", undesa()))
                        .param("dataset", DATASET).param("mapping", "{\"columns\": {\"COUNTRI\": \"x\"}}")
                        .header("Accept-Language", "en").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", Matchers.containsString("\"COUNTRI\" is not a field of the mapping")));
        mvc.perform(multipart("/api/v1/imports")
                        .file(new MockMultipartFile("file", FILE, "application/octet-stream", undesa()))
                        .param("dataset", DATASET).param("mapping", "{\"columns\": ")
                        .header("Accept-Language", "en").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", Matchers.containsString("not valid JSON (line 1")));
    }

    /** Evidence: "The region "1,001" is unknown" for the code 001001. */
    @Test
    void codesArePrintedAsCodes() throws Exception {
        byte[] csv = "INDICATOR,TIME_PERIOD,REF_AREA,OBS_VALUE\nIMM_STOCK,2022,001001,5\nIMM_STOCK,2022,123456789,6\n"
                .getBytes(StandardCharsets.UTF_8);
        JsonNode report = upload(csv, "istat.csv", null);
        String messages = report.get("problems").toString();
        assertThat(messages).contains("\\\"001001\\\"", "\\\"123456789\\\"").doesNotContain("1,001")
                .doesNotContain("123,456,789");
    }

    /** Evidence: a Latin-1 file was read as windows-1251 ("Cфte d'Ivoire"). */
    @Test
    void latin1FileIsReadAsLatin1() throws Exception {
        byte[] csv = "INDICATOR;TIME_PERIOD;COUNTERPART_AREA;OBS_VALUE\nIMM_STOCK;2020;C\u00f4te d'Ivoire;7\n"
                .concat("IMM_STOCK;2020;Cura\u00e7ao;8\n").getBytes(StandardCharsets.ISO_8859_1);
        JsonNode report = upload(csv, "latin1.csv", null);
        assertThat(report.get("problems").toString()).isEqualTo("[]");
        assertThat(report.get("status").asString()).isEqualTo("VALID");
        assertThat(report.get("rows").asLong()).isEqualTo(2);
    }

    /**
     * Evidence: the three sex blocks collided as "repeats row 99" naming no column and not the cause. Blocks whose
     * captions name no sex still collide, but the message says which column and which key.
     */
    @Test
    void aRepeatedObservationIsReportedWithItsKeyAndColumn() throws Exception {
        byte[] book;
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            // Two blocks under merged captions that name no sex: their columns are read as the same series.
            var sheet = wb.createSheet("Data");
            var top = sheet.createRow(0);
            top.createCell(1).setCellValue("Block A");
            top.createCell(3).setCellValue("Block B");
            sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(0, 0, 1, 2));
            sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(0, 0, 3, 4));
            var years = sheet.createRow(1);
            years.createCell(0).setCellValue("Country");
            String[] y = {"2019", "2020", "2019", "2020"};
            for (int i = 0; i < y.length; i++) {
                years.createCell(i + 1).setCellValue(y[i]);
            }
            Object[][] data = {{"Kazakhstan", 9, 10, 19, 20}, {"Russian Federation", 29, 30, 39, 40}};
            for (int r = 0; r < data.length; r++) {
                var row = sheet.createRow(2 + r);
                row.createCell(0).setCellValue((String) data[r][0]);
                for (int c = 1; c < 5; c++) {
                    row.createCell(c).setCellValue(((Integer) data[r][c]).doubleValue());
                }
            }
            wb.write(out);
            book = out.toByteArray();
        }
        JsonNode report = upload(book, "blocks.xlsx", "{\"columns\": {\"COUNTRY\": \"Country\"}, "
                + "\"constants\": {\"INDICATOR\": \"IMM_STOCK\"}, \"wide\": true}");
        JsonNode problem = report.get("problems").get(0);
        assertThat(problem.get("code").asString()).isEqualTo("warehouse.import.duplicate");
        assertThat(problem.get("column").asString()).isEqualTo("Block B / 2019");
        assertThat(problem.get("message").asString()).contains("repeats row 3", "COUNTRY=KZ", "PERIOD=2019");
    }

    /** The import page: choose a template on upload, read the notes, pick a sheet, save the mapping as a template. */
    @Test
    void importPageOffersTemplatesSheetsAndNotes() throws Exception {
        mvc.perform(put("/api/v1/import-templates/page-template").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dataset\": \"" + DATASET + "\", \"mapping\": {\"columns\": {\"COUNTRY\": "
                                + "\"Location code\"}, \"constants\": {\"INDICATOR\": \"IMM_STOCK\"}, \"wide\": true}}"))
                .andExpect(status().isOk());
        mvc.perform(get("/warehouse/imports").with(user("sheets-analyst").roles("ANALYST")).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<option value=\"page-template\"")));
        String location = mvc.perform(multipart("/warehouse/imports")
                        .file(new MockMultipartFile("file", FILE, "application/octet-stream", undesa()))
                        .param("template", "page-template").with(csrf())
                        .with(user("sheets-analyst").roles("ANALYST")))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String id = location.substring(location.lastIndexOf('/') + 1);
        String page = "";
        for (int i = 0; i < 200; i++) {
            page = mvc.perform(get("/warehouse/imports/" + id).with(user("sheets-analyst").roles("ANALYST"))
                    .param("lang", "en")).andReturn().getResponse().getContentAsString();
            if (page.contains("data-status=\"VALID\"") || page.contains("data-status=\"INVALID\"")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(page).contains("data-status=\"VALID\"", "id=\"import-notes\"",
                "48 rows for groups of countries were left out", "id=\"sheet-choice\"",
                "<option value=\"Table of contents\">", "ISO-8859-1 (Latin-1)", "Windows-1252");
        String saved = mvc.perform(post("/warehouse/imports/" + id + "/template").param("name", "saved-from-page")
                        .param("description", "from the page").with(csrf())
                        .with(user("sheets-analyst").roles("ANALYST")).param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(saved).contains("Template &quot;saved-from-page&quot; saved.");
        mvc.perform(get("/api/v1/import-templates/saved-from-page").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.dataset").value(DATASET))
                .andExpect(jsonPath("$.mapping.columns.COUNTRY").value("Location code"))
                .andExpect(jsonPath("$.mapping.wide").value(true));
    }

    JsonNode upload(byte[] content, String name, String mapping) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/imports")
                .file(new MockMultipartFile("file", name, "application/octet-stream", content))
                .param("dataset", DATASET);
        if (mapping != null) {
            request.param("mapping", mapping);
        }
        String body = mvc.perform(request.header("Accept-Language", "en").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }
}
