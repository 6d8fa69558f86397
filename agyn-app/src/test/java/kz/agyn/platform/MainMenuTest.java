package kz.agyn.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.agyn.AgynTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * The main menu each kind of user sees, link by link and in order, with each link's text in the page's language.
 * Taken from the menu as it was written out in the frame's template; since the features contribute their own
 * entries it must not change.
 */
class MainMenuTest extends AgynTest {

    private static final Pattern NAV = Pattern.compile("<nav class=\"main-nav\"[^>]*>(.*?)</nav>", Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("<a\\b[^>]*href=\"([^\"]*)\"[^>]*>([^<]*)</a>");

    /** What everyone signed in sees before the registry's place. */
    private static final List<String> START = List.of("/ nav.home", "/warehouse/explore nav.explore",
            "/warehouse/metrics nav.metrics", "/forecast nav.forecast");
    private static final String IMPORTS = "/warehouse/imports nav.imports";
    private static final List<String> MIDDLE = List.of("/warehouse/indicators nav.indicators", "/surveys nav.surveys");
    private static final String REGISTRY = "/registry nav.registry";
    private static final String COHORTS = "/registry/cohorts nav.registry";
    private static final List<String> END = List.of("/note nav.note", "/measures nav.measures",
            "/cost-model nav.costModel");
    /** The note check, beside the note: for those who write notes (ANALYST, ADMIN), the same who import. */
    private static final String NOTE_CHECK = "/note-check nav.noteCheck";
    /** Issued notes, after the check: for the same who write notes. */
    private static final String NOTE_ISSUED = "/note/issued nav.noteIssued";
    /** Policy scenarios: for those who read statistics (ADMIN, ANALYST, VIEWER), not for an officer alone. */
    private static final String SCENARIOS = "/scenarios nav.scenarios";
    /** Hidden emigration: for the same readers as the scenarios, right after them. */
    private static final String RESIDENCY = "/residency nav.residency";
    private static final List<String> TOOLS = List.of("/reference nav.reference", "/iin nav.iin",
            "/api/docs nav.api");
    private static final List<String> ADMINISTRATION = List.of("/admin/users nav.admin", "/admin/audit nav.audit",
            "/admin/jobs nav.jobs", "/admin/registry-keys nav.registryKeys");

    @Autowired
    MockMvc mvc;

    @Autowired
    MessageSource messages;

    @Test
    void aUserWithoutRolesSeesWhatEveryoneSees() throws Exception {
        assertMenu("kk", entries(false, null, false, false));
    }

    @Test
    void aViewerIsSentToTheRegistrysPublicTables() throws Exception {
        assertMenu("ru", entries(false, COHORTS, true, false), "VIEWER");
    }

    @Test
    void anAnalystImportsAndReadsTheRegistry() throws Exception {
        assertMenu("en", entries(true, REGISTRY, true, false), "ANALYST");
    }

    @Test
    void aRegistryOfficerReadsTheRegistry() throws Exception {
        assertMenu("kk", entries(false, REGISTRY, false, false), "REGISTRY_OFFICER");
    }

    @Test
    void anAdministratorSeesEverything() throws Exception {
        assertMenu("kk", entries(true, REGISTRY, true, true), "ADMIN");
    }

    /** A viewer who is also a reader of the registry gets its records, not the public tables as well. */
    @Test
    void aViewerWhoMayReadTheRegistryGetsOneRegistryLink() throws Exception {
        assertMenu("kk", entries(true, REGISTRY, true, false), "VIEWER", "ANALYST");
        assertMenu("kk", entries(false, REGISTRY, true, false), "VIEWER", "REGISTRY_OFFICER");
    }

    @Test
    void anonymousVisitorsSeeNoMenu() throws Exception {
        String login = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(login).doesNotContain("main-nav");
    }

    /** The expected menu, as "href message-key". */
    private static List<String> entries(boolean imports, String registry, boolean scenarios,
                                        boolean administration) {
        List<String> e = new ArrayList<>(START);
        if (imports) {
            e.add(IMPORTS);
        }
        e.addAll(MIDDLE);
        if (registry != null) {
            e.add(registry);
        }
        e.addAll(END);
        if (imports) {
            e.add(e.indexOf("/note nav.note") + 1, NOTE_CHECK);
            e.add(e.indexOf(NOTE_CHECK) + 1, NOTE_ISSUED);
        }
        if (scenarios) {
            e.add(SCENARIOS);
            e.add(RESIDENCY);
        }
        e.addAll(TOOLS);
        if (administration) {
            e.addAll(ADMINISTRATION);
        }
        return e;
    }

    /** The dashboard's main menu for a user with these roles is {@code expected}, each text in {@code language}. */
    private void assertMenu(String language, List<String> expected, String... roles) throws Exception {
        Locale locale = Locale.forLanguageTag(language);
        List<String> texts = expected.stream().map(s -> s.substring(0, s.indexOf(' ')) + " "
                + messages.getMessage(s.substring(s.indexOf(' ') + 1), null, locale)).toList();
        assertThat(menu(language, roles)).as("the menu of %s in %s", List.of(roles), language)
                .containsExactlyElementsOf(texts);
    }

    /** The links of the dashboard's main menu for a user with these roles, as "href text". */
    private List<String> menu(String language, String... roles) throws Exception {
        String html = mvc.perform(get("/").param("lang", language).with(user("menu-user").roles(roles)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher nav = NAV.matcher(html);
        assertThat(nav.find()).as("the main menu").isTrue();
        List<String> links = new ArrayList<>();
        Matcher link = LINK.matcher(nav.group(1));
        while (link.find()) {
            links.add(link.group(1) + " " + HtmlUtils.htmlUnescape(link.group(2)).strip());
        }
        return links;
    }
}
