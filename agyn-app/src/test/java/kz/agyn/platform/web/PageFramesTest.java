package kz.agyn.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import kz.agyn.AgynTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The frame's kept parts (decision 0054: the head's files and words, the brand, the menu, the footer, rendered once
 * per language, sign-in and menu links) never carry one viewer's things to another: two users who view the same
 * pages in turn each see their own name, their own menu and a CSRF token of their own session, which the other's
 * session refuses.
 */
class PageFramesTest extends AgynTest {

    @Autowired
    MockMvc mvc;

    @Test
    void twoUsersViewingTheSameKeptPagesInTurnEachSeeTheirOwnNameMenuAndToken() throws Exception {
        MockHttpSession analystSession = new MockHttpSession();
        MockHttpSession viewerSession = new MockHttpSession();
        String analystToken = null;
        String viewerToken = null;
        // In turn, several times, on two pages whose content is kept as HTML too (home, explorer): whoever came
        // first filled the kept parts, and the other is served from them.
        for (String page : List.of("/", "/warehouse/explore", "/", "/warehouse/explore")) {
            Document analyst = page(page, "frame-analyst", "ANALYST", analystSession);
            Document viewer = page(page, "frame-viewer", "VIEWER", viewerSession);

            assertThat(analyst.selectFirst(".username").text()).isEqualTo("frame-analyst");
            assertThat(viewer.selectFirst(".username").text()).isEqualTo("frame-viewer");
            assertThat(analyst.html()).doesNotContain("frame-viewer");
            assertThat(viewer.html()).doesNotContain("frame-analyst");
            // The menu is each one's roles': the analyst imports and reads the registry, the viewer gets its
            // public tables.
            assertThat(menu(analyst)).contains("/warehouse/imports", "/registry").doesNotContain("/registry/cohorts");
            assertThat(menu(viewer)).contains("/registry/cohorts").doesNotContain("/warehouse/imports", "/registry");

            analystToken = token(analyst);
            viewerToken = token(viewer);
            assertThat(analystToken).isNotEqualTo(viewerToken);
        }
        // Each page's token is its own session's: the other session refuses it, its own accepts it (signing out).
        mvc.perform(post("/logout").param("_csrf", analystToken).session(viewerSession)
                .with(user("frame-viewer").roles("VIEWER"))).andExpect(status().isForbidden());
        mvc.perform(post("/logout").param("_csrf", viewerToken).session(analystSession)
                .with(user("frame-analyst").roles("ANALYST"))).andExpect(status().isForbidden());
        mvc.perform(post("/logout").param("_csrf", analystToken).session(analystSession)
                .with(user("frame-analyst").roles("ANALYST"))).andExpect(status().is3xxRedirection());
        mvc.perform(post("/logout").param("_csrf", viewerToken).session(viewerSession)
                .with(user("frame-viewer").roles("VIEWER"))).andExpect(status().is3xxRedirection());
    }

    @Test
    void theKeptMenuMarksWhereTheUserIsAndSpeaksThePagesLanguage() throws Exception {
        Document home = page("/?lang=en", "frame-marks", "ANALYST", new MockHttpSession());
        Document explorer = page("/warehouse/explore?lang=en", "frame-marks", "ANALYST", new MockHttpSession());
        Document russian = page("/warehouse/explore?lang=ru", "frame-marks", "ANALYST", new MockHttpSession());

        assertThat(current(home)).isEqualTo("/");
        assertThat(current(explorer)).isEqualTo("/warehouse/explore");
        assertThat(current(russian)).isEqualTo("/warehouse/explore");
        assertThat(explorer.select(".main-nav a[href=/warehouse/explore]").text()).isEqualTo("Statistics");
        assertThat(russian.select(".main-nav a[href=/warehouse/explore]").text()).isEqualTo("Статистика");
        assertThat(russian.selectFirst("footer").text()).isNotEqualTo(explorer.selectFirst("footer").text());
        // The scripts' words are the page's language too.
        assertThat(russian.selectFirst("#agyn-words").attr("data-t-copied"))
                .isNotEqualTo(explorer.selectFirst("#agyn-words").attr("data-t-copied")).isNotBlank();
        // The kept head's files carry their content versions, as a rendered page's do.
        assertThat(home.selectFirst("link[rel=stylesheet]").attr("href")).matches("/css/agyn-[0-9a-f]{32}\\.css");
        assertThat(explorer.selectFirst("script[src*=agyn]").attr("src")).matches("/js/agyn-[0-9a-f]{32}\\.js");
    }

    @Test
    void aVisitorGetsTheFrameWithoutMenuOrUser() throws Exception {
        // A user's page first, so that a frame with a menu is kept, then the sign-in page in the same language.
        page("/?lang=kk", "frame-before-visitor", "VIEWER", new MockHttpSession());
        Document login = Jsoup.parse(mvc.perform(get("/login").param("lang", "kk")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));

        assertThat(login.select(".main-nav")).isEmpty();
        assertThat(login.select(".nav-toggle")).isEmpty();
        assertThat(login.select(".username")).isEmpty();
        assertThat(login.select(".langs a")).hasSize(3);
        assertThat(login.selectFirst("link[rel=stylesheet]").attr("href")).matches("/css/agyn-[0-9a-f]{32}\\.css");
    }

    /** A page an exception handler renders (a refused period: 400) starts a new model, and still has its frame. */
    @Test
    void anErrorPageHasTheFrameToo() throws Exception {
        String html = mvc.perform(get("/warehouse/explore").param("from", "not-a-year").param("lang", "en")
                        .with(user("frame-refused").roles("VIEWER")))
                .andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Document page = Jsoup.parse(html);

        assertThat(page.selectFirst("link[rel=stylesheet]").attr("href")).matches("/css/agyn-[0-9a-f]{32}\\.css");
        assertThat(page.selectFirst(".username").text()).isEqualTo("frame-refused");
        assertThat(page.select("meta[name=csrf-token]")).hasSize(1);
    }

    /** One request's values are put into the kept text escaped, as Thymeleaf escaped them. */
    @Test
    void aNameAndAnAddressWithMarkupAreWrittenAsText() throws Exception {
        String name = "frame-<b>\"bold\"</b>&'x'";
        String html = mvc.perform(get("/").queryParam("q", "\"><i>x</i>").param("lang", "en")
                        .with(user(name).roles("VIEWER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document page = Jsoup.parse(html);

        assertThat(page.selectFirst(".username").text()).isEqualTo(name);
        assertThat(page.select("header b, header i")).isEmpty();
        assertThat(html).doesNotContain("<b>\"bold").doesNotContain("\"><i>");
        assertThat(page.select(".langs a").eachAttr("href")).hasSize(3)
                .allSatisfy(href -> assertThat(href).startsWith("/?q=").contains("lang="));
    }

    private Document page(String path, String name, String role, MockHttpSession session) throws Exception {
        String html = mvc.perform(get(path).session(session).with(user(name).roles(role)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(html);
    }

    private static List<String> menu(Document page) {
        return page.select(".main-nav a").eachAttr("href");
    }

    private static String current(Document page) {
        List<String> current = page.select(".main-nav a[aria-current=page]").eachAttr("href");
        assertThat(current).hasSize(1);
        return current.get(0);
    }

    /** The page's CSRF token, the same in the head (for htmx) and in the sign-out form. */
    private static String token(Document page) {
        String meta = page.selectFirst("meta[name=csrf-token]").attr("content");
        Element field = page.selectFirst("form[action=/logout] input[name=_csrf]");
        assertThat(field).as("the sign-out form's token").isNotNull();
        assertThat(meta).isNotBlank();
        return field.attr("value");
    }
}
