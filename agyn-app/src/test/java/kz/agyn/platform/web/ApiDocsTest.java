package kz.agyn.platform.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import kz.agyn.AgynTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 16: /api/docs answered a signed-out visitor with a raw JSON 401 (springdoc 3 moved its page under
 * /api/swagger-ui/, which only signed-in callers could reach). The documentation is readable signed out, titled
 * "Agyn API" with its version and description; a browser opening any other API address signed out is sent to the
 * sign-in page, while a script asking for JSON still gets the JSON 401.
 */
class ApiDocsTest extends AgynTest {

    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Autowired
    MockMvc mvc;

    @Test
    void theDocumentationIsTitledAndReadableSignedOut() throws Exception {
        mvc.perform(get("/api/openapi").header("Accept", "application/json")).andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("Agyn API"))
                .andExpect(jsonPath("$.info.version").value("v1"))
                .andExpect(jsonPath("$.info.description").value(org.hamcrest.Matchers.startsWith(
                        "Observatory of intellectual migration from Kazakhstan.")));
        String page = mvc.perform(get("/api/docs").header("Accept", BROWSER)).andExpect(status().isFound())
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(page).header("Accept", BROWSER)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/html")));
        mvc.perform(get("/api/swagger-ui/swagger-initializer.js")).andExpect(status().isOk());
    }

    @Test
    void aBrowserSignedOutIsSentToSignInAndAScriptGetsJson() throws Exception {
        mvc.perform(get("/api/v1/regions").header("Accept", BROWSER)).andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/v1/regions").header("Accept", "application/json")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.code").value("api.auth.unauthorized"));
        // A request with its own (wrong) credentials is a script, whatever it accepts.
        mvc.perform(get("/api/v1/regions").header("Accept", BROWSER).header("Authorization", "Bearer agyn_nope"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/regions")).andExpect(status().isUnauthorized());
    }
}
