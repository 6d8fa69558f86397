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

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import kz.agyn.AgynTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Versions an analyst can use: read any version (API and explorer), an unknown one refused in the reader's
 * language, two versions of one day told apart by the moment, two versions compared, an earlier version made
 * current again (audited), and an earlier file uploaded again answered truthfully.
 */
class VersionsTest extends AgynTest {

    static final RequestPostProcessor ANALYST = user("versions-analyst").roles("ANALYST");
    static final RequestPostProcessor VIEWER = user("versions-viewer").roles("VIEWER");

    static final String V1 = """
            indicator,period,region,occupation,education,country,sex,age,flow,value,unit,status
            IMMIGRANTS,2020,KZ,,,,,,IMM,1000,PERSONS,A
            IMMIGRANTS,2021,KZ,,,,,,IMM,1100,PERSONS,A
            IMMIGRANTS,2022,KZ,,,,,,IMM,1200,PERSONS,P
            """;
    /** 2020 unchanged, 2021 revised, 2022 withdrawn, 2023 added (a small count). */
    static final String V2 = """
            indicator,period,region,occupation,education,country,sex,age,flow,value,unit,status
            IMMIGRANTS,2020,KZ,,,,,,IMM,1000,PERSONS,A
            IMMIGRANTS,2021,KZ,,,,,,IMM,1150,PERSONS,A
            IMMIGRANTS,2023,KZ,,,,,,IMM,3,PERSONS,A
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anyVersionCanBeReadAndAnUnknownOneIsRefusedClearly() throws Exception {
        String ds = twoVersions("test-versions-read");
        assertThat(value(ds, "2021", "1")).isEqualTo(1100);
        assertThat(value(ds, "2021", "2")).isEqualTo(1150);
        assertThat(value(ds, "2021", null)).isEqualTo(1150);
        mvc.perform(get("/api/v1/observations").param("dataset", ds).param("version", "1").with(VIEWER))
                .andExpect(jsonPath("$.total").value(3)).andExpect(jsonPath("$.items[0].version").value(1));

        mvc.perform(get("/api/v1/observations").param("dataset", ds).param("version", "9").with(VIEWER)
                        .header("Accept-Language", "en"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("The dataset \"" + ds + "\" has no version 9; its versions "
                        + "are 1–2."));
        mvc.perform(get("/api/v1/observations").param("dataset", ds).param("version", "9").with(VIEWER)
                        .header("Accept-Language", "ru"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("У набора «" + ds + "» нет версии 9; его версии: 1–2."));
        mvc.perform(get("/api/v1/observations").param("version", "1").with(VIEWER).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("version=1 needs dataset=…: version numbers belong to a "
                        + "dataset."));
        mvc.perform(get("/api/v1/observations").param("dataset", ds).param("asOf", "yesterday").with(VIEWER)
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("\"yesterday\"")));

        // The explorer reads a version too, and says that it is not the current one.
        String page = mvc.perform(get("/warehouse/explore").param("dataset", ds).param("version", "1")
                        .param("by", "PERIOD").with(VIEWER).header("Accept-Language", "en").param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Version 1 is shown; the current version is 2.", "1,100", "1,200")
                .doesNotContain("1,150");
        // Kazakh by default, with a 404 rather than an empty page.
        String missing = mvc.perform(get("/warehouse/explore").param("dataset", ds).param("version", "9")
                        .with(VIEWER))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(missing).contains("«" + ds + "» жиынтығында 9-нұсқа жоқ");
    }

    @Test
    void twoVersionsOfOneDayAreToldApartByTheMoment() throws Exception {
        String ds = twoVersions("test-versions-asof");
        JsonNode versions = json.readTree(mvc.perform(get("/api/v1/datasets/" + ds + "/versions").with(VIEWER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(versions.get("current").asInt()).isEqualTo(2);
        OffsetDateTime second = OffsetDateTime.parse(versions.get("versions").get(0).get("importedAt").asText());
        assertThat(versions.get("versions").get(0).get("version").asInt()).isEqualTo(2);
        assertThat(asOf(ds, second.minusNanos(1000).toString())).isEqualTo(1100);
        assertThat(asOf(ds, second.toString())).isEqualTo(1150);
        // A date is the end of that day: both were imported today, so it gives the later one.
        assertThat(asOf(ds, second.toLocalDate().toString())).isEqualTo(1150);
    }

    @Test
    void twoVersionsCompared() throws Exception {
        String ds = twoVersions("test-versions-compare");
        mvc.perform(get("/api/v1/datasets/" + ds + "/compare").param("from", "1").param("to", "2").with(ANALYST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.added").value(1)).andExpect(jsonPath("$.removed").value(1))
                .andExpect(jsonPath("$.changed").value(1)).andExpect(jsonPath("$.unchanged").value(1))
                .andExpect(jsonPath("$.differences[?(@.period == '2021')].before").value(1100))
                .andExpect(jsonPath("$.differences[?(@.period == '2021')].after").value(1150))
                .andExpect(jsonPath("$.differences[?(@.period == '2022')].change").value("REMOVED"))
                .andExpect(jsonPath("$.differences[?(@.period == '2023')].after").value(3))
                .andExpect(jsonPath("$.differences[0].region").value("KZ"));
        // A viewer does not see the small count, in the comparison either.
        String viewer = mvc.perform(get("/api/v1/datasets/" + ds + "/compare").param("from", "1").param("to", "2")
                        .with(VIEWER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.differences[?(@.period == '2023')].suppressed").value(true))
                .andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(viewer).get("differences").toString()).doesNotContain("\"after\":3");

        String page = mvc.perform(get("/warehouse/datasets/" + ds + "/compare").param("from", "1").param("to", "2")
                        .with(ANALYST).header("Accept-Language", "en").param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("1 added", "1 removed", "1 changed", "1 unchanged", "data-change=\"CHANGED\"");
        String ru = mvc.perform(get("/warehouse/datasets/" + ds + "/compare").param("from", "1").param("to", "2")
                        .with(ANALYST).header("Accept-Language", "ru").param("lang", "ru"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(ru).contains("добавлено: 1", "удалено: 1").doesNotContain("1 added");
        mvc.perform(get("/api/v1/datasets/" + ds + "/compare").param("from", "1").param("to", "7").with(ANALYST))
                .andExpect(status().isNotFound());
    }

    @Test
    void anEarlierVersionMadeCurrentAgainIsAuditedAndReversible() throws Exception {
        String ds = twoVersions("test-versions-restore");
        mvc.perform(post("/api/v1/datasets/" + ds + "/versions/1/current").with(VIEWER).with(csrf()))
                .andExpect(status().isForbidden());
        OffsetDateTime before = OffsetDateTime.now();
        mvc.perform(post("/api/v1/datasets/" + ds + "/versions/1/current").with(ANALYST).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.current").value(true));
        assertThat(value(ds, "2021", null)).isEqualTo(1100);
        mvc.perform(get("/api/v1/datasets/" + ds + "/versions").with(VIEWER))
                .andExpect(jsonPath("$.current").value(1))
                .andExpect(jsonPath("$.history[0].reason").value("RESTORE"))
                .andExpect(jsonPath("$.history[0].by").value("versions-analyst"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'VERSION_RESTORED' AND actor = ? "
                + "AND detail LIKE ?").params("versions-analyst", ds + ": version 1 made current (was version 2)")
                .query(Integer.class).single()).isEqualTo(1);
        // What was read before the change can still be read.
        assertThat(asOf(ds, before.toString())).isEqualTo(1150);
        mvc.perform(post("/api/v1/datasets/" + ds + "/versions/1/current").with(ANALYST).with(csrf())
                        .header("Accept-Language", "en"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Version 1 of \"" + ds + "\" is already the current version."));

        // The page: a button per version that is not current, for an analyst; none for a viewer.
        String page = mvc.perform(get("/warehouse/datasets/" + ds).with(ANALYST).param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Make current", "data-version=\"2\" data-current=\"false\"", "made current again");
        String viewerPage = mvc.perform(get("/warehouse/datasets/" + ds).with(VIEWER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(viewerPage).doesNotContain("make-current");
        mvc.perform(post("/warehouse/datasets/" + ds + "/versions/2/current").with(ANALYST).with(csrf())
                        .header("Accept-Language", "en").param("lang", "en"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("message", "Version 2 is now the current version."));
        assertThat(value(ds, "2021", null)).isEqualTo(1150);
    }

    @Test
    void anEarlierFileUploadedAgainIsAnsweredTruthfully() throws Exception {
        String ds = twoVersions("test-versions-again");
        JsonNode report = upload(ds, V1, "again.csv");
        String accepted = mvc.perform(post("/api/v1/imports/" + report.get("id").asText() + "/accept")
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED")).andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.newVersion").value(false)).andExpect(jsonPath("$.current").value(false))
                .andExpect(jsonPath("$.currentVersion").value(2))
                .andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(accepted).get("message").asText()).isEqualTo("This file was already stored as "
                + "version 1: nothing new was written. Version 1 is not the current version (version 2 is); to read "
                + "version 1 by default again, make it current on the versions page of the dataset.");
        String page = mvc.perform(get("/warehouse/imports/" + report.get("id").asText()).with(ANALYST)
                        .header("Accept-Language", "en").param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("This file was already stored as version 1", "id=\"to-versions\"")
                .doesNotContain("Accepted as version 1.");
        assertThat(value(ds, "2021", null)).isEqualTo(1150);
    }

    /** "See the data" after an import opens the imported dataset and version, with an indicator it holds. */
    @Test
    void seeTheDataOpensTheImportedDataset() throws Exception {
        String ds = "test-versions-see";
        dataset(ds);
        JsonNode report = upload(ds, V1, "see.csv");
        mvc.perform(post("/api/v1/imports/" + report.get("id").asText() + "/accept")
                        .with(httpBasic(ADMIN, ADMIN_PASSWORD)).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.newVersion").value(true))
                .andExpect(jsonPath("$.current").value(true))
                .andExpect(jsonPath("$.message").value("Accepted as version 1."));
        String page = mvc.perform(get("/warehouse/imports/" + report.get("id").asText()).with(ANALYST)
                        .header("Accept-Language", "en").param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("id=\"to-explorer\"\\s+href=\"([^\"]+)\"")
                .matcher(page);
        assertThat(link.find()).as(page).isTrue();
        String href = link.group(1).replace("&amp;", "&");
        assertThat(href).isEqualTo("/warehouse/explore?dataset=" + ds + "&version=1");
        String explorer = mvc.perform(get(href).with(ANALYST).header("Accept-Language", "en").param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // IMMIGRANTS, the indicator the file holds, not the default EMIGRANTS it lacks.
        assertThat(explorer).doesNotContain("id=\"no-data\"").contains("Versions test " + ds, "1,100", "1,200")
                .containsPattern("<option value=\"IMMIGRANTS\"\\s+selected");
    }

    private int value(String ds, String period, String version) throws Exception {
        var request = get("/api/v1/observations").param("dataset", ds).param("period", period).with(ANALYST);
        if (version != null) {
            request.param("version", version);
        }
        JsonNode page = json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(page.get("total").asInt()).as(ds + " " + period + " v" + version).isEqualTo(1);
        return page.get("items").get(0).get("value").asInt();
    }

    private int asOf(String ds, String when) throws Exception {
        JsonNode page = json.readTree(mvc.perform(get("/api/v1/observations").param("dataset", ds)
                        .param("period", "2021").param("asOf", when).with(ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.get("total").asInt()).as("asOf " + when).isEqualTo(1);
        return page.get("items").get(0).get("value").asInt();
    }

    /** A dataset with V1 then V2 imported (each test its own, so that none sees another's changes). */
    private String twoVersions(String ds) throws Exception {
        dataset(ds);
        for (String file : new String[] {V1, V2}) {
            JsonNode report = upload(ds, file, "v.csv");
            mvc.perform(post("/api/v1/imports/" + report.get("id").asText() + "/accept")
                            .with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.newVersion").value(true));
        }
        return ds;
    }

    private void dataset(String ds) throws Exception {
        mvc.perform(post("/api/v1/datasets").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + ds + "\",\"titleKk\":\"Нұсқалар " + ds + "\",\"titleRu\":\"Версии "
                                + ds + "\",\"titleEn\":\"Versions test " + ds + "\",\"publisher\":\"Agyn tests\","
                                + "\"licence\":\"CC BY 4.0\"}"))
                .andExpect(status().isCreated());
    }

    private JsonNode upload(String ds, String csv, String name) throws Exception {
        String body = mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", name, "text/csv",
                                csv.getBytes(StandardCharsets.UTF_8)))
                        .param("dataset", ds).param("format", "csv").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode report = json.readTree(body);
        assertThat(report.get("status").asText()).as(body).isEqualTo("VALID");
        return report;
    }
}
