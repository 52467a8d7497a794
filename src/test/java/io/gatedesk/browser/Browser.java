package io.gatedesk.browser;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

/**
 * Debian's headless Chromium driven by its own chromedriver. The paths are given explicitly so Selenium Manager never
 * tries to download a browser; {@code .ci/run} installs both packages. Every browser keeps its console log, and
 * {@code quit()} fails the test if the page's Content-Security-Policy refused anything while it ran.
 */
final class Browser {

    /**
     * A wait that tries again when the element it reads was swapped out meanwhile: htmx replaces what a test waits
     * on, and a stale reference then means "not yet", not a failure (two tests failed on it now and then).
     */
    static WebDriverWait waitFor(WebDriver driver, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    static final Path CHROMIUM = Path.of(System.getProperty("gatedesk.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("gatedesk.chromedriver", "/usr/bin/chromedriver"));

    private Browser() {
    }

    static ChromeDriver start(String language) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver at " + CHROMIUM
                    + " and " + CHROMEDRIVER + " (apt-get install -y chromium chromium-driver)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1360,1000", "--lang=" + language);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new CspCheckedDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        return driver;
    }

    /** Keeps a picture of what the browser showed, for a person to look at after the run. */
    static void screenshot(ChromeDriver driver, String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The console lines Chromium wrote since the last call in which it refused something under the page's
     * Content-Security-Policy. Reading the log empties it.
     */
    static List<String> cspViolations(ChromeDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
    }

    /** Quits like any ChromeDriver, then fails if Chromium refused anything under the CSP during the test. */
    private static final class CspCheckedDriver extends ChromeDriver {

        CspCheckedDriver(ChromeDriverService service, ChromeOptions options) {
            super(service, options);
        }

        @Override
        public void quit() {
            List<String> violations;
            try {
                violations = cspViolations(this);
            } finally {
                super.quit();
            }
            if (!violations.isEmpty()) {
                throw new AssertionError("Chromium logged Content-Security-Policy violations:\n"
                        + String.join("\n", violations));
            }
        }
    }
}
