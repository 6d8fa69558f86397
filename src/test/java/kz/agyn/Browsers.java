package kz.agyn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Headless Chromium for browser tests: Debian's /usr/bin/chromium when present (Playwright must then not
 * download its own), with the flags that work on machines without a network; Playwright's own build elsewhere.
 */
public final class Browsers {

    public static final Path SHOTS = Path.of("target", "screenshots");
    private static final Path DEBIAN_CHROMIUM = Path.of("/usr/bin/chromium");

    private Browsers() {
    }

    /** A running Playwright and browser; close both with {@link #close}. */
    public record Session(Playwright playwright, Browser browser) implements AutoCloseable {
        @Override
        public void close() {
            if (browser != null) {
                browser.close();
            }
            if (playwright != null) {
                playwright.close();
            }
        }
    }

    public static Session launch() throws java.io.IOException {
        Files.createDirectories(SHOTS);
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync"));
        Playwright.CreateOptions create = new Playwright.CreateOptions();
        if (Files.isExecutable(DEBIAN_CHROMIUM)) {
            create.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"));
            options.setExecutablePath(DEBIAN_CHROMIUM);
        }
        Playwright playwright = Playwright.create(create);
        return new Session(playwright, playwright.chromium().launch(options));
    }
}
