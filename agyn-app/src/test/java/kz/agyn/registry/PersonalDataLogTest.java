package kz.agyn.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import kz.agyn.AgynTest;
import kz.agyn.kernel.Sex;
import kz.agyn.registry.imports.RegistryImportJobs;
import kz.agyn.registry.imports.web.RegistryImportPageTest;
import kz.agyn.registry.scholars.ScholarService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Personal data never appear in logs": an officer's whole day — record, search by IIN and by name, view,
 * mistakes in a form and in an import file, subject access, export — and not one IIN or name reaches the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataLogTest extends AgynTest {

    static final RequestPostProcessor OFFICER = user("log-officer").roles("REGISTRY_OFFICER");
    static final String LAST = "Тілеубердиева";
    static final String FIRST = "Жансая";

    @Autowired
    MockMvc mvc;

    @Autowired
    ScholarService scholars;

    @Autowired
    JsonMapper json;

    @Autowired
    RegistryImportJobs imports;

    @Test
    void anOfficersDayLeavesNoPersonalDataInTheLog(CapturedOutput output) throws Exception {
        String iin = new TestScholars(scholars).freshIin(LocalDate.of(1990, 12, 30), Sex.FEMALE);
        String body = mvc.perform(post("/api/v1/scholars").with(csrf()).with(OFFICER)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"iin":"%s","lastName":"%s","firstName":"%s","email":"zh.log@example.kz"}"""
                        .formatted(iin, LAST, FIRST))).andReturn().getResponse().getContentAsString();
        long id = json.readTree(body).get("id").asLong();
        // The same IIN again: a conflict whose message must not quote it.
        mvc.perform(post("/api/v1/scholars").with(csrf()).with(OFFICER).contentType(MediaType.APPLICATION_JSON)
                .content("{\"iin\":\"%s\",\"lastName\":\"%s\",\"firstName\":\"%s\"}".formatted(iin, LAST, FIRST)));
        mvc.perform(post("/registry/search").with(csrf()).with(OFFICER).param("iin", iin));
        mvc.perform(post("/registry/search").with(csrf()).with(OFFICER).param("name", LAST + " " + FIRST));
        // A name search is a GET, the name in its address: an address the log must not keep either.
        mvc.perform(get("/registry").with(OFFICER).param("name", LAST + " " + FIRST));
        mvc.perform(post("/api/v1/scholars/search").with(csrf()).with(OFFICER)
                .contentType(MediaType.APPLICATION_JSON).content("{\"iin\":\"%s\"}".formatted(iin)));
        mvc.perform(get("/registry/scholars/" + id).with(OFFICER));
        mvc.perform(get("/api/v1/scholars/" + id + "/subject-access").with(OFFICER));
        mvc.perform(post("/registry/scholars/" + id + "/employments").with(csrf()).with(OFFICER)
                .param("employer", LAST + " LLP").param("sector", "NOPE").param("start", "2024-01-01"));
        String bad = RegistryImportPageTest.SCHOLARS_HEADER + "LOG-1," + iin.substring(0, 11) + "0," + LAST + ","
                + FIRST + ",,,,,,,,1990-12-30,FEMALE,,,false\n";
        String job = mvc.perform(multipart("/registry/import").file(new MockMultipartFile("scholars", "scholars.csv",
                "text/csv", bad.getBytes(StandardCharsets.UTF_8))).param("action", "check").with(csrf()).with(OFFICER))
                .andReturn().getResponse().getRedirectedUrl();
        // The import runs in the background: its log lines count only once it has ended.
        imports.await(UUID.fromString(job.substring(job.lastIndexOf('/') + 1)), Duration.ofMinutes(2));
        mvc.perform(get(job).with(OFFICER));
        mvc.perform(get(job + "/status").with(OFFICER));
        mvc.perform(get("/registry/worklist/export.csv").with(OFFICER));

        assertThat(output.getAll()).doesNotContain(iin).doesNotContain(iin.substring(0, 11))
                .doesNotContain(LAST).doesNotContain(FIRST).doesNotContain("zh.log@example.kz");
    }
}
