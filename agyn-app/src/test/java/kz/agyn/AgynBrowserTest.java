package kz.agyn;

import java.util.Set;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import kz.agyn.account.AccountService;
import kz.agyn.account.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser test against the running application: one headless Chromium per test class, and the sign-in
 * every test starts with, so each test reads as what its user does.
 */
public abstract class AgynBrowserTest extends AgynTest {

    protected static Browser browser;
    private static Browsers.Session session;

    @LocalServerPort
    protected int port;

    @Autowired
    protected AccountService accounts;

    @BeforeAll
    static void launchBrowser() throws Exception {
        session = Browsers.launch();
        browser = session.browser();
    }

    @AfterAll
    static void closeBrowser() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    protected String base() {
        return "http://localhost:" + port;
    }

    /** Creates the account once: the database is shared by every test class of the run. */
    protected void account(String user, String password, Role role, String locale) {
        if (accounts.user(user).isEmpty()) {
            accounts.createUser(user, password, Set.of(role), null, locale, false);
        }
    }

    /** Signs in through the login form in {@code lang} and returns the page it lands on. */
    protected Page signIn(BrowserContext context, String user, String password, String lang) {
        Page page = context.newPage();
        // A script error would leave a chart undrawn or a form dead; say which in the log.
        page.onPageError(e -> System.out.println("Page error: " + e));
        page.navigate(base() + "/login?lang=" + lang);
        submitSignIn(page, user, password);
        return page;
    }

    /** Fills and sends the login form already open in {@code page}, and waits to leave it. */
    protected static void submitSignIn(Page page, String user, String password) {
        page.locator("input[name=username]").fill(user);
        page.locator("input[name=password]").fill(password);
        page.locator("form.card button[type=submit]").click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    protected static BrowserContext desktop() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(1300, 1000));
    }
}
