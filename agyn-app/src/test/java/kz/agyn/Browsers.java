package kz.agyn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import org.opentest4j.TestAbortedException;

/**
 * Headless Chromium for browser tests: Debian's /usr/bin/chromium when present, with the flags that work on
 * machines without a network; else Playwright's own build if it is already installed, or downloaded when
 * {@code AGYN_BROWSER_DOWNLOAD=1}. When no browser can be launched the browser tests are skipped, as
 * Testcontainers skips without Docker, so that {@code ./mvnw verify} passes on a machine with nothing but a JDK;
 * {@code AGYN_REQUIRE_BROWSER=1} (set by {@code .ci/run}) turns a missing browser into a failure instead, so CI
 * never skips them silently.
 */
public final class Browsers {

    public static final Path SHOTS = Path.of("target", "screenshots");
    private static final Path DEBIAN_CHROMIUM = Path.of("/usr/bin/chromium");
    static final String HOW_TO_RUN = "install Debian's chromium (apt-get install chromium), or let Playwright "
            + "download its own build with AGYN_BROWSER_DOWNLOAD=1; .ci/run does the first and sets "
            + "AGYN_REQUIRE_BROWSER=1 so that they cannot be skipped there";
    /** Why the first launch failed, so the other browser test classes skip at once instead of trying again. */
    private static volatile String unavailable;

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

    /**
     * A browser, or a {@link TestAbortedException} (the test class is skipped) when none can be launched and the
     * browser is not required.
     */
    public static Session launch() throws java.io.IOException {
        Files.createDirectories(SHOTS);
        if (unavailable != null && !required()) {
            throw new TestAbortedException(unavailable);
        }
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync"));
        boolean download = "1".equals(System.getenv("AGYN_BROWSER_DOWNLOAD"));
        Playwright.CreateOptions create = new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", download ? "0" : "1"));
        if (Files.isExecutable(DEBIAN_CHROMIUM)) {
            create.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"));
            options.setExecutablePath(DEBIAN_CHROMIUM);
        }
        Playwright playwright = null;
        try {
            playwright = Playwright.create(create);
            return new Session(playwright, playwright.chromium().launch(options));
        } catch (PlaywrightException e) {
            if (playwright != null) {
                playwright.close();
            }
            String reason = firstLine(e.getMessage());
            if (required()) {
                throw new IllegalStateException("AGYN_REQUIRE_BROWSER is set but no browser could be launched ("
                        + reason + "): " + HOW_TO_RUN + ".", e);
            }
            // One line for the whole run, where a person reading the build output will see it.
            System.err.println("[browser tests skipped] No browser could be launched (" + reason + "). To run "
                    + "them, " + HOW_TO_RUN + ".");
            unavailable = "No browser could be launched; to run the browser tests, " + HOW_TO_RUN;
            throw new TestAbortedException(unavailable);
        }
    }

    static boolean required() {
        String v = System.getenv("AGYN_REQUIRE_BROWSER");
        return v != null && !v.isBlank() && !"0".equals(v) && !"false".equalsIgnoreCase(v);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        for (String line : message.split("\\R")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.equals("Error {") && !l.startsWith("message=") && !l.startsWith("name=")) {
                return l.length() > 160 ? l.substring(0, 160) + "…" : l;
            }
            if (l.startsWith("message=")) {
                String m = l.substring("message=".length()).strip().replaceFirst("^'", "");
                return m.length() > 160 ? m.substring(0, 160) + "…" : m;
            }
        }
        return message.strip();
    }
}
