package kz.agyn.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
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
        for (String code : List.of("test-sdmx-estat", "test-sdmx-bis", "test-sdmx-ecb", "test-sdmx-refused")) {
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
        indicator("TEST_SDMX_RATE", "RATIO");
    }

    private void indicator(String code, String unit) throws Exception {
        if (jdbc.sql("SELECT count(*) FROM wh_indicator WHERE code = ?").param(code).query(Integer.class)
                .single() == 0) {
            mvc.perform(post("/api/v1/indicators").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"code\":\"" + code + "\",\"nameKk\":\"Тест\",\"nameRu\":\"Тест\","
                                    + "\"nameEn\":\"Test\",\"unit\":\"" + unit + "\",\"kind\":\"LEVEL\"}"))
                    .andExpect(status().isCreated());
        }
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = SdmxImportTest.class.getResourceAsStream("/kz/agyn/tabular/sdmx/" + name)) {
            return in.readAllBytes();
        }
    }

    private JsonNode upload(String dataset, String name, String format, ImportMapping mapping) throws Exception {
        String body = mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", name,
                                "application/octet-stream", fixture(name))).param("dataset", dataset)
                        .param("format", format).param("mapping", json.writeValueAsString(mapping))
                        .header("Accept-Language", "en").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    private void accept(JsonNode report) throws Exception {
        mvc.perform(post("/api/v1/imports/" + report.get("id").asText() + "/accept")
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACCEPTED"));
    }

    private List<Map<String, Object>> stored(String dataset) {
        return jdbc.sql("""
                SELECT o.period, o.country, o.value, o.unit_mult, o.status FROM wh_observation o
                JOIN wh_version v ON v.id = o.version_id JOIN wh_dataset d ON d.id = v.dataset_id
                WHERE d.code = ? AND v.version = (SELECT max(version) FROM wh_version WHERE dataset_id = d.id)
                ORDER BY o.period""").param(dataset).query().listOfRows();
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
        assertThat(duplicate.get("message").asText()).contains("34").doesNotContain("row 1)").doesNotContain("row 2)");
    }

    @Test
    void bisCompactGroupUnitMultiplierIsStored() throws Exception {
        ImportMapping mapping = new ImportMapping(Map.of(Dimension.PERIOD, "TIME_PERIOD", Dimension.VALUE,
                "OBS_VALUE", Dimension.STATUS, "OBS_STATUS", Dimension.UNIT_MULT, "UNIT_MULT", Dimension.COUNTRY,
                "VIS_CTY"), Map.of(Dimension.INDICATOR, "TEST_SDMX_DEBT"), false, null, null, null, null, null, null,
                null, null).withSlice(Map.of("FREQ", "M", "JD_CATEGORY", "A"));
        JsonNode report = upload("test-sdmx-bis", "bis-jd-compact20.xml", "sdmx-ml", mapping);
        assertThat(report.get("status").asText()).as(report.toString()).isEqualTo("VALID");
        assertThat(report.get("rows").asLong()).isEqualTo(12);
        assertThat(report.get("leftOut").get("FREQ=A").asLong()).isEqualTo(1);
        assertThat(report.get("leftOut").get("JD_CATEGORY=B").asLong()).isPositive();
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
}
