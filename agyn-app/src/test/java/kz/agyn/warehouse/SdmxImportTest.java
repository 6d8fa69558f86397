package kz.agyn.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import kz.agyn.AgynTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recorded agency messages (src/test/resources/kz/agyn/tabular/sdmx, sources in its README) imported through the
 * API into the real database: what is stored equals the source, missing values and every status are kept, a
 * multi-dimensional dataset is cut to the slice the analyst chose, and problems are located by XML line.
 */
class SdmxImportTest extends AgynTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @BeforeEach
    void datasetsAndIndicators() throws Exception {
        for (String code : List.of("test-sdmx-estat", "test-sdmx-bis", "test-sdmx-ecb", "test-sdmx-refused",
                "test-sdmx-versions", "test-sdmx-change", "test-sdmx-dsd", "test-sdmx-dsd-refuse", "test-sdmx-dsd20",
                "test-sdmx-scaled", "test-sdmx-restructured")) {
            if (jdbc.sql("SELECT count(*) FROM wh_dataset WHERE code = ?").param(code).query(Integer.class)
                    .single() == 0) {
                mvc.perform(post("/api/v1/datasets").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"code\":\"" + code + "\",\"titleKk\":\"Тест\",\"titleRu\":\"Тест\","
                                        + "\"titleEn\":\"Test\",\"publisher\":\"Agyn tests\"}"))
                        .andExpect(status().isCreated());
            }
        }
        indicator("TEST_SDMX_SHARE", "PERCENT");
        indicator("TEST_SDMX_DEBT", "USD");
        indicator("TEST_SDMX_EUR", "EUR");
        indicator("TEST_SDMX_RATE", "RATIO");
        // Named as a net figure but a level: its code must not let a negative value in.
        indicator("TEST_SDMX_NET_RATE", "RATIO");
        indicator("TEST_SDMX_GROWTH", "PERCENT", "CHANGE");
    }

    private void indicator(String code, String unit) throws Exception {
        indicator(code, unit, "LEVEL");
    }

    private void indicator(String code, String unit, String kind) throws Exception {
        if (jdbc.sql("SELECT count(*) FROM wh_indicator WHERE code = ?").param(code).query(Integer.class)
                .single() == 0) {
            mvc.perform(post("/api/v1/indicators").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"code\":\"" + code + "\",\"nameKk\":\"Тест\",\"nameRu\":\"Тест\","
                                    + "\"nameEn\":\"Test\",\"unit\":\"" + unit + "\",\"kind\":\"" + kind + "\"}"))
                    .andExpect(status().isCreated());
        }
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = SdmxImportTest.class.getResourceAsStream("/kz/agyn/tabular/sdmx/" + name)) {
            return in.readAllBytes();
        }
    }

    private JsonNode upload(String dataset, String name, String format, ImportMapping mapping) throws Exception {
        return upload(dataset, name, fixture(name), format, mapping);
    }

    private JsonNode upload(String dataset, String name, byte[] content, String format, ImportMapping mapping)
            throws Exception {
        String body = mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", name,
                                "application/octet-stream", content)).param("dataset", dataset)
                        .param("format", format).param("mapping", json.writeValueAsString(mapping))
                        .header("Accept-Language", "en").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    private JsonNode accept(JsonNode report) throws Exception {
        return json.readTree(mvc.perform(post("/api/v1/imports/" + report.get("id").asText() + "/accept")
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACCEPTED")).andReturn()
                .getResponse().getContentAsString());
    }

    private List<Map<String, Object>> stored(String dataset) {
        return jdbc.sql("""
                SELECT o.period, o.country, o.value, o.unit_mult, o.status FROM wh_observation o
                JOIN wh_version v ON v.id = o.version_id JOIN wh_dataset d ON d.id = v.dataset_id
                WHERE d.code = ? AND v.version = (SELECT max(version) FROM wh_version WHERE dataset_id = d.id)
                ORDER BY o.period""").param(dataset).query().listOfRows();
    }

    /**
     * A slice in the order written. Map.of's order differs from one run to the next, and which column a row left out
     * is counted under depends on the order.
     */
    private static Map<String, String> slice(String... columnsAndCodes) {
        Map<String, String> slice = new java.util.LinkedHashMap<>();
        for (int i = 0; i < columnsAndCodes.length; i += 2) {
            slice.put(columnsAndCodes[i], columnsAndCodes[i + 1]);
        }
        return slice;
    }

    /** Eurostat cdh_e_fos: five dimensions, NaN values with Eurostat's status "na", unit PC. */
    private static ImportMapping eurostat(Map<String, String> slice) {
        return new ImportMapping(Map.of(Dimension.PERIOD, "TIME_PERIOD", Dimension.VALUE, "OBS_VALUE",
                Dimension.STATUS, "OBS_STATUS", Dimension.COUNTRY, "GEO"),
                Map.of(Dimension.INDICATOR, "TEST_SDMX_SHARE"), false, null, null, null, null, null, null, null,
                null).withSlice(slice);
    }

    @Test
    void eurostatSliceWithMissingValuesKept() throws Exception {
        JsonNode report = upload("test-sdmx-estat", "estat-cdh-generic21.xml", "sdmx-ml",
                eurostat(Map.of("Y_GRAD", "Y_GE1990", "FOS07", "FOS1", "FREQ", "A")));
        assertThat(report.get("status").asText()).as(report.toString()).isEqualTo("VALID");
        assertThat(report.get("rows").asLong()).isEqualTo(2);
        assertThat(report.get("leftOut").get("Y_GRAD=TOTAL").asLong()).isEqualTo(2);
        accept(report);
        List<Map<String, Object>> rows = stored("test-sdmx-estat");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("period", "2006").containsEntry("country", "BE")
                .containsEntry("status", "na");
        assertThat(rows.get(0).get("value")).as("NaN is kept as a missing value").isNull();
        assertThat((BigDecimal) rows.get(1).get("value")).isEqualByComparingTo("43.75");
        assertThat(rows.get(1)).containsEntry("status", "A");
        // The explorer and the API show figures; the missing one stays in the table only.
        mvc.perform(get("/api/v1/observations").param("dataset", "test-sdmx-estat")
                        .param("indicator", "TEST_SDMX_SHARE").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].value").value(43.75));
    }

    @Test
    void withoutTheSliceTheCollisionIsLocatedByXmlLine() throws Exception {
        JsonNode report = upload("test-sdmx-refused", "estat-cdh-generic21.xml", "sdmx-ml", eurostat(null));
        assertThat(report.get("status").asText()).isEqualTo("INVALID");
        JsonNode duplicate = null;
        for (JsonNode p : report.get("problems")) {
            if (p.get("code").asText().equals("warehouse.import.duplicate")) {
                duplicate = p;
                break;
            }
        }
        assertThat(duplicate).as(report.toString()).isNotNull();
        // The third Obs (Y_GE1990, 2009) is at line 57 and repeats the first (TOTAL, 2009) at line 34.
        assertThat(duplicate.get("row").asLong()).isEqualTo(57);
        assertThat(duplicate.get("message").asText()).contains("repeats row 34:").doesNotContain("row 1)")
                .doesNotContain("row 2)");
    }

    @Test
    void bisCompactGroupUnitMultiplierIsStored() throws Exception {
        ImportMapping mapping = new ImportMapping(Map.of(Dimension.PERIOD, "TIME_PERIOD", Dimension.VALUE,
                "OBS_VALUE", Dimension.STATUS, "OBS_STATUS", Dimension.UNIT_MULT, "UNIT_MULT", Dimension.COUNTRY,
                "VIS_CTY"), Map.of(Dimension.INDICATOR, "TEST_SDMX_DEBT"), false, null, null, null, null, null, null,
                null, null).withSlice(slice("JD_CATEGORY", "A", "FREQ", "M"));
        JsonNode report = upload("test-sdmx-bis", "bis-jd-compact20.xml", "sdmx-ml", mapping);
        assertThat(report.get("status").asText()).as(report.toString()).isEqualTo("VALID");
        assertThat(report.get("rows").asLong()).isEqualTo(12);
        // Each row left out is counted under the first slice column, in the slice's order, that puts it outside:
        // the 13 observations of JD_CATEGORY B (12 monthly, 1 annual), then the 1 annual of category A.
        assertThat(report.get("leftOut").get("JD_CATEGORY=B").asLong()).isEqualTo(13);
        assertThat(report.get("leftOut").get("FREQ=A").asLong()).isEqualTo(1);
        accept(report);
        List<Map<String, Object>> rows = stored("test-sdmx-bis");
        assertThat(rows).hasSize(12);
        assertThat(rows.get(0)).containsEntry("period", "2000-01").containsEntry("country", "MX")
                .containsEntry("status", "A");
        assertThat((BigDecimal) rows.get(0).get("value")).isEqualByComparingTo("3.14");
        assertThat(((Number) rows.get(0).get("unit_mult")).intValue()).as("the group's UNIT_MULT").isEqualTo(5);
        assertThat((BigDecimal) rows.get(11).get("value")).isEqualByComparingTo("1.21");
    }

    @Test
    void statusesMqbAndMissingValuesAreStoredAsTheyAre() throws Exception {
        ImportMapping mapping = new ImportMapping(Map.of(Dimension.PERIOD, "TIME_PERIOD", Dimension.VALUE,
                "OBS_VALUE", Dimension.STATUS, "OBS_STATUS", Dimension.UNIT_MULT, "UNIT_MULT"),
                Map.of(Dimension.INDICATOR, "TEST_SDMX_RATE"), false, null, null, null, null, null, null, null, null)
                .withSlice(Map.of("CURRENCY", "CAD"));
        JsonNode report = upload("test-sdmx-ecb", "sdmxcsv20-ecb-exr-statuses.csv", "sdmx-csv", mapping);
        assertThat(report.get("status").asText()).as(report.toString()).isEqualTo("VALID");
        accept(report);
        List<Map<String, Object>> rows = stored("test-sdmx-ecb");
        assertThat(rows).extracting(r -> r.get("status")).containsExactly("M", "M", "Q", "B");
        assertThat(rows.get(0).get("value")).isNull();
        assertThat(rows.get(1).get("value")).isNull();
        assertThat((BigDecimal) rows.get(2).get("value")).isEqualByComparingTo("1.4077");
        assertThat((BigDecimal) rows.get(3).get("value")).isEqualByComparingTo("1.655");
    }

    @Test
    void aUnitAgynDoesNotHoldIsRefusedAtItsLine() throws Exception {
        // ECB EXR 3.0: UNIT="CAD" (Canadian dollars per euro) is no unit of Agyn's; the first Obs is at line 21.
        ImportMapping mapping = new ImportMapping(Map.of(Dimension.PERIOD, "TIME_PERIOD", Dimension.VALUE,
                "OBS_VALUE", Dimension.STATUS, "OBS_STATUS"), Map.of(Dimension.INDICATOR, "TEST_SDMX_RATE"), false,
                null, null, null, null, null, null, null, null).withSlice(Map.of("EXR_SUFFIX", "A"));
        JsonNode report = upload("test-sdmx-refused", "ecb-exr-structurespecific30.xml", "sdmx-ml", mapping);
        assertThat(report.get("status").asText()).isEqualTo("INVALID");
        JsonNode first = report.get("problems").get(0);
        assertThat(first.get("code").asText()).isEqualTo("warehouse.import.unitMismatch");
        assertThat(first.get("row").asLong()).isEqualTo(21);
        assertThat(first.get("message").asText()).contains("\"CAD\"");
    }

    @Test
    void aDeleteRowIsNeverLoaded() throws Exception {
        ImportMapping mapping = new ImportMapping(Map.of(Dimension.PERIOD, "DIM_3", Dimension.VALUE, "OBS_VALUE"),
                Map.of(Dimension.INDICATOR, "TEST_SDMX_RATE"), false, null, null, null, null, null, null, null, null);
        JsonNode report = upload("test-sdmx-refused", "sdmxcsv20-twg-actions-delete.csv", "sdmx-csv", mapping);
        assertThat(report.get("status").asText()).isEqualTo("INVALID");
        JsonNode first = report.get("problems").get(0);
        assertThat(first.get("code").asText()).isEqualTo("tabular.sdmxcsv.deleteAction");
        assertThat(first.get("row").asLong()).isEqualTo(4);
        assertThat(first.get("message").asText()).contains("D (delete)");
    }

    /** A structure-specific SDMX-ML 2.1 message of one series, {@code attributes} on the Series, then observations. */
    private static byte[] structureSpecific(String attributes, String... observations) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <message:StructureSpecificData xmlns:message="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message"
                    xmlns:common="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common">
                  <message:Header><message:ID>T</message:ID><message:Test>true</message:Test>
                    <message:Prepared>2024-01-01T00:00:00</message:Prepared><message:Sender id="ISTAT"/>
                    <message:Structure structureID="S" dimensionAtObservation="TIME_PERIOD"/></message:Header>
                  <message:DataSet>
                """);
        xml.append("    <Series ").append(attributes).append(">\n");
        for (String o : observations) {
            xml.append("      <Obs ").append(o).append("/>\n");
        }
        xml.append("    </Series>\n  </message:DataSet>\n</message:StructureSpecificData>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Issue 13: ISTAT's area code 001001 was printed "1,001". In SDMX-CSV and SDMX-ML alike a code stays the text
     * it is, in a problem's message and in what the slice left out.
     */
    @Test
    void codesArePrintedAsCodes() throws Exception {
        ImportMapping mapping = new ImportMapping(Map.of(), Map.of(Dimension.INDICATOR, "TEST_SDMX_RATE"), false,
                null, null, null, null, null, null, null, null).withSlice(Map.of("REF_AREA", "001001"));
        byte[] csv = """
                DATAFLOW,FREQ,REF_AREA,TIME_PERIOD,OBS_VALUE
                IT1:DCIS_POPRES1(1.0),A,001001,2022,5
                IT1:DCIS_POPRES1(1.0),A,001002,2022,6
                """.getBytes(StandardCharsets.UTF_8);
        byte[] xml = structureSpecific("FREQ=\"A\"", "REF_AREA=\"001001\" TIME_PERIOD=\"2022\" OBS_VALUE=\"5\"",
                "REF_AREA=\"001002\" TIME_PERIOD=\"2022\" OBS_VALUE=\"6\"");
        for (JsonNode report : List.of(upload("test-sdmx-refused", "istat.csv", csv, "sdmx-csv", mapping),
                upload("test-sdmx-refused", "istat.xml", xml, "sdmx-ml", mapping))) {
            assertThat(report.get("status").asText()).as(report.toString()).isEqualTo("INVALID");
            JsonNode problem = report.get("problems").get(0);
            assertThat(problem.get("code").asText()).isEqualTo("warehouse.import.unknownRegion");
            assertThat(problem.get("message").asText()).contains("\"001001\"").doesNotContain("1,001");
            assertThat(report.get("leftOut").get("REF_AREA=001002").asLong()).isEqualTo(1);
            assertThat(report.toString()).doesNotContain("1,001").doesNotContain("1,002");
        }
    }

    /**
     * A negative value is allowed by what the indicator measures (its kind), never by its code: a CHANGE takes
     * -1.5, a LEVEL whose code says NET does not, in SDMX-ML as in any other file.
     */
    @Test
    void aNegativeValueIsAllowedByTheIndicatorsKindNotItsName() throws Exception {
        byte[] xml = structureSpecific("FREQ=\"A\" GEO=\"DE\"",
                "TIME_PERIOD=\"2021\" OBS_VALUE=\"2.5\"", "TIME_PERIOD=\"2022\" OBS_VALUE=\"-1.5\"");
        Map<Dimension, String> columns = Map.of(Dimension.PERIOD, "TIME_PERIOD", Dimension.VALUE, "OBS_VALUE",
                Dimension.COUNTRY, "GEO");
        JsonNode level = upload("test-sdmx-refused", "net-level.xml", xml, "sdmx-ml", new ImportMapping(columns,
                Map.of(Dimension.INDICATOR, "TEST_SDMX_NET_RATE"), false, null, null, null, null, null, null, null,
                null));
        assertThat(level.get("status").asText()).as(level.toString()).isEqualTo("INVALID");
        assertThat(level.get("problems").get(0).get("code").asText()).isEqualTo("warehouse.import.negative");
        // The message names the indicator and what may be negative, not "a number of persons" (issue 13).
        assertThat(level.get("problems").get(0).get("message").asText()).contains("TEST_SDMX_NET_RATE")
                .doesNotContain("persons");
        assertThat(level.get("problemCount").asInt()).isEqualTo(1);

        JsonNode change = upload("test-sdmx-change", "growth.xml", xml, "sdmx-ml", new ImportMapping(columns,
                Map.of(Dimension.INDICATOR, "TEST_SDMX_GROWTH"), false, null, null, null, null, null, null, null,
                null));
        assertThat(change.get("status").asText()).as(change.toString()).isEqualTo("VALID");
        accept(change);
        assertThat((BigDecimal) stored("test-sdmx-change").get(1).get("value")).isEqualByComparingTo("-1.5");
    }

    /**
     * Comparing versions tells a missing observation (a row without a value) from an absent one: a missing value
     * that gets a figure, or a figure that becomes missing, is a change, not an observation added or removed.
     */
    @Test
    void versionsWithMissingValuesCompareAsChanges() throws Exception {
        ImportMapping mapping = new ImportMapping(Map.of(Dimension.PERIOD, "TIME_PERIOD", Dimension.VALUE,
                "OBS_VALUE", Dimension.STATUS, "OBS_STATUS"), Map.of(Dimension.INDICATOR, "TEST_SDMX_RATE"), false,
                null, null, null, null, null, null, null, null).withSlice(Map.of("CURRENCY", "CAD"));
        int from = accept(upload("test-sdmx-versions", "sdmxcsv20-ecb-exr-statuses.csv", "sdmx-csv", mapping))
                .get("version").asInt();
        byte[] next = new String(fixture("sdmxcsv20-ecb-exr-statuses.csv"), StandardCharsets.UTF_8)
                .replace("E,1999,,M,", "E,1999,1.5,A,").replace("E,2001,1.4077,Q,", "E,2001,,M,")
                .getBytes(StandardCharsets.UTF_8);
        int to = accept(upload("test-sdmx-versions", "exr-revised.csv", next, "sdmx-csv", mapping)).get("version")
                .asInt();
        JsonNode comparison = json.readTree(mvc.perform(get("/api/v1/datasets/test-sdmx-versions/compare")
                        .param("from", String.valueOf(from)).param("to", String.valueOf(to))
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(comparison.get("added").asLong()).as(comparison.toString()).isZero();
        assertThat(comparison.get("removed").asLong()).isZero();
        assertThat(comparison.get("changed").asLong()).isEqualTo(2);
        assertThat(comparison.get("unchanged").asLong()).as("2000 stays missing (NaN, M); 2002 stays 1.655 B")
                .isEqualTo(2);
        // The page shows the missing side by its status.
        String page = mvc.perform(get("/warehouse/datasets/test-sdmx-versions/compare")
                        .param("from", String.valueOf(from)).param("to", String.valueOf(to)).param("lang", "en")
                        .with(user("sdmx-analyst").roles("ANALYST")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<td class=\"num\">M</td>");
    }

    /** The import page's mapping form sends the slice back: remapping there once dropped it. */
    @Test
    void theImportPageKeepsTheSlice() throws Exception {
        JsonNode report = upload("test-sdmx-refused", "estat-cdh-generic21.xml", "sdmx-ml", eurostat(null));
        assertThat(report.get("status").asText()).isEqualTo("INVALID");
        String id = report.get("id").asText();
        String fragment = mvc.perform(post("/warehouse/imports/" + id + "/mapping")
                        .with(user("sdmx-analyst").roles("ANALYST")).with(csrf()).param("lang", "en")
                        .param("dataset", "test-sdmx-refused").param("col_PERIOD", "TIME_PERIOD")
                        .param("col_VALUE", "OBS_VALUE").param("col_STATUS", "OBS_STATUS").param("col_COUNTRY", "GEO")
                        .param("const_INDICATOR", "TEST_SDMX_SHARE").param("aggregates", "SKIP")
                        .param("slice", "Y_GRAD=Y_GE1990; FOS07=FOS1;\nFREQ = A;"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("import-left-out").contains("Y_GRAD=TOTAL");
        JsonNode remapped = json.readTree(mvc.perform(get("/api/v1/imports/" + id)
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(remapped.get("status").asText()).as(remapped.toString()).isEqualTo("VALID");
        assertThat(remapped.get("mapping").get("slice").get("FREQ").asText()).isEqualTo("A");
        assertThat(remapped.get("mapping").get("slice").get("Y_GRAD").asText()).isEqualTo("Y_GE1990");
        assertThat(remapped.get("leftOut").get("Y_GRAD=TOTAL").asLong()).isEqualTo(2);
    }

    private static byte[] structure(String name) throws IOException {
        try (InputStream in = SdmxImportTest.class.getResourceAsStream("/kz/agyn/tabular/sdmx/structure/" + name)) {
            return in.readAllBytes();
        }
    }

    private JsonNode uploadWithStructure(String dataset, String name, String structureName, ImportMapping mapping,
                                         String language) throws Exception {
        var request = multipart("/api/v1/imports")
                .file(new MockMultipartFile("file", name, "application/xml", fixture(name)));
        if (structureName != null) {
            request.file(new MockMultipartFile("structure", structureName, "application/xml",
                    structure(structureName)));
        }
        String body = mvc.perform(request.param("dataset", dataset).param("format", "sdmx-ml")
                        .param("mapping", json.writeValueAsString(mapping)).header("Accept-Language", language)
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    private static ImportMapping indicatorOnly(String indicator) {
        return new ImportMapping(Map.of(), Map.of(Dimension.INDICATOR, indicator), false, null, null, null, null, null,
                null, null, null);
    }

    /**
     * The gap: without its structure, AMECO's message loads with its areas unread (AME_REF_AREA is no column Agyn
     * knows, so every figure would be Kazakhstan's, country "_T") and its unit unchecked. With the ECB's structure the
     * area code list puts Belgium in the country, and the unit code list says AME_UNIT 0 is "National currency",
     * which Agyn cannot store under any unit: refused at its line, with the code's name.
     */
    @Test
    void theStructureReadsTheAreaAndRefusesAUnitItCannotMap() throws Exception {
        JsonNode without = uploadWithStructure("test-sdmx-dsd", "ecb-ame-generic21.xml", null,
                indicatorOnly("TEST_SDMX_DEBT"), "en");
        assertThat(without.get("status").asText()).isEqualTo("VALID");
        assertThat(without.get("mapping").get("columns").has("COUNTRY")).as("the area unread").isFalse();

        JsonNode with = uploadWithStructure("test-sdmx-dsd", "ecb-ame-generic21.xml", "ecb-ame1-structure21.xml",
                indicatorOnly("TEST_SDMX_DEBT"), "en");
        assertThat(with.get("status").asText()).as(with.toString()).isEqualTo("INVALID");
        assertThat(with.get("structure").asText()).isEqualTo("ECB:ECB_AME1(1.0)");
        assertThat(with.get("mapping").get("columns").get("COUNTRY").asText()).isEqualTo("AME_REF_AREA");
        JsonNode unit = with.get("problems").get(0);
        assertThat(unit.get("code").asText()).isEqualTo("warehouse.import.unitUnmapped");
        assertThat(unit.get("column").asText()).isEqualTo("AME_UNIT");
        assertThat(unit.get("row").asLong()).as("the XML line of the first Obs").isEqualTo(30);
        assertThat(unit.get("message").asText()).contains("0 (National currency)").contains("ECB:CL_AME_UNIT(1.0)");
        assertThat(with.get("problemCount").asInt()).isEqualTo(5);
        assertThat(with.get("codeNames").get("AME_REF_AREA").get("BEL").asText()).isEqualTo("Belgium");
        assertThat(with.get("codeNames").get("AME_UNIT").get("0").asText()).isEqualTo("National currency");
        assertThat(with.get("codeNames").get("FREQ").get("A").asText()).isEqualTo("Annual");
        assertThat(with.toString()).contains("AME_REF_AREA holds the country: ISO 3166-1 alpha-3 codes");
    }

    /**
     * Three series: Belgium (BEL), Romania under AMECO's old code ROM (not ISO: read through its name, and said so)
     * and the euro area EA19 (a group: left out with a line naming it, never a country). The unit 30 is "US Dollar".
     * What is stored is the countries' codes and the values as written.
     */
    @Test
    void areasAreMappedThroughTheCodeListAndGroupsAreLeftOutWithALine() throws Exception {
        JsonNode report = uploadWithStructure("test-sdmx-dsd", "ecb-ame-generic21-areas.xml",
                "ecb-ame1-structure21.xml", indicatorOnly("TEST_SDMX_DEBT"), "ru");
        assertThat(report.get("status").asText()).as(report.toString()).isEqualTo("VALID");
        assertThat(report.get("rows").asLong()).isEqualTo(10);
        String notes = report.get("notes").toString();
        assertThat(notes).contains("Euro area (19 countries) (EA19)").contains("ROM (Romania) → RO")
                .contains("ISO 3166-1 alpha-3");
        assertThat(report.get("codeNames").get("AME_REF_AREA").get("ROM").asText())
                .as("no Russian name in the ECB's list: the English one").isEqualTo("Romania");
        accept(report);
        List<Map<String, Object>> rows = stored("test-sdmx-dsd");
        assertThat(rows).hasSize(10);
        assertThat(rows).extracting(r -> r.get("country")).containsOnly("BE", "RO");
        assertThat(rows.get(0).get("value")).isEqualTo(new BigDecimal("92.0142"));

        // The same file with groups refused: each EA19 row is a problem.
        JsonNode refused = uploadWithStructure("test-sdmx-dsd-refuse", "ecb-ame-generic21-areas.xml",
                "ecb-ame1-structure21.xml", indicatorOnly("TEST_SDMX_DEBT")
                        .withValues(Map.of(), ImportMapping.Aggregates.REFUSE), "en");
        assertThat(refused.get("status").asText()).isEqualTo("INVALID");
        assertThat(refused.get("problemCount").asInt()).isEqualTo(5);
        assertThat(refused.get("problems").get(0).get("message").asText()).contains("Euro area (19 countries) (EA19)");
    }

    /**
     * An SDMX-ML 2.0 structure message (the NBB's, beside its 2.0 message group) was refused as "not a structure";
     * it is read as a 2.1 one: its location code list puts the countries in the country column (ISO alpha-3 read
     * through the codes' names) and the report names the codes.
     */
    @Test
    void anSdmx20StructureIsReadBesideAn20Message() throws Exception {
        JsonNode report = uploadWithStructure("test-sdmx-dsd20", "nbb-messagegroup-generic20.xml",
                "nbb-test-dataset-structure20.xml", indicatorOnly("TEST_SDMX_DEBT"), "en");
        assertThat(report.toString()).doesNotContain("tabular.sdmxstructure");
        assertThat(report.get("structure").asText()).isEqualTo("NBB:TEST_DATASET");
        assertThat(report.get("mapping").get("columns").get("COUNTRY").asText()).isEqualTo("LOCATION");
        assertThat(report.get("codeNames").get("LOCATION").get("AUS").asText()).isEqualTo("Australia");
        assertThat(report.get("codeNames").get("FREQUENCY").get("M").asText()).isEqualTo("Monthly");
    }

    /**
     * Eurostat's unit "Million euro" (MIO_EUR) was refused as a unit Agyn does not hold; with the structure it is
     * euro with the multiplier 10^6, stored as the row's unit multiplier beside the value as written, and the report
     * says so. "Million units of national currency" stays refused at its line. The figures are made up for the test
     * (Eurostat's own data for this flow are not among the recorded messages); the structure is Eurostat's.
     */
    @Test
    void aUnitNamedWithAMultiplierIsStoredWithItsMultiplier() throws Exception {
        String csv = """
                DATAFLOW,freq,unit,geo,TIME_PERIOD,OBS_VALUE
                ESTAT:GOV_10Q_GGNFA(1.0),Q,MIO_EUR,DE,2023-Q1,1234.5
                ESTAT:GOV_10Q_GGNFA(1.0),Q,MIO_EUR,DE,2023-Q2,1250
                """;
        JsonNode report = scaledUpload(csv, "en");
        assertThat(report.get("status").asText()).as(report.toString()).isEqualTo("VALID");
        assertThat(report.get("notes").toString()).contains("MIO_EUR (Million euro)").contains("EUR × 10^6");
        accept(report);
        List<Map<String, Object>> rows = stored("test-sdmx-scaled");
        assertThat(rows).hasSize(2);
        assertThat((BigDecimal) rows.get(0).get("value")).isEqualByComparingTo("1234.5");
        assertThat(((Number) rows.get(0).get("unit_mult")).intValue()).isEqualTo(6);

        JsonNode refused = scaledUpload(csv.replace("MIO_EUR,DE,2023-Q2", "MIO_NAC,DE,2023-Q2"), "en");
        assertThat(refused.get("status").asText()).isEqualTo("INVALID");
        assertThat(refused.get("problems").get(0).get("code").asText()).isEqualTo("warehouse.import.unitUnmapped");
        assertThat(refused.get("problems").get(0).get("message").asText())
                .contains("Million units of national currency");
    }

    private JsonNode scaledUpload(String csv, String language) throws Exception {
        String body = mvc.perform(multipart("/api/v1/imports")
                        .file(new MockMultipartFile("file", "gov.csv", "text/csv",
                                csv.getBytes(StandardCharsets.UTF_8)))
                        .file(new MockMultipartFile("structure", "estat-gov10q-ggnfa-structure21.xml",
                                "application/xml", structure("estat-gov10q-ggnfa-structure21.xml")))
                        .param("dataset", "test-sdmx-scaled").param("format", "sdmx-csv")
                        .param("mapping", json.writeValueAsString(indicatorOnly("TEST_SDMX_EUR")))
                        .header("Accept-Language", language).with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    /**
     * The same data file with another structure message is another import: the structure decides what is stored (here
     * the ECB renames the code ROM, which no longer names Romania, so its rows are left out as a non-country). It was
     * taken for the version already holding the file ("accepted as version 1", the old rows kept); it is a new
     * version now. The same file with the same structure is still no new version.
     */
    @Test
    void aReimportThatChangesOnlyTheStructureIsANewVersion() throws Exception {
        String dataset = "test-sdmx-restructured";
        byte[] structure = structure("ecb-ame1-structure21.xml");
        JsonNode first = accept(restructured(dataset, structure));
        int version = first.get("version").asInt();
        assertThat(stored(dataset)).hasSize(10);

        JsonNode again = accept(restructured(dataset, structure));
        assertThat(again.get("version").asInt()).as("same file, same structure").isEqualTo(version);

        byte[] renamed = new String(structure, StandardCharsets.UTF_8)
                .replace("<com:Name xml:lang=\"en\">Romania</com:Name>",
                        "<com:Name xml:lang=\"en\">Romania (code withdrawn)</com:Name>")
                .getBytes(StandardCharsets.UTF_8);
        JsonNode changed = restructured(dataset, renamed);
        assertThat(changed.get("rows").asLong()).isEqualTo(5);
        JsonNode accepted = accept(changed);
        assertThat(accepted.get("version").asInt()).as("same file, another structure").isEqualTo(version + 1);
        assertThat(stored(dataset)).hasSize(5).extracting(r -> r.get("country")).containsOnly("BE");
    }

    private JsonNode restructured(String dataset, byte[] structure) throws Exception {
        String name = "ecb-ame-generic21-areas.xml";
        String body = mvc.perform(multipart("/api/v1/imports")
                        .file(new MockMultipartFile("file", name, "application/xml", fixture(name)))
                        .file(new MockMultipartFile("structure", "structure.xml", "application/xml", structure))
                        .param("dataset", dataset).param("format", "sdmx-ml")
                        .param("mapping", json.writeValueAsString(indicatorOnly("TEST_SDMX_DEBT")))
                        .header("Accept-Language", "en").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode report = json.readTree(body);
        assertThat(report.get("status").asText()).as(report.toString()).isEqualTo("VALID");
        return report;
    }

    /** A structure that cannot be read is a problem of the import, located in it: never a stack trace. */
    @Test
    void aStructureThatIsNotOneIsAProblem() throws Exception {
        String body = mvc.perform(multipart("/api/v1/imports")
                        .file(new MockMultipartFile("file", "ecb-ame-generic21.xml", "application/xml",
                                fixture("ecb-ame-generic21.xml")))
                        .file(new MockMultipartFile("structure", "data-again.xml", "application/xml",
                                fixture("ecb-ame-generic21.xml")))
                        .param("dataset", "test-sdmx-dsd").param("mapping",
                                json.writeValueAsString(indicatorOnly("TEST_SDMX_DEBT")))
                        .header("Accept-Language", "kk").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode report = json.readTree(body);
        assertThat(report.get("status").asText()).isEqualTo("INVALID");
        JsonNode p = report.get("problems").get(0);
        assertThat(p.get("code").asText()).isEqualTo("tabular.sdmxstructure.unsupported");
        assertThat(p.get("file").asText()).isEqualTo("structure.xml");
        assertThat(p.get("message").asText()).contains("GenericData");
    }
}
