package kz.agyn.registry.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import kz.agyn.AgynTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The registry's keys as administrators see them: the current key id, the rows still under other keys, and the
 * re-key job started and reported on the page, as over the API. Others are turned away.
 */
class RegistryKeysPageTest extends AgynTest {

    static final RequestPostProcessor ADMIN = user("keys-admin").roles("ADMIN");

    @Autowired
    MockMvc mvc;

    @Autowired
    RegistryRekeyJobs jobs;

    Document page(String lang) throws Exception {
        return Jsoup.parse(mvc.perform(get("/admin/registry-keys").param("lang", lang).with(ADMIN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void administratorsSeeTheKeysAndRunTheJobFromThePage() throws Exception {
        Document before = page("en");
        RegistryKeyState state = jobs.state();
        assertThat(before.select("#rekey-keys code").first().text()).isEqualTo(state.currentKeyId());
        assertThat(before.select("#rekey-rows").text()).isEqualTo(String.valueOf(state.rowsUnderOtherKeys()));
        assertThat(before.select("nav a[href='/admin/registry-keys']")).isNotEmpty();

        mvc.perform(post("/admin/registry-keys/rekey").with(ADMIN).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/registry-keys"));
        RegistryRekeyStatus job = jobs.state().job();
        assertThat(job).isNotNull();
        jobs.await(job.id(), Duration.ofMinutes(1));

        Document after = page("kk");
        assertThat(after.select("#rekey-last h2").text()).isNotBlank();
        assertThat(after.select("#rekey-state").attr("data-status")).isEqualTo("DONE");
        assertThat(after.select("#rekey-start")).hasSize(1);
        assertThat(after.select("h1").text()).isEqualTo("Тізілім кілттері");
        // Key ids only: never a key's Base64.
        assertThat(after.html()).doesNotContain("AGYN_REGISTRY_KEY=");
    }

    @Test
    void nobodyElseSeesThemOrStartsTheJob() throws Exception {
        for (String role : new String[] {"REGISTRY_OFFICER", "ANALYST", "VIEWER"}) {
            RequestPostProcessor who = user("keys-" + role.toLowerCase()).roles(role);
            mvc.perform(get("/admin/registry-keys").with(who)).andExpect(status().isForbidden());
            mvc.perform(post("/admin/registry-keys/rekey").with(who).with(csrf())).andExpect(status().isForbidden());
            mvc.perform(post("/admin/registry-keys/cancel").with(who).with(csrf())).andExpect(status().isForbidden());
        }
    }
}
