package org.cortexlit.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the browser tests share: Debian's headless Chromium, launched once per test class and skipped with a message
 * where {@code /usr/bin/chromium} is missing (CI installs it); the app's URLs; signing in through the form; and
 * screenshots in {@code target/screenshots}.
 */
abstract class ChromiumTest {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path SHOTS = Paths.get("target/screenshots");

    static Playwright playwright;
    static Browser browser;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void launch() {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at /usr/bin/chromium: browser tests skipped "
                + "(apt-get install chromium)");
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = chromium(playwright);
    }

    /** Debian's Chromium, headless, as BROWSER-TESTS.md checked it on this kind of machine. */
    static Browser chromium(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    /** The app's address of {@code path} (no leading slash). */
    String url(String path) {
        return base.toString().replaceAll("/$", "") + "/" + path;
    }

    /** Opens {@code wanted}, is sent to the sign-in form, signs in as {@code user} (password {@code <user>-password})
     * and lands back on {@code wanted}. */
    void signIn(Page page, String wanted, String user) {
        page.navigate(url(wanted));
        page.waitForURL("**/login");
        page.fill("#j_username", user);
        page.fill("#j_password", user + "-password");
        page.click("button[type=submit]");
        page.waitForURL("**/" + wanted);
    }

    /** A picture the app drew, kept beside the screenshots as {@code target/screenshots/<name>} to look at. */
    static void keep(String name, String content) throws IOException {
        Files.createDirectories(SHOTS);
        Files.writeString(SHOTS.resolve(name), content);
    }

    /** A full-page screenshot, {@code target/screenshots/<name>.png}. */
    static void shoot(Page page, String name) {
        try {
            Files.createDirectories(SHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
