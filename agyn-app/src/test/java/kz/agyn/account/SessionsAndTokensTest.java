package kz.agyn.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import kz.agyn.AgynTest;
import kz.agyn.MovableTime;
import kz.agyn.SignedInClient;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * An administrator's change to a user takes effect at once: open sessions end on their next request, tokens
 * of a disabled user fail, tokens act with the roles of the moment, a password reset revokes tokens; tokens
 * expire; a one-time password keeps an account out of the API until it is changed.
 */
class SessionsAndTokensTest extends AgynTest {

    static final String PASSWORD = "Sessions-and-tokens-1";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    MovableTime time;

    @LocalServerPort
    int port;

    @Test
    void changingRolesEndsEveryOpenSessionOnItsNextRequest() {
        accounts.createUser("sess-roles", PASSWORD, Set.of(Role.ANALYST), null, "en", false);
        SignedInClient laptop = SignedInClient.signIn(port, "sess-roles", PASSWORD);
        SignedInClient phone = SignedInClient.signIn(port, "sess-roles", PASSWORD);
        SignedInClient script = SignedInClient.signIn(port, "sess-roles", PASSWORD);
        assertThat(laptop.get("/warehouse/imports").statusCode()).isEqualTo(200);
        assertThat(phone.get("/").statusCode()).isEqualTo(200);

        accounts.setRoles("sess-roles", Set.of(Role.VIEWER), ADMIN);

        for (SignedInClient client : new SignedInClient[] {laptop, phone}) {
            HttpResponse<String> next = client.get("/");
            assertThat(next.statusCode()).isEqualTo(302);
            assertThat(next.headers().firstValue("Location").orElseThrow()).endsWith("/login?ended");
            assertThat(client.get("/").headers().firstValue("Location").orElseThrow()).endsWith("/login");
        }
        assertThat(laptop.get("/login?ended&lang=en").body()).contains("Your session has ended");
        // A script that used the session cookie on the API is told so in problem+json.
        HttpResponse<String> api = script.getJson("/api/v1/regions");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("api.auth.sessionEnded");
        // Signing in again gives the new roles.
        SignedInClient again = SignedInClient.signIn(port, "sess-roles", PASSWORD);
        assertThat(again.get("/").statusCode()).isEqualTo(200);
        assertThat(again.get("/warehouse/imports").statusCode()).isEqualTo(403);
    }

    @Test
    void disablingEndsSessionsAndStopsTokensUntilEnabledAgain() throws Exception {
        accounts.createUser("sess-disabled", PASSWORD, Set.of(Role.VIEWER), null, "en", false);
        String token = accounts.createToken("sess-disabled", "cron").secret();
        SignedInClient browser = SignedInClient.signIn(port, "sess-disabled", PASSWORD);
        bearer(token).andExpect(status().isOk());

        mvc.perform(post("/admin/users/sess-disabled/enabled").param("enabled", "false")
                        .with(user(ADMIN).roles("ADMIN")).with(csrf()))
                .andExpect(redirectedUrl("/admin/users"));

        assertThat(browser.get("/").headers().firstValue("Location").orElseThrow()).endsWith("/login?ended");
        bearer(token).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("api.auth.tokenDisabled"))
                .andExpect(jsonPath("$.detail").value("The account that owns this API token is disabled."));
        mvc.perform(get("/api/v1/regions").with(httpBasic("sess-disabled", PASSWORD)).header("Accept-Language", "en"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("This account is disabled."));

        accounts.setEnabled("sess-disabled", true, ADMIN);
        bearer(token).andExpect(status().isOk());
    }

