package io.gatedesk.browser;

import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.TicketReceipt;
import io.gatedesk.ticket.TicketService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under the real Content-Security-Policy, Chromium runs htmx and app.js on every kind of page (public, follow link,
 * desk, admin, error) and refuses nothing; an inline script, by contrast, is refused and that refusal is seen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentSecurityPolicyBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TicketService tickets;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeAll
    void startBrowser() {
        browser = Browser.start("en-US");
        wait = Browser.waitFor(browser, Duration.ofSeconds(15));
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void everyKindOfPageRunsItsScriptsWithNothingRefused() {
        TicketReceipt receipt = tickets.submit(new NewTicket("CSP check", "Cursor shows 401 since this morning",
                "Ann Customer", "csp@example.com", null, null, null, null, null, null, 401, null, null, null, null,
                null), Locale.ENGLISH);
        List<String> publicPaths = List.of("/", "/help", "/help/config-check", "/help/diagnose", "/login",
                "/t/" + receipt.followToken());
        for (String path : publicPaths) {
            open(path);
        }
        signInAsAdmin();
        open("/no-such-page");
        for (String path : List.of("/desk", "/desk/tickets/" + receipt.number(), "/desk/logs", "/desk/logs/import",
                "/admin/users", "/admin/rules", "/admin/answers", "/admin/ingest-tokens", "/admin/site",
                "/admin/models", "/profile")) {
            open(path);
        }

        assertThat(Browser.cspViolations(browser)).isEmpty();
    }

    @Test
    void anInlineScriptIsRefusedAndTheRefusalIsSeen() {
        open("/help");
        browser.executeScript("var s = document.createElement('script');"
                + "s.textContent = 'document.body.dataset.inlineRan = \"yes\"';"
                + "document.body.appendChild(s);");

        assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-inline-ran")).isNull();
        assertThat(Browser.cspViolations(browser)).anySatisfy(line -> assertThat(line).contains("script-src"));
    }

    /** Opens a page and waits until htmx (loaded with this response's nonce) has processed it. */
    private void open(String path) {
        browser.get("http://localhost:" + port + path);
        wait.until(driver -> Boolean.TRUE.equals(((ChromeDriver) driver).executeScript(
                "return document.readyState === 'complete' && typeof htmx !== 'undefined';")));
    }

    private void signInAsAdmin() {
        open("/login");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("test-admin-password");
        browser.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }
}
