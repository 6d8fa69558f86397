package kz.agyn.registry.imports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import kz.agyn.AgynTest;
import kz.agyn.kernel.Sex;
import kz.agyn.registry.TestScholars;
import kz.agyn.registry.imports.ImportFixtures;
import kz.agyn.registry.imports.ImportGate;
import kz.agyn.registry.imports.RegistryImportJobs;
import kz.agyn.registry.imports.RegistryImportProgress;
import kz.agyn.registry.scholars.ScholarService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The officer's import page: a check writes nothing; a clean set is imported in one go; the same files again
 * change nothing; a file with a bad IIN, dates out of order and an unknown code is refused with every problem
 * located by file, row and column, and nothing of it is written.
 */
public class RegistryImportPageTest extends AgynTest {

    static final String OFFICER_NAME = "import-page-officer";
    static final RequestPostProcessor OFFICER = user(OFFICER_NAME).roles("REGISTRY_OFFICER");
    static final RequestPostProcessor ANALYST = user("import-page-analyst").roles("ANALYST");

    public static final String SCHOLARS_HEADER = "scholar_ref,iin,last_name_kk,first_name_kk,patronymic_kk,last_name_ru,"
            + "first_name_ru,patronymic_ru,last_name_latin,first_name_latin,patronymic_latin,birth_date,sex,email,"
            + "phone,synthetic\n";
    static final String AWARDS_HEADER = "award_ref,scholar_ref,programme,call_year,awarded_on,degree_level,isced_f,"
            + "host_country,host_university,funding_kzt,security_kind,security_ref,study_start,planned_end,"
            + "actual_end,deferred_until,deferral_reason,returned_on,synthetic\n";
    static final String JOBS_HEADER = "scholar_ref,seq,employer_name,employer_bin,sector,country,kato,isco_08,"
            + "salary_band,start_date,end_date,evidence,synthetic\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    ScholarService scholars;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RegistryImportJobs jobs;

