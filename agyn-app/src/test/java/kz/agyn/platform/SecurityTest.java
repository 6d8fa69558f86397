package kz.agyn.platform;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import kz.agyn.AgynTest;
import kz.agyn.account.AccountService;
import kz.agyn.account.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Who gets in where: sign-in, roles, HTTP Basic, API tokens, CSRF and security headers. */
class SecurityTest extends AgynTest {

    static final String VIEWER = "sec-viewer";
    static final String VIEWER_PASSWORD = "Viewer-pass-123";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @BeforeEach
    void viewer() {
        if (accounts.user(VIEWER).isEmpty()) {
            accounts.createUser(VIEWER, VIEWER_PASSWORD, Set.of(Role.VIEWER), "Viewer", "ru", false);
        }
    }

    @Test
    void anonymousUserIsSentToSignIn() throws Exception {
        mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/admin/users")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(status().isOk());
    }

    @Test
    void anonymousApiCallIsUnauthorizedNotRedirected() throws Exception {
        mvc.perform(get("/api/v1/regions")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void wrongPasswordIsRejected() throws Exception {
        mvc.perform(formLogin("/login").user(ADMIN).password("not-the-password"))
                .andExpect(redirectedUrl("/login?error")).andExpect(unauthenticated());
        mvc.perform(get("/api/v1/regions").with(httpBasic(ADMIN, "not-the-password")))
                .andExpect(status().isUnauthorized());
        mvc.perform(formLogin("/login").user("nobody").password("whatever-123"))
                .andExpect(redirectedUrl("/login?error")).andExpect(unauthenticated());
    }

    @Test
    void rightPasswordSignsIn() throws Exception {
        mvc.perform(formLogin("/login").user(VIEWER).password(VIEWER_PASSWORD))
                .andExpect(redirectedUrl("/")).andExpect(authenticated().withRoles("VIEWER"));
    }

    @Test
    void viewerCannotReachAdministration() throws Exception {
        mvc.perform(get("/admin/users").with(user(VIEWER).roles("VIEWER"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/users").with(user(ADMIN).roles("ADMIN"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/users").with(httpBasic(VIEWER, VIEWER_PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/users").with(httpBasic(VIEWER, VIEWER_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"x1\",\"password\":\"Abcdefgh-123\",\"roles\":[\"ADMIN\"]}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(httpBasic(VIEWER, VIEWER_PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void adminCreatesUsersThroughTheApi() throws Exception {
        mvc.perform(post("/api/v1/users").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"api-analyst\",\"password\":\"Analyst-pass-1\","
                                + "\"roles\":[\"ANALYST\"]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.username").value("api-analyst"))
                .andExpect(jsonPath("$.roles[0]").value("ANALYST"))
                .andExpect(jsonPath("$.password").doesNotExist());
        mvc.perform(get("/api/v1/regions").with(httpBasic("api-analyst", "Analyst-pass-1")))
                .andExpect(status().isOk());
        // The same name again is a conflict, told in the caller's language.
        mvc.perform(post("/api/v1/users").with(httpBasic(ADMIN, ADMIN_PASSWORD)).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"api-analyst\",\"password\":\"Analyst-pass-1\","
                                + "\"roles\":[\"ANALYST\"]}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("The username \"api-analyst\" is taken."));
    }

    @Test
    void badUserRequestsAreExplained() throws Exception {
        mvc.perform(post("/api/v1/users").with(httpBasic(ADMIN, ADMIN_PASSWORD)).header("Accept-Language", "ru")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"shorty\",\"password\":\"short\",\"roles\":[\"VIEWER\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("не короче 12")));
        mvc.perform(post("/api/v1/users").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"nobody\""))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/users").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"norole\",\"password\":\"Long-enough-1\",\"roles\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roles"));
        mvc.perform(post("/api/v1/users").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"badrole\",\"password\":\"Long-enough-1\",\"roles\":[\"KING\"]}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void apiTokensAuthenticateUntilRevoked() throws Exception {
        var token = accounts.createToken(VIEWER, "script");
        mvc.perform(get("/api/v1/regions").header("Authorization", "Bearer " + token.secret()))
                .andExpect(status().isOk());
        // A token acts with its owner's roles.
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + token.secret()))
                .andExpect(status().isForbidden());
        accounts.revokeToken(VIEWER, token.token().id());
        mvc.perform(get("/api/v1/regions").header("Authorization", "Bearer " + token.secret()))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/regions").header("Authorization", "Bearer agyn_made-up"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void cookieSessionsNeedCsrfTokens() throws Exception {
        mvc.perform(post("/account/tokens").param("name", "x").with(httpBasic(VIEWER, VIEWER_PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/account/tokens").param("name", "x").with(httpBasic(VIEWER, VIEWER_PASSWORD)).with(csrf()))
                .andExpect(status().isFound());
    }

    @Test
    void pagesCarrySecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")));
    }

    @Test
    void healthIsPublicAndMetricsAreForAdmins() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/prometheus").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("jvm_memory_used_bytes")));
    }

    @Test
    void apiDocumentationIsPublished() throws Exception {
        mvc.perform(get("/api/openapi")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/iin/check']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/regions']").exists());
    }
}
