package io.gatedesk.browser;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import io.gatedesk.user.Role;
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TOTP second factor in a real browser: a staff member sets up an authenticator app from the profile (the QR
 * image loads under the CSP), logs in with the code the app would show (computed here from the secret with the same
 * library), turns it off again; a colleague in Chinese logs in with a code, and an admin resets it. Every new button
 * is clicked once; screenshots in English and Chinese at 1440 and 390 px.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TwoFactorBrowserTest {

    static final String PASSWORD = "browser passphrase two";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;

    @Test
    void staffSetUpTheAppLogInWithItsCodeAndAnAdminResetsIt() throws Exception {
        StaffMember ann = newAgent();
        StaffMember bo = newAgent();
        ChromeDriver english = Browser.start("en-US");
        ChromeDriver chinese = Browser.start("zh-CN");
        try {
            // English: set up from the profile.
            login(english, ann.username());
            english.get(url("/profile"));
            english.findElement(By.id("twoFactorStartPassword")).sendKeys(PASSWORD);
            click(english, "[data-two-factor-start] button");
            WebElement secret = wait(english).until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-two-factor-secret]")));
            String annSecret = secret.getText().strip();
            assertThat(qrLoaded(english)).as("the QR image loads (same origin, allowed by the CSP)").isTrue();
            shots(english, "security-two-factor-setup-en", "[data-two-factor]");
            english.findElement(By.id("twoFactorCode")).sendKeys(code(annSecret, 0));
            click(english, "[data-two-factor-confirm] button");
            wait(english).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-recovery-codes]")));
            assertThat(english.findElements(By.cssSelector("[data-recovery-codes] li"))).hasSize(10);
            shots(english, "security-two-factor-recovery-en", "[data-two-factor]");

            // Log in again: password, then the code page, then the code.
            english.manage().deleteAllCookies();
            login(english, ann.username());
            wait(english).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-second-factor]")));
            assertThat(english.getCurrentUrl()).endsWith("/login/code");
            english.findElement(By.id("code")).sendKeys("000000");
            click(english, "[data-second-factor] button");
            wait(english).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-code-error]")));
            shots(english, "security-login-code-en", null);
            english.findElement(By.id("code")).sendKeys(code(annSecret, 1));
            click(english, "[data-second-factor] button");
            wait(english).until(ExpectedConditions.urlMatches(".*/desk$"));

            // Turn it off with the password.
            english.get(url("/profile"));
            english.findElement(By.id("twoFactorPassword")).sendKeys(PASSWORD);
            click(english, "[data-two-factor-disable] button");
            wait(english).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-two-factor-start]")));

            // Chinese: set up, log in with a code.
            login(chinese, bo.username());
            chinese.get(url("/profile"));
            chinese.findElement(By.id("twoFactorStartPassword")).sendKeys(PASSWORD);
            click(chinese, "[data-two-factor-start] button");
            String boSecret = wait(chinese).until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-two-factor-secret]"))).getText().strip();
            assertThat(chinese.findElement(By.cssSelector("[data-two-factor]")).getText()).contains("双重验证");
            assertThat(qrLoaded(chinese)).isTrue();
            shots(chinese, "security-two-factor-setup-zh", "[data-two-factor]");
            chinese.findElement(By.id("twoFactorCode")).sendKeys(code(boSecret, 0));
            click(chinese, "[data-two-factor-confirm] button");
            wait(chinese).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-recovery-codes]")));
            shots(chinese, "security-two-factor-recovery-zh", "[data-two-factor]");
            chinese.manage().deleteAllCookies();
            login(chinese, bo.username());
            wait(chinese).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-second-factor]")));
            assertThat(chinese.findElement(By.tagName("main")).getText()).contains("验证器");
            shots(chinese, "security-login-code-zh", null);
            chinese.findElement(By.id("code")).sendKeys(code(boSecret, 1));
            click(chinese, "[data-second-factor] button");
            wait(chinese).until(ExpectedConditions.urlMatches(".*/desk$"));

            // The admin resets Bo's second factor; the audit shows it.
            english.manage().deleteAllCookies();
            login(english, "admin");
            english.get(url("/admin/users/" + bo.id()));
            click(english, "[data-reset-two-factor]");
            wait(english).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                    "was reset"));
            assertThat(english.findElements(By.cssSelector("[data-reset-two-factor]"))).isEmpty();
            english.get(url("/admin/login-audit?user=" + bo.username()));
            assertThat(english.findElement(By.tagName("main")).getText())
                    .contains("Two-factor reset", "By admin", "Two-factor turned on", "Authenticator code");
            shots(english, "security-login-audit-en", null);
        } finally {
            english.quit();
            chinese.quit();
        }
    }

    private StaffMember newAgent() {
        String name = "tfb-" + UUID.randomUUID().toString().substring(0, 8);
        return users.create(new UserService.NewStaffMember(name, "Agent " + name, null, PASSWORD,
                EnumSet.of(Role.AGENT)));
    }

    private static String code(String secret, int stepsAhead) throws Exception {
        return new DefaultCodeGenerator().generate(secret, Instant.now().getEpochSecond() / 30 + stepsAhead);
    }

    private void login(ChromeDriver browser, String username) {
        browser.get(url("/login"));
        WebElement user = browser.findElement(By.id("username"));
        user.sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("admin".equals(username) ? "test-admin-password" : PASSWORD);
        browser.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        wait(browser).until(ExpectedConditions.stalenessOf(user));
    }

    private static void click(ChromeDriver browser, String css) {
        WebElement button = browser.findElement(By.cssSelector(css));
        button.click();
        wait(browser).until(ExpectedConditions.stalenessOf(button));
    }

    private static boolean qrLoaded(ChromeDriver browser) {
        WebElement image = browser.findElement(By.cssSelector("[data-two-factor-qr]"));
        wait(browser).until(driver -> (Boolean) ((JavascriptExecutor) driver)
                .executeScript("return arguments[0].complete", image));
        Object width = browser.executeScript("return arguments[0].naturalWidth", image);
        return width instanceof Number n && n.intValue() > 0;
    }

    /** The page at 1440 and at 390 px wide, scrolled to {@code css}, kept as /tmp/{name}-{width}.png. */
    private static void shots(ChromeDriver browser, String name, String css) {
        for (int width : new int[] {1440, 390}) {
            browser.manage().window().setSize(new Dimension(width, 1000));
            if (css != null) {
                browser.executeScript("arguments[0].scrollIntoView(true)", browser.findElement(By.cssSelector(css)));
            }
            Browser.screenshot(browser, name + "-" + width);
            try {
                Files.copy(Path.of("target", "screenshots", name + "-" + width + ".png"),
                        Path.of("/tmp", name + "-" + width + ".png"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        browser.manage().window().setSize(new Dimension(1360, 1000));
    }

    private static WebDriverWait wait(ChromeDriver browser) {
        WebDriverWait wait = Browser.waitFor(browser, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
