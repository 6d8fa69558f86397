package kz.agyn.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import kz.agyn.AgynTest;
import kz.agyn.SignedInClient;
import kz.agyn.registry.Access;
import kz.agyn.registry.incentives.IncentiveService;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * Security events land in the same append-only log as reads of personal data, each with who, what and how,
 * never a password; the page and the API filter by kind and by action.
 */
class SecurityAuditTest extends AgynTest {

    static final String FIRST = "Audited-first-pass-1";
    static final String SECOND = "Audited-second-pass-2";
    static final String THIRD = "Audited-third-pass-3";

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IncentiveService incentives;

    @LocalServerPort
    int port;

    @Test
    void theLifeOfAnAccountIsAuditedWithoutAPassword() throws Exception {
        String created = mvc.perform(post("/api/v1/users").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"audited-one\",\"password\":\"" + FIRST + "\",\"roles\":[\"VIEWER\"]}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();

        SignedInClient.signIn(port, "audited-one", FIRST);
        mvc.perform(get("/api/v1/regions").with(httpBasic("audited-one", FIRST))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/regions").with(httpBasic("audited-one", FIRST))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/regions").with(httpBasic("audited-one", "not-" + FIRST)))
                .andExpect(status().isUnauthorized());
        String token = JsonPath.read(mvc.perform(post("/api/v1/account/tokens").with(httpBasic("audited-one", FIRST))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"audited\",\"days\":30}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.secret");
        mvc.perform(get("/api/v1/regions").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        long tokenId = jdbc.sql("SELECT id FROM api_token WHERE prefix = ?").param(token.substring(0, 12))
                .query(Long.class).single();
        mvc.perform(delete("/api/v1/account/tokens/" + tokenId).with(httpBasic("audited-one", FIRST)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/regions").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/account/password").with(httpBasic("audited-one", FIRST))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"current\":\"" + FIRST + "\",\"password\":\"" + SECOND + "\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(put("/api/v1/users/audited-one/roles").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"roles\":[\"ANALYST\"]}"))
                .andExpect(status().isNoContent());
        mvc.perform(put("/api/v1/users/audited-one/enabled").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":false}"))
                .andExpect(status().isNoContent());
        mvc.perform(put("/api/v1/users/audited-one/enabled").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":true}"))
                .andExpect(status().isNoContent());
        mvc.perform(post("/api/v1/users/audited-one/password").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"" + THIRD + "\"}"))
                .andExpect(status().isNoContent());

        List<AuditEvent> about = audit.search(new AuditQuery(null, null, "USER", id, null, null, 0, 100));
        assertThat(about).extracting(AuditEvent::action).contains(AuditAction.USER_CREATED, AuditAction.SIGN_IN,
                AuditAction.SIGN_IN_FAILURE, AuditAction.TOKEN_CREATED, AuditAction.TOKEN_REVOKED,
                AuditAction.PASSWORD_CHANGED, AuditAction.ROLES_CHANGED, AuditAction.USER_DISABLED,
                AuditAction.USER_ENABLED, AuditAction.PASSWORD_RESET);
        assertThat(about).filteredOn(e -> e.action() == AuditAction.USER_CREATED).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(ADMIN));
        assertThat(about).filteredOn(e -> e.action() == AuditAction.ROLES_CHANGED).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("VIEWER -> ANALYST"));
        // Sign-ins: the form's one, and one for HTTP Basic and one for the token however many calls they made.
        assertThat(about).filteredOn(e -> e.action() == AuditAction.SIGN_IN).extracting(AuditEvent::detail)
                .anySatisfy(d -> assertThat(d).startsWith("method=FORM"))
                .anySatisfy(d -> assertThat(d).startsWith("method=TOKEN"))
                .filteredOn(d -> d.startsWith("method=BASIC")).hasSize(1);
        assertThat(about).filteredOn(e -> e.action() == AuditAction.SIGN_IN_FAILURE).extracting(AuditEvent::detail)
                .anySatisfy(d -> assertThat(d).contains("method=BASIC").contains("wrong password"))
                .anySatisfy(d -> assertThat(d).contains("method=TOKEN").contains("token revoked"));
        assertThat(about).filteredOn(e -> e.action() == AuditAction.PASSWORD_RESET).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("sessions ended").contains("0 token(s) revoked"));

        // No password, no token secret anywhere in the log.
        for (String secret : List.of(FIRST, SECOND, THIRD, token, token.substring(12))) {
            assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE detail LIKE ? OR actor LIKE ?")
                    .params("%" + secret + "%", "%" + secret + "%").query(Long.class).single())
                    .as("the log holds no secret").isZero();
        }
    }

    @Test
    void ruleChangesAreSecurityEvents() throws Exception {
        var officer = user("audit-officer").roles("REGISTRY_OFFICER");
        String page = mvc.perform(get("/registry/rules").with(officer).param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher m = Pattern.compile("id=\"rules-text\"[^>]*>([^<]*)</textarea>").matcher(page);
        assertThat(m.find()).isTrue();
        int version = 900 + (int) (System.nanoTime() % 90);
        String next = HtmlUtils.htmlUnescape(m.group(1)).replaceAll("(?m)^version = \\d+", "version = " + version)
                .replaceAll("(?m)^validFrom = .*", "validFrom = 2198-01-01");
        mvc.perform(post("/registry/rules").with(csrf()).with(officer).param("text", next))
                .andExpect(status().is3xxRedirection());
        assertThat(audit.search(new AuditQuery("audit-officer", AuditAction.OBLIGATION_RULES_CHANGED, null, null,
                null, null, 0, 10))).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("BOLASHAK version " + version));

        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(
                "audit-incentives", null, AuthorityUtils.createAuthorityList("ROLE_REGISTRY_OFFICER")));
        try {
            incentives.setActive(IncentiveService.TAX_EXEMPTION, false, Access.PERSONAL, "audit-incentives");
            incentives.setActive(IncentiveService.TAX_EXEMPTION, true, Access.PERSONAL, "audit-incentives");
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(audit.search(new AuditQuery("audit-incentives", AuditAction.INCENTIVE_RULE_CHANGED, null, null,
                null, null, 0, 10))).extracting(AuditEvent::detail)
                .containsExactly("incentive TAX_EXEMPTION switched on", "incentive TAX_EXEMPTION switched off");
    }

    @Test
    void thePageAndTheApiFilterByKindAndAction() throws Exception {
        mvc.perform(get("/api/v1/regions").with(httpBasic("audit-nobody", "Not-a-real-pass-1")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/audit").param("kind", "SECURITY").param("size", "200")
                        .with(user("root").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].kind", Matchers.everyItem(Matchers.is("SECURITY"))))
                .andExpect(jsonPath("$.items[*].action", Matchers.hasItem("SIGN_IN_FAILURE")));
        mvc.perform(get("/api/v1/audit").param("kind", "PERSONAL_DATA").param("size", "200")
                        .with(user("root").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].kind", Matchers.everyItem(Matchers.is("PERSONAL_DATA"))));
        mvc.perform(get("/api/v1/audit").param("action", "SIGN_IN_FAILURE").param("actor", "(unknown)")
                        .with(user("root").roles("ADMIN")))
                .andExpect(jsonPath("$.total", Matchers.greaterThanOrEqualTo(1)))
                .andExpect(jsonPath("$.items[*].detail", Matchers.everyItem(Matchers.not(
                        Matchers.containsString("audit-nobody")))));
        mvc.perform(get("/admin/audit").param("kind", "SECURITY").param("action", "SIGN_IN_FAILURE")
                        .param("lang", "ru").with(user("root").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("События безопасности")))
                .andExpect(content().string(Matchers.containsString("неудачный вход")))
                .andExpect(content().string(Matchers.containsString("(unknown)")));
        mvc.perform(get("/admin/audit").param("kind", "SECURITY").param("lang", "kk")
                        .with(user("root").roles("ADMIN")))
                .andExpect(content().string(Matchers.containsString("Қауіпсіздік оқиғалары")));
        mvc.perform(get("/admin/audit").param("kind", "PERSONAL_DATA").param("lang", "en")
                        .with(user("root").roles("ADMIN")))
                .andExpect(content().string(Matchers.containsString("Reads and changes of personal data")));
    }
}
