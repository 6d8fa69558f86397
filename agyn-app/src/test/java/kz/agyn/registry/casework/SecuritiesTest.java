package kz.agyn.registry.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;

import kz.agyn.AgynTest;
import kz.agyn.kernel.Sex;
import kz.agyn.registry.TestScholars;
import kz.agyn.registry.scholars.ScholarService;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The security of an award (issue 15): a pledge or guarantors, encrypted, officers only, every read audited. */
class SecuritiesTest extends AgynTest {

    @Autowired
    ScholarService scholars;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    static final String ADDRESS = "Астана, Мәңгілік Ел 55, пәтер 12";

    @Test
    void aPledgeBelowTheFullCostIsRecordedWithAWarningAndStoredEncrypted() throws Exception {
        TestScholars make = new TestScholars(scholars);
        long s = make.scholar(make.freshIin(LocalDate.of(1995, 5, 5), Sex.FEMALE), "Сейтқали", "Дана");
        long award = make.award(s, LocalDate.now().minusDays(100), true, "GB");   // full cost 15 000 000 ₸
        String url = "/api/v1/registry/awards/" + award + "/security";

        // Viewers and analysts cannot read or write it; the award's existence is not confirmed either.
        mvc.perform(get(url).with(user("an").roles("ANALYST"))).andExpect(status().isForbidden());
        mvc.perform(get(url).with(user("v").roles("VIEWER"))).andExpect(status().isForbidden());
        mvc.perform(post(url).with(csrf()).with(user("an").roles("ANALYST")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"PLEDGE\",\"property\":\"x\",\"valueKzt\":1}")).andExpect(status().isForbidden());
        mvc.perform(get(url).with(user("off").roles("REGISTRY_OFFICER"))).andExpect(status().isNotFound());

        // Mistakes are a 400 in the reader's language.
        mvc.perform(post(url).with(csrf()).header("Accept-Language", "ru").with(user("off").roles("REGISTRY_OFFICER"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"PLEDGE\",\"property\":\"" + ADDRESS + "\",\"valueKzt\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("тенге")));
        mvc.perform(post(url).with(csrf()).header("Accept-Language", "en").with(user("off").roles("REGISTRY_OFFICER"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"CAR\"}"))
                .andExpect(status().isBadRequest());

        mvc.perform(post(url).with(csrf()).header("Accept-Language", "en").with(user("off").roles("REGISTRY_OFFICER"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"PLEDGE\",\"property\":\"" + ADDRESS + "\",\"valueKzt\":12000000,"
                                + "\"valuedOn\":\"" + LocalDate.now().minusDays(3) + "\",\"documentNo\":\"ZL-77/2026\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("PLEDGE"))
                .andExpect(jsonPath("$.belowFullCost").value(true))
                .andExpect(jsonPath("$.warning").value(Matchers.containsString("less than the full cost")));

        long reads = audited(s);
        mvc.perform(get(url).header("Accept-Language", "kk").with(user("adm").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.property").value(ADDRESS))
                .andExpect(jsonPath("$.documentNo").value("ZL-77/2026"))
                .andExpect(jsonPath("$.warning").value(Matchers.containsString("толық құнынан")));
        assertThat(audited(s)).isEqualTo(reads + 1);
        // The log says what was read, never the address.
        assertThat(jdbc.sql("SELECT string_agg(coalesce(detail, ''), ' ') FROM audit_event WHERE subject_id = ?")
                .param(s).query(String.class).single()).doesNotContain("Мәңгілік").doesNotContain("ZL-77");

        // At rest: ciphertext only.
        assertThat(raw("SELECT property_enc FROM reg_security WHERE award_id = ?", award)).doesNotContain("Мәңгілік");
        assertThat(raw("SELECT document_enc FROM reg_security WHERE award_id = ?", award)).doesNotContain("ZL-77");
        assertThat(jdbc.sql("SELECT guarantee_kind FROM reg_award WHERE id = ?").param(award).query(String.class)
                .single()).isEqualTo("PLEDGE");

        // One security per award; guarantors do not join a pledge.
        mvc.perform(post(url).with(csrf()).with(user("off").roles("REGISTRY_OFFICER"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"GUARANTOR\",\"name\":\"Ахмет Ахметов\",\"iin\":\""
                                + make.freshIin(LocalDate.of(1970, 1, 1), Sex.MALE) + "\"}"))
                .andExpect(status().isConflict());

        // The card's section shows it to officers only.
        String section = mvc.perform(get("/registry/awards/" + award + "/casework").param("lang", "en")
                        .with(user("off").roles("REGISTRY_OFFICER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(section).contains(ADDRESS).contains("less than the full cost");
        String analyst = mvc.perform(get("/registry/awards/" + award + "/casework")
                        .with(user("an").roles("ANALYST")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(analyst).doesNotContain("Мәңгілік").doesNotContain("casework/pledge");
    }

    @Test
    void guarantorsAreAddedOneByOneWithAValidIin() throws Exception {
        TestScholars make = new TestScholars(scholars);
        long s = make.scholar(make.freshIin(LocalDate.of(1996, 6, 6), Sex.MALE), "Омаров", "Ерлан");
        long award = make.award(s, LocalDate.now().minusDays(100), true, "US");
        String form = "/registry/awards/" + award + "/casework/guarantors";

        // The card's form: a wrong IIN comes back as 400 with the section and the reason in the officer's language.
        String refused = mvc.perform(post(form).with(csrf()).param("lang", "ru")
                        .with(user("off").roles("REGISTRY_OFFICER"))
                        .param("name", "Омарова Гүлнар").param("iin", "123456789012"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("casework-" + award).contains("alert error");

        String iin = make.freshIin(LocalDate.of(1968, 3, 8), Sex.FEMALE);
        String section = mvc.perform(post(form).with(csrf()).param("lang", "en")
                        .with(user("off").roles("REGISTRY_OFFICER"))
                        .param("name", "Омарова Гүлнар").param("iin", iin).param("contact", "+7 701 000 00 00")
                        .param("documentNo", "G-5"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(section).contains("Омарова Гүлнар").contains("The security is recorded").doesNotContain(iin);
        mvc.perform(post(form).with(csrf()).with(user("off").roles("REGISTRY_OFFICER"))
                        .param("name", "Again").param("iin", iin))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/registry/awards/" + award + "/security").with(csrf())
                        .with(user("off").roles("REGISTRY_OFFICER")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"GUARANTOR\",\"name\":\"Омаров Бақыт\",\"iin\":\""
                                + make.freshIin(LocalDate.of(1966, 2, 2), Sex.MALE) + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.guarantors.length()").value(2))
                .andExpect(jsonPath("$.belowFullCost").value(false))
                .andExpect(jsonPath("$.guarantors[0].iin").value(iin));
        mvc.perform(post(form).with(csrf()).with(user("an").roles("ANALYST")).param("name", "x").param("iin", iin))
                .andExpect(status().isForbidden());

        assertThat(raw("SELECT string_agg(encode(iin_enc, 'escape'), '') FROM reg_guarantor WHERE award_id = ?",
                award)).doesNotContain(iin);
        assertThat(raw("SELECT string_agg(encode(name_enc, 'escape'), '') FROM reg_guarantor WHERE award_id = ?",
                award)).doesNotContain("Омарова");
    }

    @Test
    void aSecurityRecordedByMistakeIsCorrectedOrWithdrawnAndItsHistoryKept() throws Exception {
        TestScholars make = new TestScholars(scholars);
        long s = make.scholar(make.freshIin(LocalDate.of(1997, 7, 7), Sex.FEMALE), "Нұрланова", "Сая");
        long award = make.award(s, LocalDate.now().minusDays(90), true, "DE");
        String api = "/api/v1/registry/awards/" + award + "/security";
        mvc.perform(post(api).with(csrf()).with(user("off").roles("REGISTRY_OFFICER"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"PLEDGE\",\"property\":\"Алматы, Абай 1\",\"valueKzt\":16000000}"))
                .andExpect(status().isCreated());

        // A correction needs grounds, in the reader's language; analysts cannot make one.
        mvc.perform(put(api).with(csrf()).header("Accept-Language", "ru").with(user("off").roles("REGISTRY_OFFICER"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"property\":\"Алматы, Абай 10\",\"valueKzt\":16000000}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("основание")));
        mvc.perform(put(api).with(csrf()).with(user("an").roles("ANALYST")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"property\":\"x\",\"valueKzt\":1,\"reason\":\"x\"}")).andExpect(status().isForbidden());
        long updates = updates(s);
        mvc.perform(put(api).with(csrf()).with(user("off").roles("REGISTRY_OFFICER"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"property\":\"Алматы, Абай 10\",\"valueKzt\":17000000,"
                                + "\"reason\":\"house number mistyped, see deed 4411\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.property").value("Алматы, Абай 10"))
                .andExpect(jsonPath("$.valueKzt").value(17000000))
                .andExpect(jsonPath("$.withdrawn.length()").value(1))
                .andExpect(jsonPath("$.withdrawn[0].what").value("PLEDGE"))
                .andExpect(jsonPath("$.withdrawn[0].property").value("Алматы, Абай 1"))
                .andExpect(jsonPath("$.withdrawn[0].corrected").value(true))
                .andExpect(jsonPath("$.withdrawn[0].reason").value("house number mistyped, see deed 4411"));
        assertThat(updates(s)).isGreaterThan(updates);
        // Both rows are kept; the new one names the old; the grounds are encrypted at rest.
        assertThat(jdbc.sql("SELECT count(*) FROM reg_security WHERE award_id = ?").param(award).query(Long.class)
                .single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM reg_security WHERE award_id = ? AND replaces_id IS NOT NULL "
                + "AND withdrawn_at IS NULL").param(award).query(Long.class).single()).isEqualTo(1);
        assertThat(raw("SELECT withdrawn_reason_enc FROM reg_security WHERE award_id = ? AND withdrawn_at IS NOT NULL",
                award)).doesNotContain("deed 4411");
        assertThat(jdbc.sql("SELECT string_agg(coalesce(detail, ''), ' ') FROM audit_event WHERE subject_id = ?")
                .param(s).query(String.class).single()).contains("security pledge corrected").doesNotContain("4411");

        // Withdrawn: nothing in force, the award's kind cleared, guarantors may then be recorded.
        mvc.perform(post(api + "/withdrawal").with(csrf()).with(user("off").roles("REGISTRY_OFFICER"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"pledge released by order 9\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get(api).with(user("off").roles("REGISTRY_OFFICER"))).andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT guarantee_kind FROM reg_award WHERE id = ?").param(award).query(String.class)
                .optional().orElse(null)).isNull();
        mvc.perform(post(api + "/withdrawal").with(csrf()).with(user("off").roles("REGISTRY_OFFICER"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"again\"}")).andExpect(status().isConflict());

        String first = make.freshIin(LocalDate.of(1971, 1, 1), Sex.MALE);
        String second = make.freshIin(LocalDate.of(1972, 2, 2), Sex.FEMALE);
        for (String iin : List.of(first, second)) {
            mvc.perform(post(api).with(csrf()).with(user("off").roles("REGISTRY_OFFICER"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"GUARANTOR\",\"name\":\"Кепіл "
                            + iin.substring(0, 4) + "\",\"iin\":\"" + iin + "\"}")).andExpect(status().isCreated());
        }
        long firstId = jdbc.sql("SELECT id FROM reg_guarantor WHERE award_id = ? ORDER BY id LIMIT 1").param(award)
                .query(Long.class).single();
        // Corrected on the card: an empty IIN keeps the recorded one; a wrong one is refused in Kazakh.
        String form = "/registry/awards/" + award + "/casework/guarantors/" + firstId + "/correction";
        String refused = mvc.perform(post(form).with(csrf()).param("lang", "kk")
                        .with(user("off").roles("REGISTRY_OFFICER")).param("name", "Бекұлы Арман")
                        .param("iin", "111").param("reason", "аты қате"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("alert error").contains("guarantor-" + firstId);
        String section = mvc.perform(post(form).with(csrf()).param("lang", "en")
                        .with(user("off").roles("REGISTRY_OFFICER")).param("name", "Бекұлы Арман")
                        .param("contact", "+7 702 111 11 11").param("reason", "name mistyped"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(section).contains("Бекұлы Арман").contains("The correction is recorded").contains("name mistyped")
                .doesNotContain(first);
        mvc.perform(get(api).with(user("off").roles("REGISTRY_OFFICER")))
                .andExpect(jsonPath("$.guarantors.length()").value(2))
                .andExpect(jsonPath("$.guarantors[1].iin").value(first))
                .andExpect(jsonPath("$.guarantors[1].name").value("Бекұлы Арман"));

        // Withdrawing both guarantors one by one withdraws the security; all rows stay.
        List<Long> inForce = jdbc.sql("SELECT id FROM reg_guarantor WHERE award_id = ? AND withdrawn_at IS NULL")
                .param(award).query(Long.class).list();
        mvc.perform(post(api + "/guarantors/" + inForce.get(0) + "/withdrawal").with(csrf())
                        .with(user("off").roles("REGISTRY_OFFICER")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"released\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.guarantors.length()").value(1));
        mvc.perform(post(api + "/guarantors/" + inForce.get(1) + "/withdrawal").with(csrf())
                        .with(user("off").roles("REGISTRY_OFFICER")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"released\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get(api + "/withdrawn").with(user("off").roles("REGISTRY_OFFICER")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(6));
        assertThat(jdbc.sql("SELECT count(*) FROM reg_guarantor WHERE award_id = ?").param(award).query(Long.class)
                .single()).isEqualTo(3);
        String empty = mvc.perform(get("/registry/awards/" + award + "/casework").param("lang", "ru")
                        .with(user("off").roles("REGISTRY_OFFICER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(empty).contains("security-history-" + award).contains("Отозванные и исправленные записи (6)")
                .contains("casework/pledge");
    }

    long updates(long scholar) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE subject_id = ? AND action = 'UPDATE'")
                .param(scholar).query(Long.class).single();
    }

    @Test
    void everySecurityMessageIsInKazakhRussianAndEnglish() throws IOException {
        List<String> keys = List.of("registry.casework.security", "registry.casework.security.belowCost",
                "registry.casework.security.value", "registry.casework.security.exists",
                "registry.casework.security.isPledge", "registry.casework.security.kind",
                "registry.casework.guarantor.exists", "registry.casework.security.recordPledge",
                "registry.casework.security.addGuarantor", "registry.casework.report.record",
                "registry.casework.payment.record", "registry.casework.save",
                "registry.casework.security.reasonRequired", "registry.casework.security.noPledge",
                "registry.casework.security.noneInForce", "registry.casework.guarantor.notFound",
                "registry.casework.security.history", "registry.casework.security.withdrawHint",
                "registry.casework.agreement.record", "registry.casework.agreement.rule",
                "registry.casework.instalment.OVERDUE", "registry.casework.instalment.PARTLY_PAID");
        for (String suffix : List.of("", "_ru", "_en")) {
            Properties p = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/i18n/registry" + suffix + ".properties")) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (String k : keys) {
                assertThat(p.getProperty(k)).as(k + suffix).isNotBlank();
            }
        }
    }

    long audited(long scholar) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE subject_id = ? AND action = 'VIEW'")
                .param(scholar).query(Long.class).single();
    }

    String raw(String sql, long award) {
        Object v = jdbc.sql(sql).param(award).query(Object.class).single();
        return v instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(v);
    }
}
