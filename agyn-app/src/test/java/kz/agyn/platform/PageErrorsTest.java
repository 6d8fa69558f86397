package kz.agyn.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import kz.agyn.AgynTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The same mistake answered in the form its asker reads: a bad filter typed into a page's address gets the
 * site's error page with the reason, the same filter sent to the API gets a problem+json.
 */
class PageErrorsTest extends AgynTest {

    static final RequestPostProcessor ANALYST = user("errors-analyst").roles("ANALYST");

    @Autowired
    MockMvc mvc;

    @Test
    void aPageAnswersABadFilterWithTheErrorPage() throws Exception {
        MockHttpServletResponse r = mvc.perform(get("/registry/worklist").param("kind", "NO_SUCH_KIND")
                .param("lang", "en").with(ANALYST)).andExpect(status().isBadRequest()).andReturn().getResponse();
        assertThat(r.getContentType()).startsWith("text/html");
        assertThat(r.getContentAsString()).contains("class=\"error-detail\"");
    }

    @Test
    void aPageAnswersAParameterOfTheWrongKindWithTheErrorPage() throws Exception {
        MockHttpServletResponse r = mvc.perform(get("/registry/worklist").param("callYear", "twenty")
                .param("lang", "en").with(ANALYST)).andExpect(status().isBadRequest()).andReturn().getResponse();
        assertThat(r.getContentType()).startsWith("text/html");
        assertThat(r.getContentAsString()).contains("callYear");
    }

    @Test
    void theApiAnswersTheSameMistakeWithAProblem() throws Exception {
        MockHttpServletResponse r = mvc.perform(get("/api/v1/registry/tasks").param("kind", "NO_SUCH_KIND")
                .with(ANALYST)).andExpect(status().isBadRequest()).andReturn().getResponse();
        assertThat(r.getContentType()).startsWith("application/problem+json");
        r = mvc.perform(get("/api/v1/registry/tasks").param("callYear", "twenty").with(ANALYST))
                .andExpect(status().isBadRequest()).andReturn().getResponse();
        assertThat(r.getContentType()).startsWith("application/problem+json");
    }
}
