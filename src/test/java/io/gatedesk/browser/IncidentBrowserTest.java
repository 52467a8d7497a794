package io.gatedesk.browser;

import io.gatedesk.escalation.EscalationRequest;
import io.gatedesk.escalation.EscalationService;
import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.user.Role;
import io.gatedesk.user.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Five customers file the same 503; an agent confirms the suggested incident from the desk banner, makes it public,
 * sends one bulk reply and resolves it; every customer then reads both replies on their follow page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IncidentBrowserTest {

    static ChromeDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    EscalationService escalations;
    @Autowired
    TicketService tickets;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start("en-US");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void fiveCustomersOneIncidentOneBulkReplyAndAResolution() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String model = "gpt-4o-" + marker;
        browser.manage().window().setSize(new Dimension(1280, 1000));
        List<String> followLinks = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            browser.manage().deleteAllCookies();
            browser.get(url("/"));
            browser.findElement(By.id("customerName")).sendKeys("Customer " + i);
            browser.findElement(By.id("customerEmail")).sendKeys("c" + i + "@example.com");
            browser.findElement(By.id("subject")).sendKeys(model + " 503 无可用渠道");
            browser.findElement(By.id("description")).sendKeys("Every request to " + model
                    + " fails: 503 当前分组上游负载已饱和，无可用渠道");
            browser.findElement(By.id("model")).sendKeys(model);
            browser.findElement(By.id("statusCode")).sendKeys("503");
            browser.findElement(By.cssSelector("form.ticket-form button[type=submit]")).click();
            waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-follow-link]")));
            followLinks.add(browser.findElement(By.cssSelector("[data-follow-link]")).getAttribute("href"));
        }

        signIn(marker);
        browser.get(url("/desk"));
        waitFor().until(driver -> driver.findElements(By.cssSelector("[data-incident-suggestion]")).stream()
                .anyMatch(banner -> banner.getText().contains(model)));
        shot("incident-banner-en");
        browser.findElements(By.cssSelector("[data-incident-suggestion]")).stream()
                .filter(banner -> banner.getText().contains(model)).findFirst().orElseThrow()
                .findElement(By.cssSelector("[data-incident-confirm]")).click();
        waitFor().until(ExpectedConditions.urlMatches(".*/desk/incidents/\\d+$"));
        String incidentUrl = browser.getCurrentUrl();
        assertThat(browser.findElements(By.cssSelector("[data-linked-ticket]"))).hasSize(5);

        browser.findElement(By.cssSelector("[data-incident-public]")).click();
        waitFor().until(driver -> driver.findElement(By.cssSelector("[data-incident-public]")).getText()
                .contains("Hide"));
        browser.findElement(By.cssSelector("[data-incident-reply]")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-reply-result]")));
        assertThat(browser.findElement(By.cssSelector("[data-reply-result]")).getText()).contains("Sent to 5");
        shot("incident-page-en");
        browser.get(incidentUrl + "?lang=zh-CN");
        shot("incident-page-zh-CN");
        browser.get(url("/?lang=zh-CN"));
        assertThat(browser.findElement(By.cssSelector("[data-incident-notice]")).getText()).contains(model);
        shot("incident-notice-zh-CN");
        browser.get(url("/status?lang=en"));
        assertThat(browser.findElement(By.cssSelector("[data-status-current]")).getText()).contains(model);
        shot("incident-status-en");
        browser.get(followLinks.get(0) + "?lang=zh-CN");
        assertThat(browser.findElement(By.cssSelector("[data-incident-notice]")).getText()).contains(model);
        assertThat(browser.findElement(By.cssSelector("[data-incident-notice-yours]")).getText())
                .isEqualTo("您的工单已关联到此事件。");
        shot("incident-follow-linked-zh-CN");
        browser.get(followLinks.get(0) + "?lang=en");

        // Engineering investigates one of the tickets: the agent points the incident at that case, sees it from the
        // ticket's page, and can unlink it again.
        browser.get(incidentUrl);
        String firstTicket = browser.findElements(By.cssSelector("[data-linked-ticket]")).get(0).getAttribute("data-ticket");
        escalations.escalate(tickets.idOf(firstTicket).orElseThrow(), new EscalationRequest(
                "Channel answers 503 for every key", "S1", ""), new Actor(null, "Ida " + marker));
        browser.get(incidentUrl);
        assertThat(browser.findElements(By.cssSelector("#incident-case-candidates option")).get(0)
                .getAttribute("value")).isEqualTo(firstTicket);
        browser.findElement(By.cssSelector(".incident-case input[name=ticket]")).sendKeys(firstTicket);
        browser.findElement(By.cssSelector("[data-incident-case-link]")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-incident-case-ticket]")));
        assertThat(browser.findElement(By.cssSelector("[data-incident-case-ticket]")).getText())
                .contains(firstTicket).contains("With engineering");
        shot("incident-case-en");
        browser.get(url("/desk/tickets/" + firstTicket));
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-incident-membership]")));
        assertThat(browser.findElement(By.cssSelector("[data-incident-membership]")).getText())
                .contains("Engineering case of an incident").contains(model);
        shot("incident-ticket-panel-en");
        browser.findElement(By.cssSelector("[data-incident-membership] a")).click();
        waitFor().until(ExpectedConditions.urlToBe(incidentUrl));
        browser.findElement(By.cssSelector("[data-incident-case-unlink]")).click();
        waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-incident-case-ticket]")));
        assertThat(browser.findElement(By.cssSelector("[data-incident-case]")).getText())
                .contains("No engineering case is linked");

        browser.get(incidentUrl);
        browser.findElement(By.cssSelector("textarea[name=reply]")).sendKeys("Fixed upstream " + marker
                + ". Sorry, {{customer.name}}.");
        browser.findElement(By.cssSelector("[data-incident-resolve]")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-resolve-result]")));
        assertThat(browser.findElement(By.cssSelector("[data-incident-status]")).getText()).isEqualTo("Resolved");

        // Resolved: the agent drafts a knowledge-base article from it; the customer's name the reply carried stays out.
        browser.get(incidentUrl + "?lang=zh-CN");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                browser.findElement(By.cssSelector("[data-incident-article]")));
        assertThat(browser.findElement(By.cssSelector("[data-incident-article]")).getText()).isEqualTo("根据此事件起草文章");
        shot("incident-article-button-zh-CN");
        browser.get(incidentUrl + "?lang=en");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                browser.findElement(By.cssSelector("[data-incident-article]")));
        shot("incident-article-button-en");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector("[data-incident-article-lang]")))
                .selectByValue("en");
        browser.findElement(By.cssSelector("[data-incident-article]")).click();
        waitFor().until(ExpectedConditions.urlMatches(".*/desk/kb/articles/\\d+$"));
        assertThat(browser.findElement(By.id("kb-title")).getAttribute("value")).contains(model);
        String draft = browser.findElement(By.id("kb-body")).getAttribute("value");
        assertThat(draft).contains("Fixed upstream " + marker).doesNotContain("Customer 1").doesNotContain("@example.com");
        shot("incident-article-draft-en");

        browser.manage().deleteAllCookies();
        for (int i = 0; i < followLinks.size(); i++) {
            browser.get(followLinks.get(i));
            String page = browser.findElement(By.tagName("main")).getText();
            assertThat(page).contains("known incident").contains("Fixed upstream " + marker + ". Sorry, Customer "
                    + (i + 1) + ".");
        }
        shot("incident-follow-en");
    }

    private void signIn(String marker) {
        users.create(new UserService.NewStaffMember("incident-" + marker, "Ida " + marker, null, "incident-password",
                EnumSet.of(Role.AGENT)));
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("incident-" + marker);
        browser.findElement(By.id("password")).sendKeys("incident-password");
        browser.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        waitFor().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private void shot(String name) throws Exception {
        Browser.screenshot(browser, name);
        Files.copy(Path.of("target", "screenshots", name + ".png"), Path.of("/tmp", "incident-" + name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private WebDriverWait waitFor() {
        return Browser.waitFor(browser, Duration.ofSeconds(10));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