    static MockMultipartFile file(String part, String name, String text) {
        return new MockMultipartFile(part, name, "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the form; the import runs in the background, so this waits for it and reads its page. */
    Document post(String action, MockMultipartFile... files) throws Exception {
        var request = multipart("/registry/import").param("action", action).param("lang", "en");
        for (MockMultipartFile f : files) {
            request.file(f);
        }
        var response = mvc.perform(request.with(csrf()).with(OFFICER)).andReturn().getResponse();
        if (response.getStatus() == 200) {
            return Jsoup.parse(response.getContentAsString());
        }
        assertThat(response.getStatus()).isEqualTo(302);
        String location = response.getRedirectedUrl();
        assertThat(location).startsWith("/registry/import/");
        return ended(location);
    }

    long count(String ref) {
        return jdbc.sql("SELECT count(*) FROM reg_scholar WHERE external_ref = ?").param(ref).query(Long.class)
                .single();
    }

    @Test
    void checkThenImportThenTheSameFilesAgainChangeNothing() throws Exception {
        String ref = "IMP-" + (System.nanoTime() % 1_000_000);
        String iin = new TestScholars(scholars).freshIin(LocalDate.of(1994, 2, 14), Sex.MALE);
        String scholars = SCHOLARS_HEADER + ref + "," + iin + ",Қасымов,Ерлан,Болатұлы,Касымов,Ерлан,Болатович,"
                + "Qasymov,Erlan,Bolatuly,1994-02-14,MALE,,+77010000001,false\n";
        String awards = AWARDS_HEADER + ref + "-1," + ref + ",BOLASHAK,2016,2016-05-20,MASTER,06,GB,"
                + "\"University of Manchester, UK\",21000000,GUARANTORS,G-77,2016-09-01,2017-08-31,2017-08-31,,,"
                + "2017-10-01,false\n";
        String jobs = JOBS_HEADER + ref + ",1,Қазақтелеком,,QUASI_PUBLIC,KZ,710000000,25,B3,2017-10-01,,"
                + "EMPLOYER_CERTIFICATE,false\n";

        Document checked = post("check", file("scholars", "scholars.csv", scholars),
                file("awards", "awards.csv", awards), file("employments", "employments.csv", jobs));
        assertThat(checked.select("#import-report").attr("data-status")).isEqualTo("VALID");
        assertThat(count(ref)).isZero();

        Document imported = post("import", file("scholars", "scholars.csv", scholars),
                file("awards", "awards.csv", awards), file("employments", "employments.csv", jobs));
        assertThat(imported.select("#import-report").attr("data-status")).isEqualTo("IMPORTED");
        assertThat(count(ref)).isEqualTo(1);

        Document again = post("import", file("scholars", "scholars.csv", scholars),
                file("awards", "awards.csv", awards), file("employments", "employments.csv", jobs));
        assertThat(again.select("#import-report").attr("data-status")).isEqualTo("IMPORTED");
        assertThat(again.select("#import-report").text()).contains("already in the registry: 3");
        assertThat(count(ref)).isEqualTo(1);
        // The page never shows what the files held.
        assertThat(again.html()).doesNotContain(iin).doesNotContain("Қасымов");
    }

    @Test
    void aFileWithMistakesIsRefusedWithEachProblemLocatedAndNothingWritten() throws Exception {
        String ref = "BAD-" + (System.nanoTime() % 1_000_000);
        String good = new TestScholars(scholars).freshIin(LocalDate.of(1992, 7, 1), Sex.FEMALE);
        String badIin = good.substring(0, 11) + ((good.charAt(11) - '0' + 1) % 10);
        String scholars = SCHOLARS_HEADER
                + ref + "a," + good + ",Әлиева,Дана,,Алиева,Дана,,Aliyeva,Dana,,1992-07-01,FEMALE,,,false\n"
                + ref + "b," + badIin + ",Серікова,Аяна,,Серикова,Аяна,,Serikova,Ayana,,1992-07-01,FEMALE,,,false\n";
        String awards = AWARDS_HEADER + ref + "a-1," + ref + "a,BOLASHAK,2015,2015-05-20,MASTER,06,XX,"
                + "Uni,15000000,PLEDGE,P-1,2015-09-01,2014-08-31,,,,,false\n";
        Document report = post("import", file("scholars", "scholars.csv", scholars),
                file("awards", "awards.csv", awards));
        assertThat(report.select("#import-report").attr("data-status")).isEqualTo("INVALID");
        var rows = report.select("#import-problems tbody tr");
        assertThat(rows.eachText()).anySatisfy(t -> assertThat(t).startsWith("scholars.csv").contains("3 iin"));
        assertThat(rows.eachText()).anySatisfy(t -> assertThat(t).startsWith("awards.csv").contains("host_country"));
        assertThat(rows.eachText()).anySatisfy(t -> assertThat(t).startsWith("awards.csv").contains("planned_end"));
        assertThat(count(ref + "a")).isZero();
        assertThat(report.html()).doesNotContain(badIin);
    }

    @Test
    void onlyOfficersImportAndAnEmptyFormIsToldSo() throws Exception {
        mvc.perform(get("/registry/import").with(ANALYST)).andExpect(status().isForbidden());
        Document empty = post("check");
        assertThat(empty.select("#import-error").text()).isEqualTo("No file was given.");
        assertThat(Jsoup.parse(mvc.perform(get("/registry/import").with(OFFICER)).andReturn().getResponse()
                .getContentAsString()).select("nav.registry-tabs a.active").attr("href")).isEqualTo("/registry/import");
    }

    @Test
    void aRunningImportShowsItsProgressAndCanBeCancelledWithNothingWritten() throws Exception {
        ImportFixtures f = ImportFixtures.of(scholars, "PAGE", 2);
        // Held as the rows start to be written, so that the page is looked at while the import runs.
        ImportGate gate = new ImportGate(OFFICER_NAME, RegistryImportProgress.Phase.WRITING);
        jobs.listener(gate);
        String location;
        try {
            location = mvc.perform(multipart("/registry/import").file(file("scholars", "scholars.csv", f.scholars()))
                            .file(file("awards", "awards.csv", f.awards()))
                            .file(file("employments", "employments.csv", f.jobs())).param("action", "import")
                            .with(csrf()).with(OFFICER)).andExpect(status().is3xxRedirection()).andReturn()
                    .getResponse().getRedirectedUrl();
            gate.awaitReached();
            Document running = page(location);
            var progress = running.select("#import-progress");
            assertThat(progress).hasSize(1);
            assertThat(progress.attr("data-phase")).isEqualTo("WRITING");
            assertThat(progress.attr("hx-get")).isEqualTo(location + "/status");
            assertThat(progress.attr("hx-trigger")).contains("every");
            assertThat(running.select("#import-progress progress.bar")).hasSize(1);
            assertThat(running.select("#import-phase").text()).startsWith("Writing: 0 of 6 rows");
            var cancel = running.select("#import-progress form");
            assertThat(cancel.attr("hx-post")).isEqualTo(location + "/cancel");
            assertThat(cancel.attr("method")).isEqualTo("post");
            // The plain form, for a browser without script, carries the CSRF token like any other.
            assertThat(cancel.select("input[name=_csrf]")).hasSize(1);
            assertThat(running.select("#import-cancel").text()).isEqualTo("Cancel");
            assertThat(running.html()).doesNotContain(f.iins().get(0)).doesNotContain(ImportFixtures.LAST_NAME);

            // The polled fragment is the same block, on its own.
            Document polled = Jsoup.parse(mvc.perform(get(location + "/status").param("lang", "en").with(OFFICER))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            assertThat(polled.select("#import-job #import-progress progress")).hasSize(1);
            assertThat(polled.select("h1")).isEmpty();

            // Without the CSRF token a cancel is refused.
            mvc.perform(cancel(location).with(OFFICER)).andExpect(status().isForbidden());
            Document stopping = Jsoup.parse(mvc.perform(cancel(location).param("lang", "en").with(csrf())
                            .with(OFFICER)).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString());
            assertThat(stopping.select("#import-stopping").text()).isEqualTo("Stopping: nothing will be written.");
            assertThat(stopping.select("#import-cancel")).isEmpty();
        } finally {
            gate.release();
            jobs.listener(null);
        }
        Document end = ended(location);
        assertThat(end.select("#import-report").attr("data-status")).isEqualTo("CANCELLED");
        assertThat(end.select("#import-report h2").text()).isEqualTo("Cancelled: nothing was written");
        assertThat(end.select("#import-progress")).isEmpty();
        assertThat(f.stored(jdbc)).isZero();
    }

    @Test
    void onlyOfficersWatchOrCancelAndAnUnknownImportIsNotFound() throws Exception {
        ImportFixtures f = ImportFixtures.of(scholars, "PAGR", 1);
        String location = mvc.perform(multipart("/registry/import").file(file("scholars", "scholars.csv",
                        f.scholars())).param("action", "check").with(csrf()).with(OFFICER))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(ended(location).select("#import-report").attr("data-status")).isEqualTo("VALID");
        mvc.perform(get(location).with(ANALYST)).andExpect(status().isForbidden());
        mvc.perform(get(location + "/status").with(ANALYST)).andExpect(status().isForbidden());
        mvc.perform(cancel(location).with(csrf()).with(ANALYST)).andExpect(status().isForbidden());
        mvc.perform(get("/registry/import/" + UUID.randomUUID()).param("lang", "en").with(OFFICER))
                .andExpect(status().isNotFound());
        mvc.perform(get("/registry/import/nonsense").with(OFFICER)).andExpect(status().is4xxClientError());
        // Without script the cancel form posts and comes back to the page.
        mvc.perform(MockMvcRequestBuilders.post(location + "/cancel").with(csrf()).with(OFFICER))
                .andExpect(status().is3xxRedirection());
        assertThat(f.stored(jdbc)).isZero();
    }

    static MockHttpServletRequestBuilder cancel(String location) {
        return MockMvcRequestBuilders.post(location + "/cancel").header("HX-Request", "true");
    }

    /** The page of an import that has ended. */
    Document ended(String location) throws Exception {
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        assertThat(jobs.await(id, Duration.ofMinutes(2)).orElseThrow().finished()).isTrue();
        return page(location);
    }

    Document page(String location) throws Exception {
        return Jsoup.parse(mvc.perform(get(location).param("lang", "en").with(OFFICER)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }
}