    @Test
    void aTokenActsWithTheRolesItsOwnerHasNow() throws Exception {
        accounts.createUser("sess-promoted", PASSWORD, Set.of(Role.VIEWER), null, "en", false);
        String token = accounts.createToken("sess-promoted", "report").secret();
        mvc.perform(get("/api/v1/audit").header("Authorization", "Bearer " + token)).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/users/sess-promoted/roles").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"roles\":[\"ADMIN\",\"VIEWER\"]}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/audit").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        accounts.setRoles("sess-promoted", Set.of(Role.VIEWER), ADMIN);
        mvc.perform(get("/api/v1/audit").header("Authorization", "Bearer " + token)).andExpect(status().isForbidden());
    }

    @Test
    void aPasswordResetEndsSessionsRevokesTokensAndKeepsTheApiClosedUntilTheNewPasswordIsChanged()
            throws Exception {
        accounts.createUser("sess-reset", PASSWORD, Set.of(Role.ANALYST), null, "en", false);
        String token = accounts.createToken("sess-reset", "etl").secret();
        SignedInClient browser = SignedInClient.signIn(port, "sess-reset", PASSWORD);

        String oneTime = "One-time-from-admin-7";
        mvc.perform(post("/api/v1/users/sess-reset/password").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"" + oneTime + "\"}"))
                .andExpect(status().isNoContent());

        assertThat(browser.get("/").headers().firstValue("Location").orElseThrow()).endsWith("/login?ended");
        bearer(token).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("api.auth.tokenRevoked"));
        assertThat(accounts.tokens("sess-reset")).singleElement().satisfies(t -> {
            assertThat(t.state()).isEqualTo(ApiToken.State.REVOKED);
            assertThat(t.revokedReason()).isEqualTo("PASSWORD_RESET");
        });

        // The one-time password opens only the account and the password change.
        mvc.perform(get("/api/v1/regions").with(httpBasic("sess-reset", oneTime)).header("Accept-Language", "ru"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("api.auth.mustChangePassword"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("одноразовым паролем")));
        mvc.perform(get("/api/v1/account").with(httpBasic("sess-reset", oneTime)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.mustChangePassword").value(true));
        mvc.perform(post("/api/v1/account/password").with(httpBasic("sess-reset", oneTime))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"current\":\"" + oneTime + "\",\"password\":\"Chosen-by-myself-2026\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/regions").with(httpBasic("sess-reset", "Chosen-by-myself-2026")))
                .andExpect(status().isOk());
    }

    @Test
    void aOneTimePasswordKeepsTokensAndSessionCookiesOutOfTheApiToo() throws Exception {
        accounts.createUser("sess-onetime", PASSWORD, Set.of(Role.VIEWER), null, "en", true);
        String token = accounts.createToken("sess-onetime", "early").secret();
        bearer(token).andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("api.auth.mustChangePassword"));
        SignedInClient browser = SignedInClient.signIn(port, "sess-onetime", PASSWORD);
        assertThat(browser.getJson("/api/v1/regions").statusCode()).isEqualTo(403);
        // Once changed on the account page, the same session and the token may use the API.
        HttpResponse<String> changed = browser.postForm("/account", "/account/password",
                Map.of("current", PASSWORD, "password", "Changed-on-the-page-1", "repeat", "Changed-on-the-page-1"));
        assertThat(changed.headers().firstValue("Location").orElseThrow()).endsWith("/account");
        assertThat(browser.getJson("/api/v1/regions").statusCode()).isEqualTo(200);
        bearer(token).andExpect(status().isOk());
    }

    @Test
    void changingOnesOwnPasswordEndsTheOtherSessionsOnly() {
        accounts.createUser("sess-own", PASSWORD, Set.of(Role.VIEWER), null, "en", false);
        SignedInClient here = SignedInClient.signIn(port, "sess-own", PASSWORD);
        SignedInClient elsewhere = SignedInClient.signIn(port, "sess-own", PASSWORD);
        here.postForm("/account", "/account/password",
                Map.of("current", PASSWORD, "password", "My-own-new-secret-9", "repeat", "My-own-new-secret-9"));
        assertThat(here.get("/account").statusCode()).isEqualTo(200);
        assertThat(elsewhere.get("/account").headers().firstValue("Location").orElseThrow()).endsWith("/login?ended");
    }

    @Test
    void tokensExpireAndSaySo() throws Exception {
        accounts.createUser("sess-expiry", PASSWORD, Set.of(Role.VIEWER), null, "en", false);
        String created = mvc.perform(post("/api/v1/account/tokens").with(httpBasic("sess-expiry", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"one day\",\"days\":1}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.token.state").value("ACTIVE"))
                .andReturn().getResponse().getContentAsString();
        String secret = JsonPath.read(created, "$.secret");
        OffsetDateTime expires = OffsetDateTime.parse(JsonPath.read(created, "$.token.expiresAt"));
        assertThat(Duration.between(OffsetDateTime.now(), expires)).isBetween(Duration.ofHours(23), Duration.ofHours(25));
        bearer(secret).andExpect(status().isOk());

        // By default 90 days; more than the limit is refused; a token cannot make tokens.
        String usual = mvc.perform(post("/api/v1/account/tokens").with(httpBasic("sess-expiry", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"usual\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(Duration.between(OffsetDateTime.now(),
                OffsetDateTime.parse(JsonPath.read(usual, "$.token.expiresAt"))).toDays()).isBetween(89L, 90L);
        mvc.perform(post("/api/v1/account/tokens").with(httpBasic("sess-expiry", PASSWORD))
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"forever\",\"days\":400}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("A token is valid for 1 to 365 days."));
        mvc.perform(post("/api/v1/account/tokens").header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"child\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("account.error.tokenByToken"));

        time.advance(Duration.ofHours(25));
        bearer(secret).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("api.auth.tokenExpired"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString(
                        "expired on " + expires.toLocalDate())));
        mvc.perform(get("/api/v1/account/tokens").with(httpBasic("sess-expiry", PASSWORD)))
                .andExpect(jsonPath("$[?(@.name == 'one day')].state").value("EXPIRED"))
                .andExpect(jsonPath("$[?(@.name == 'usual')].state").value("ACTIVE"));
        mvc.perform(get("/account").with(user("sess-expiry").roles("VIEWER")).param("lang", "en"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString("expired")));
        long id = ((Number) JsonPath.read(usual, "$.token.id")).longValue();
        mvc.perform(delete("/api/v1/account/tokens/" + id).with(httpBasic("sess-expiry", PASSWORD)))
                .andExpect(status().isNoContent());
        assertThat(accounts.tokens("sess-expiry")).allSatisfy(t -> assertThat(t.active()).isFalse());
    }

    private ResultActions bearer(String token) throws Exception {
        return mvc.perform(get("/api/v1/regions").header("Authorization", "Bearer " + token)
                .header("Accept-Language", "en"));
    }
}
