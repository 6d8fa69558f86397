package kz.agyn.platform;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import kz.agyn.AgynBrowserTest;
import kz.agyn.Browsers;
import kz.agyn.ReachablePages;
import kz.agyn.SignedInClient;
import kz.agyn.account.Role;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * On a phone (390 × 844) no page scrolls sideways and the main menu folds behind a button: the login page, and
 * every page an administrator reaches through the menu's own links, in Kazakh, whose words are the longest.
 */
@Order(2)
class PhoneLayoutBrowserTest extends AgynBrowserTest {

    static final String ADMIN = "phone-layout-admin";
    static final String PASSWORD = "Phone-layout-9";
    static final int PHONE_WIDTH = 390;

    static BrowserContext phone() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(PHONE_WIDTH, 844)
                .setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2));
    }

    /**
     * How far the page reaches past the window; 0 when it fits (the acceptance's scrollWidth <= innerWidth). A
     * page of ours declares the device's width as its viewport, and a mobile browser widens its layout viewport
     * to what overflows, so those are also held to the phone's 390 px. A page without that declaration (the
     * API's Swagger UI, not ours) is laid out by the phone at 980 px and shown zoomed out to fit: held to its
     * window only.
     */
    static int overflow(Page page) {
        Number n = (Number) page.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
                + " - (document.querySelector('meta[name=viewport]') ? Math.min(window.innerWidth, " + PHONE_WIDTH
                + ") : window.innerWidth)");
        return n.intValue();
    }

    /**
     * The elements that stick out on the right and are not inside something that scrolls or clips sideways (a
     * table's own scroll box), innermost first: what a failure names as the cause.
     */
    static Object culprits(Page page) {
        return page.evaluate("""
                () => {
                  const clipped = e => { for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                      const o = getComputedStyle(p).overflowX; if (o !== 'visible') return true; } return false; };
                  const out = e => e.getBoundingClientRect().right > %d + 1;
                  return Array.from(document.querySelectorAll('body *'))
                    .filter(e => out(e) && e.getClientRects().length > 0 && !clipped(e))
                    .filter(e => !Array.from(e.children).some(out))
                    .slice(0, 6).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                      + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim()
                      .split(/\\s+/).join('.') : '') + ' ' + Math.round(e.getBoundingClientRect().right));
                }""".formatted(PHONE_WIDTH));
    }

    @Test
    void noPageScrollsSidewaysAndTheMenuFoldsBehindAButton() {
        account(ADMIN, PASSWORD, Role.ADMIN, "kk");
        List<String> wide = new ArrayList<>();
        try (BrowserContext context = phone()) {
            Page page = context.newPage();
            page.onPageError(e -> System.out.println("Page error: " + e));
            page.navigate(base() + "/login?lang=kk");
            if (overflow(page) > 0) {
                wide.add("/login: " + overflow(page) + " px " + culprits(page));
            }
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("phone-login.png")));
            submitSignIn(page, ADMIN, PASSWORD);

            // The menu is folded: one button, the links out of sight until it is pressed.
            Locator toggle = page.locator("button.nav-toggle");
            assertThat(toggle).isVisible();
            assertThat(toggle).hasAttribute("aria-expanded", "false");
            assertThat(toggle).hasAttribute("aria-controls", "main-nav");
            assertThat(page.locator("#main-nav")).isHidden();
            Number header = (Number) page.evaluate("document.querySelector('header.top').getBoundingClientRect().height");
            assertThat(header.intValue()).as("the folded header leaves the phone's screen to the page")
                    .isLessThan(150);
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("phone-menu-closed.png")));
            toggle.click();
            assertThat(toggle).hasAttribute("aria-expanded", "true");
            assertThat(page.locator("#main-nav")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("phone-menu-open.png")));
            Set<String> links = new LinkedHashSet<>();
            ((List<?>) page.locator("#main-nav a").evaluateAll("links => links.map(a => a.getAttribute('href'))"))
                    .forEach(h -> links.add((String) h));
            assertThat(links).as("an administrator's menu").hasSizeGreaterThan(8);
            toggle.click();
            assertThat(page.locator("#main-nav")).isHidden();

            for (String href : links) {
                page.navigate(base() + href + (href.contains("?") ? "&" : "?") + "lang=kk");
                // Charts are drawn after the page has loaded; a page that polls (jobs) never goes quiet, so wait
                // for what is drawn rather than for the network.
                page.waitForFunction("() => Array.from(document.querySelectorAll('[data-option]:not([data-geo])'))"
                        + ".every(e => e.dataset.rendered)", null, new Page.WaitForFunctionOptions().setTimeout(15000));
                int over = overflow(page);
                String name = href.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
                page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve(
                        "phone-page-" + (name.isEmpty() ? "home" : name) + ".png")));
                if (over > 0) {
                    wide.add(href + ": " + over + " px " + culprits(page));
                }
            }
        }
        assertThat(wide).as("pages wider than a phone at 390 px").isEmpty();
    }

    /**
     * Beyond the menu: one page of every kind an administrator reaches by following links (a scholar's card, a
     * survey's results, a dataset's versions, a job …), found by the same crawl as the page-language test.
     */
    @Test
    void noPageAnAdministratorReachesScrollsSideways() {
        account(ADMIN, PASSWORD, Role.ADMIN, "kk");
        Set<String> kinds = new HashSet<>();
        List<String> paths = ReachablePages.crawl(SignedInClient.signIn(port, ADMIN, PASSWORD), List.of("/"), 250)
                .stream().filter(p -> p.document() != null).map(ReachablePages.Page::path)
                .filter(p -> kinds.add(ReachablePages.kind(p))).toList();
        assertThat(paths).as("the pages of an administrator's crawl").hasSizeGreaterThan(30);
        List<String> wide = new ArrayList<>();
        try (BrowserContext context = phone()) {
            Page page = context.newPage();
            page.navigate(base() + "/login?lang=kk");
            submitSignIn(page, ADMIN, PASSWORD);
            for (String path : paths) {
                page.navigate(base() + path + (path.contains("?") ? "&" : "?") + "lang=kk");
                page.waitForFunction("() => Array.from(document.querySelectorAll('[data-option]:not([data-geo])'))"
                        + ".every(e => e.dataset.rendered)", null, new Page.WaitForFunctionOptions().setTimeout(15000));
                int over = overflow(page);
                if (over > 0) {
                    String name = path.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
                    page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve(
                            "phone-wide-" + name + ".png")));
                    wide.add(path + ": " + over + " px " + culprits(page));
                }
            }
        }
        assertThat(wide).as("pages wider than a phone at 390 px").isEmpty();
    }

    @Test
    void withoutTheScriptTheMenuLinksShow() {
        account(ADMIN, PASSWORD, Role.ADMIN, "kk");
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(PHONE_WIDTH, 844).setJavaScriptEnabled(false))) {
            Page page = context.newPage();
            page.navigate(base() + "/login?lang=kk");
            submitSignIn(page, ADMIN, PASSWORD);
            assertThat(page.locator("button.nav-toggle")).isHidden();
            assertThat(page.locator("#main-nav a").first()).isVisible();
            assertThat(overflow(page)).isLessThanOrEqualTo(0);
        }
    }

    @Test
    void onADesktopTheMenuIsOneRowWithoutAButton() {
        account(ADMIN, PASSWORD, Role.ADMIN, "kk");
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900))) {
            Page page = signIn(context, ADMIN, PASSWORD, "kk");
            assertThat(page.locator("button.nav-toggle")).isHidden();
            assertThat(page.locator("#main-nav")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SHOTS.resolve("desktop-menu.png")));
        }
    }
}
