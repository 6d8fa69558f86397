package kz.agyn.registry.scholars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import kz.agyn.AgynTest;
import kz.agyn.kernel.Iin;
import kz.agyn.kernel.Sex;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry through its API: an officer records a scholar, an award and a job and sees the days worked off
 * change; an analyst receives the same record without personal data; a viewer receives nothing; every read is
 * in the audit log; the database holds no plaintext IIN or name.
 */
public class RegistryApiTest extends AgynTest {

    public static final RequestPostProcessor OFFICER = user("reg-officer").roles("REGISTRY_OFFICER");
    public static final RequestPostProcessor ANALYST = user("reg-analyst").roles("ANALYST");
    public static final RequestPostProcessor VIEWER = user("reg-viewer").roles("VIEWER");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    static String iin(int serial) {
        return Iin.of(LocalDate.of(1990, 4, 17), Sex.FEMALE, serial).orElseThrow().value();
    }

    long createScholar(String iin, String lastName) throws Exception {
        String body = mvc.perform(post("/api/v1/scholars").with(csrf()).with(OFFICER).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"iin":"%s","lastName":"%s","firstName":"Әйгерім","patronymic":"Серікқызы",
                                 "email":"aigerim@example.kz","phone":"+7 701 000 00 00"}""".formatted(iin, lastName)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asLong();
    }

    @Test
    void officerRecordsAJobAndTheDaysWorkedOffChange() throws Exception {
        long id = createScholar(iin(4101), "Жұмабекова");
        mvc.perform(post("/api/v1/scholars/" + id + "/awards").with(csrf()).with(OFFICER).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"programme":"BOLASHAK","callYear":2018,"degree":"MASTER","field":"06",
                                 "university":"University of Edinburgh","country":"GB","fundingKzt":15000000,
                                 "studyStart":"2018-09-01","plannedEnd":"2019-08-31","actualEnd":"2019-08-31"}"""))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/scholars/" + id + "/obligation").with(OFFICER))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].daysWorked").value(0));
        // 2019-10-01 .. 2020-09-30 inclusive: 366 days (2020 is a leap year).
        mvc.perform(post("/api/v1/scholars/" + id + "/employments").with(csrf()).with(OFFICER)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"employer":"Назарбаев Университеті","sector":"RESEARCH_HE","region":"710000000",
                                 "isco":"23","start":"2019-10-01","end":"2020-09-30","salaryBand":"B3"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.obligations[0].daysWorked").value(366));
        mvc.perform(get("/api/v1/scholars/" + id).with(OFFICER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lastName").value("Жұмабекова"))
                .andExpect(jsonPath("$.iin").value(iin(4101)))
                .andExpect(jsonPath("$.employments[0].employer").value("Назарбаев Университеті"));
    }

    @Test
    void analystsSeeNoPersonalDataAndViewersNothing() throws Exception {
        String iin = iin(4102);
        long id = createScholar(iin, "Серікбаева");
        String raw = mvc.perform(get("/api/v1/scholars/" + id).with(ANALYST))
                .andExpect(status().isOk()).andExpect(jsonPath("$.personal").value(false))
                .andReturn().getResponse().getContentAsString();
        assertThat(raw).doesNotContain(iin, "Серікбаева", "Әйгерім", "aigerim@example.kz", "701 000")
                .contains("\"pseudonym\":\"S-");
        String pseudonym = json.readTree(raw).get("pseudonym").asText();
        String found = mvc.perform(post("/api/v1/scholars/search").with(csrf()).with(ANALYST)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + pseudonym + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(id))
                .andReturn().getResponse().getContentAsString();
        assertThat(found).doesNotContain("Серікбаева");
        mvc.perform(post("/api/v1/scholars/search").with(csrf()).with(ANALYST).contentType(MediaType.APPLICATION_JSON)
                .content("{\"iin\":\"" + iin + "\"}")).andExpect(status().is4xxClientError());
        mvc.perform(get("/api/v1/scholars/" + id).with(VIEWER)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/scholars/" + id + "/obligation").with(VIEWER)).andExpect(status().isForbidden());
    }

    @Test
    void everyReadIsAudited() throws Exception {
        String iin = iin(4103);
        long id = createScholar(iin, "Оспанова");
        long before = audits(id);
        mvc.perform(get("/api/v1/scholars/" + id).with(OFFICER)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/scholars/" + id).with(ANALYST)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/scholars/search").with(csrf()).with(OFFICER).contentType(MediaType.APPLICATION_JSON)
                .content("{\"iin\":\"" + iin + "\"}")).andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(id));
        mvc.perform(get("/api/v1/scholars/" + id + "/subject-access").with(OFFICER)).andExpect(status().isOk());
        assertThat(audits(id)).isEqualTo(before + 4);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE detail LIKE ?").param("%" + iin + "%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void theDatabaseHoldsNoPlaintextPersonalData() throws Exception {
        String iin = iin(4104);
        createScholar(iin, "Тұрсынова");
        // Every column of every registry row as text, as a dump would show it.
        long leaks = jdbc.sql("""
                SELECT count(*) FROM reg_scholar s
                WHERE s::text LIKE '%' || :iin || '%' OR s::text LIKE '%' || :name || '%'
                   OR position(convert_to(:name, 'UTF8') IN coalesce(s.last_name_enc, ''::bytea)) > 0
                   OR position(convert_to(:iin, 'UTF8') IN coalesce(s.iin_enc, ''::bytea)) > 0""")
                .param("iin", iin).param("name", "Тұрсынова").query(Long.class).single();
        assertThat(leaks).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event a WHERE a::text LIKE ?").param("%" + iin + "%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void badInputGetsASpecificErrorWithoutEchoingPersonalData() throws Exception {
        String wrong = iin(4105).substring(0, 11) + ((iin(4105).charAt(11) - '0' + 1) % 10);
        String raw = mvc.perform(post("/api/v1/scholars").with(csrf()).with(OFFICER).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en")
                        .content("{\"iin\":\"" + wrong + "\",\"lastName\":\"Ахметова\",\"firstName\":\"Дана\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The check digit does not match: the number has a mistake."))
                .andReturn().getResponse().getContentAsString();
        assertThat(raw).doesNotContain(wrong, "Ахметова");
        String iin = iin(4106);
        createScholar(iin, "Бекова");
        mvc.perform(post("/api/v1/scholars").with(csrf()).with(OFFICER).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en")
                        .content("{\"iin\":\"" + iin + "\",\"lastName\":\"Бекова\",\"firstName\":\"Дана\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void theSyntheticRegistryIsLoaded() {
        assertThat(jdbc.sql("SELECT count(*) FROM reg_scholar WHERE synthetic").query(Long.class).single())
                .isEqualTo(14_033);
        assertThat(jdbc.sql("SELECT count(*) FROM reg_obligation").query(Long.class).single())
                .isGreaterThanOrEqualTo(14_033);
    }

    long audits(long id) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE subject_type = 'SCHOLAR' AND subject_id = ?")
                .param(id).query(Long.class).single();
    }
}
