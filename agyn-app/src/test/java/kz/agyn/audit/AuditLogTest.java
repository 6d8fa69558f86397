package kz.agyn.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import kz.agyn.AgynTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

class AuditLogTest extends AgynTest {

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void eventsAreRecordedWithActorAndRolesAndCanBeFiltered() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("aud-officer",
                null, AuthorityUtils.createAuthorityList("ROLE_REGISTRY_OFFICER")));
        try {
            audit.record(AuditAction.VIEW, "SCHOLAR", 424242L, 1, "card");
        } finally {
            SecurityContextHolder.clearContext();
        }
        mvc.perform(get("/api/v1/audit").param("actor", "aud-officer").param("subjectId", "424242")
                        .with(user("root").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].action").value("VIEW"))
                .andExpect(jsonPath("$.items[0].roles").value("REGISTRY_OFFICER"))
                .andExpect(jsonPath("$.items[0].channel").value("JOB"));
        mvc.perform(get("/admin/audit").param("actor", "aud-officer").with(user("root").roles("ADMIN"))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("aud-officer")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/registry/scholars/424242")));
    }

    @Test
    void onlyAdministratorsReadTheLog() throws Exception {
        mvc.perform(get("/api/v1/audit").with(user("a").roles("ANALYST"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit").with(user("o").roles("REGISTRY_OFFICER"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/audit").with(user("o").roles("REGISTRY_OFFICER"))).andExpect(status().isForbidden());
    }

    /**
     * The application's database role may only read and insert (decision 0011); the triggers that refuse a change
     * from any role are checked, with the rest of the locks, in kz.agyn.platform.database.DatabaseLocksTest.
     */
    @Test
    void theApplicationCannotChangeTheTable() {
        audit.record(AuditAction.EXPORT, "SCHOLAR", 1L, 3, "test");
        long before = jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET actor = 'x'").update()).rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event").update()).rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_event").update()).rootCause()
                .hasMessageContaining("permission denied");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single()).isEqualTo(before);
    }
}
