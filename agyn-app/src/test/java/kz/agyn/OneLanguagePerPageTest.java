package kz.agyn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import kz.agyn.account.AccountService;
import kz.agyn.account.Role;
import kz.agyn.survey.FormService;
import kz.agyn.survey.SurveyService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A page in Kazakh or Russian has no English on it (issue 16): for every role, every page reachable from the home
 * page by GET links ({@link ReachablePages}) is read in kk and in ru, and every English word found outside the
 * allowlist of {@link EnglishWords} is listed with its page. The signed-out pages (sign-in, the public survey form)
 * are read too. A page that fails with a server error is listed as well: it has no language at all.
 */
@Order(1)
class OneLanguagePerPageTest extends AgynTest {

    private static final String PASSWORD = "One-language-pw-1";
    /**
     * Pages whose findings are listed (in target/one-language-per-page.txt and the log) but do not fail the test
     * yet, each with why: what is left is named here rather than hidden.
     */
    private static final Map<String, String> STILL_OPEN = Map.of();

    /** Enough for every kind of page of the richest role (about 60 kinds today), with room to grow. */
    private static final int CAP = 250;

    @Autowired
    AccountService accounts;

    @Autowired
    SurveyService surveys;

    @Autowired
    FormService forms;

    @LocalServerPort
    int port;

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyPageARoleReachesIsInOneLanguage(Role role) {
        String user = "one-lang-" + role.name().toLowerCase().replace('_', '-');
        if (accounts.user(user).isEmpty()) {
            accounts.createUser(user, PASSWORD, Set.of(role), null, "kk", false);
        }
        List<String> found = new ArrayList<>();
        Set<String> visited = new TreeSet<>();
        for (String lang : List.of("kk", "ru")) {
            SignedInClient client = SignedInClient.signIn(port, user, PASSWORD);
            assertThat(client.get("/?lang=" + lang).statusCode()).isEqualTo(200);
            List<ReachablePages.Page> pages = ReachablePages.crawl(client, List.of("/"), CAP);
            assertThat(pages.size()).as("pages read for %s", role).isLessThan(CAP);
            for (ReachablePages.Page p : pages) {
                visited.add(p.path());
                check(p, lang, found);
            }
        }
        assertThat(visited.size()).as("pages reached by %s", role).isGreaterThan(role == Role.VIEWER ? 8 : 12);
        assertThat(found).as("English on kk/ru pages reached by %s (%d pages)", role, visited.size()).isEmpty();
    }

    @Test
    void theSignInPageAndThePublicFormAreInOneLanguage() {
        int survey = surveys.survey("demo-young-specialists-2025").orElseThrow().id();
        List<String> found = new ArrayList<>();
        for (String lang : List.of("kk", "ru")) {
            SignedInClient visitor = SignedInClient.anonymous(port);
            assertThat(visitor.get("/login?lang=" + lang).statusCode()).isEqualTo(200);
            String token = forms.issue(survey, "one-language-test");
            for (ReachablePages.Page p : ReachablePages.crawl(visitor, List.of("/login", "/s/" + token), 10)) {
                check(p, lang, found);
            }
        }
        assertThat(found).as("English on the signed-out pages").isEmpty();
    }

    private static void check(ReachablePages.Page p, String lang, List<String> found) {
        String finding = null;
        if (p.status() >= 500) {
            finding = lang + " " + p.path() + ": server error " + p.status();
        } else if (p.document() != null) {
            List<String> words = EnglishWords.in(p.document(), lang);
            if (!words.isEmpty()) {
                finding = lang + " " + p.path() + ": " + String.join("; ", words);
            }
        }
        if (finding != null) {
            report(finding);
            if (STILL_OPEN.keySet().stream().noneMatch(p.path()::startsWith)) {
                found.add(finding);
            } else {
                System.out.println("Still open (" + STILL_OPEN.get(p.path())
                        + "): " + finding);
            }
        }
    }

    /** Each finding as it comes, in target/one-language-per-page.txt: the crawl is long, the list is read early. */
    private static void report(String finding) {
        try {
            Files.writeString(Path.of("target", "one-language-per-page.txt"), finding + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
