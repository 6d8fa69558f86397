package kz.agyn.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpResponse;
import java.util.Set;

import kz.agyn.AgynTest;
import kz.agyn.SignedInClient;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/** The administrator's user page and a user's own page, as a person uses them. */
class AccountPagesTest extends AgynTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @LocalServerPort
    int port;

    @Test
    void administratorCreatesAUserWithRolesOnThePage() throws Exception {
        mvc.perform(post("/admin/users").with(user(ADMIN).roles("ADMIN")).with(csrf())
                        .param("username", "page-officer").param("password", "Officer-pass-1")
                        .param("roles", "REGISTRY_OFFICER", "ANALYST").param("locale", "ru"))
                .andExpect(redirectedUrl("/admin/users"))
                .andExpect(flash().attribute("message", Matchers.containsString("page-officer")));
        UserAccount created = accounts.user("page-officer").orElseThrow();
        assertThat(created.roles()).containsExactlyInAnyOrder(Role.REGISTRY_OFFICER, Role.ANALYST);
        assertThat(created.locale()).isEqualTo("ru");
        assertThat(created.mustChangePassword()).isTrue();
        mvc.perform(get("/admin/users").with(user(ADMIN).roles("ADMIN")))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("page-officer")));
    }

    @Test
    void mistakesOnTheAdminPageAreExplainedNotThrown() throws Exception {
        mvc.perform(post("/admin/users").with(user(ADMIN).roles("ADMIN")).with(csrf())
                        .param("username", "Bad Name!").param("password", "x"))
                .andExpect(redirectedUrl("/admin/users"))
                .andExpect(flash().attribute("error", Matchers.containsString("Bad Name!".toLowerCase())));
        mvc.perform(post("/admin/users/admin/roles").with(user(ADMIN).roles("ADMIN")).with(csrf())
                        .param("roles", "VIEWER"))
                .andExpect(flash().attributeExists("error"));
        assertThat(accounts.user(ADMIN).orElseThrow().roles()).contains(Role.ADMIN);
    }

    @Test
    void aOneTimePasswordMustBeChangedBeforeAnythingElse() {
        accounts.createUser("first-timer", "One-time-pass-1", Set.of(Role.VIEWER), null, "kk", true);
        SignedInClient client = SignedInClient.signIn(port, "first-timer", "One-time-pass-1");
        HttpResponse<String> home = client.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/account?mustChange");
        assertThat(client.get("/account").body()).contains("Бір реттік құпиясөзбен");
    }

    @Test
    void tokensAreCreatedShownOnceAndRevokedOnTheAccountPage() throws Exception {
        accounts.createUser("token-owner", "Owner-pass-12", Set.of(Role.ANALYST), null, "en", false);
        var result = mvc.perform(post("/account/tokens").with(user("token-owner").roles("ANALYST")).with(csrf())
                        .param("name", "nightly import"))
                .andExpect(redirectedUrl("/account")).andReturn();
        String secret = (String) result.getFlashMap().get("newToken");
        assertThat(secret).startsWith("agyn_");
        var tokens = accounts.tokens("token-owner");
        assertThat(tokens).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("nightly import");
            assertThat(secret).startsWith(t.prefix());
        });
        mvc.perform(post("/account/tokens/" + tokens.get(0).id() + "/revoke")
                        .with(user("token-owner").roles("ANALYST")).with(csrf()))
                .andExpect(redirectedUrl("/account"));
        assertThat(accounts.tokens("token-owner").get(0).active()).isFalse();
        // Someone else's token cannot be revoked by guessing its id.
        mvc.perform(post("/account/tokens/" + tokens.get(0).id() + "/revoke").with(user(ADMIN).roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attributeExists("error"));
    }
}
