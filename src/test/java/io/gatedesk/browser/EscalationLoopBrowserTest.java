package io.gatedesk.browser;

import io.gatedesk.gatewaylog.LogImportService;
import io.gatedesk.ticket.CallerType;
import io.gatedesk.ticket.ClientApp;
import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.TicketReceipt;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.user.Role;
import io.gatedesk.user.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole escalation loop in a real browser: an agent escalates from the ticket page; an engineer logs in, lands on
 * the queue, takes the case, opens the bundle, downloads its Markdown, writes findings and hands back; the agent sees
 * the badge and the findings and inserts the suggested reply into the reply box (which is not sent).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EscalationLoopBrowserTest {

    static final String PASSWORD = "loop-password-14";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    TicketService tickets;
    @Autowired
    LogImportService imports;

    ChromeDriver browser;
    String marker;

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    WebDriverWait waitFor() {
        return Browser.waitFor(browser, Duration.ofSeconds(20));
    }

    void logIn(String username) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        waitFor().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    TicketReceipt escalatableTicket() throws Exception {
        String requestId = "2031120511000012345678" + marker;
        imports.ingest(new ByteArrayInputStream(("{\"source\":\"acme-" + marker + "\",\"request_id\":\"" + requestId
                + "\",\"created_at\":\"2031-12-05T03:00:00Z\",\"log_type\":\"error\",\"model\":\"claude-3-5-sonnet\","
                + "\"upstream_model\":\"claude-3-5-sonnet-20241022\",\"channel_name\":\"aws-bedrock-7\","
                + "\"status_code\":502,\"error_type\":\"upstream_error\",\"error_code\":\"bad_response_status_code\","
                + "\"error_message\":\"bad response status code 502\",\"latency_ms\":30125,"
                + "\"client_ip\":\"203.0.113.7\",\"request_path\":\"/v1/chat/completions\",\"is_stream\":true}\n")
                .getBytes(StandardCharsets.UTF_8)), "test");
        return tickets.submit(new NewTicket("Claude streams cut off with 502 " + marker,
                "Since this morning every long answer ends with a 502. request id " + requestId, "Wang Fang",
                "fang@example.com", ClientApp.CHERRY_STUDIO, "1.2.4", "https://api.example.com", "claude-3-5-sonnet",
                "sk-abcd…wxyz", List.of(requestId), 502, "upstream_error: bad response status code 502", null, null,
                true, CallerType.PRODUCTION), Locale.ENGLISH);
    }

    @Test
    void agentEscalatesEngineerHandsBackAgentInsertsTheSuggestedReply() throws Exception {
        marker = UUID.randomUUID().toString().substring(0, 8);
        String agent = "esc-agent-" + marker;
        String engineer = "esc-eng-" + marker;
        users.create(new UserService.NewStaffMember(agent, "Lin " + marker, null, PASSWORD, EnumSet.of(Role.AGENT)));
        users.create(new UserService.NewStaffMember(engineer, "Ada " + marker, null, PASSWORD,
                EnumSet.of(Role.ENGINEER)));
        TicketReceipt ticket = escalatableTicket();
        Path downloads = Files.createTempDirectory("gatedesk-downloads");

        browser = Browser.start("en-US");
        browser.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));

        // The agent escalates from the ticket page.
        logIn(agent);
        assertThat(browser.getCurrentUrl()).endsWith("/desk");
        browser.get(url("/desk/tickets/" + ticket.number()));
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-escalation-panel]")));
        browser.findElement(By.cssSelector("details[data-escalate] summary")).click();
        browser.findElement(By.id("escalation-reason")).sendKeys("Only channel aws-bedrock-7 fails; logs show 502 "
                + "after 30 s on every stream. Please check the channel.");
        new Select(browser.findElement(By.id("escalation-severity"))).selectByValue("S2");
        browser.findElement(By.cssSelector("[data-escalate-submit]")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-escalation-open]")));
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-ticket-status]"),
                "Escalated"));

        // The engineer lands on the queue, takes the case and opens its bundle.
        logIn(engineer);
        assertThat(browser.getCurrentUrl()).endsWith("/engineering");
        WebElement row = waitFor().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr[data-ticket='" + ticket.number() + "']")));
        assertThat(row.getText()).contains("S2", "claude-3-5-sonnet");
        row.findElement(By.cssSelector("[data-assign-to-me]")).click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("tr[data-ticket='" + ticket.number() + "'] [data-engineer]"), "Ada " + marker));
        Browser.screenshot(browser, "escalation-queue-en");
        browser.findElement(By.cssSelector("tr[data-ticket='" + ticket.number() + "'] a[data-open-bundle]")).click();
        WebElement reproduction = waitFor().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-reproduction-command]")));
        assertThat(reproduction.getText()).contains("https://api.example.com/v1/chat/completions",
                "$GATEWAY_API_KEY", "claude-3-5-sonnet").doesNotContain("sk-abcd");
        assertThat(browser.findElement(By.cssSelector("[data-bundle-logs]")).getText())
                .contains("aws-bedrock-7", "30125 ms", "203.0.113.7");
        assertThat(browser.findElement(By.cssSelector("[data-bundle-timeline]")).getText()).contains("gateway log");
        Browser.screenshot(browser, "escalation-bundle-en");
        browser.executeScript("document.querySelector('[data-bundle-logs]').scrollIntoView();");
        Browser.screenshot(browser, "escalation-bundle-logs-en");

        browser.findElement(By.cssSelector("[data-download-markdown]")).click();
        Path file = downloads.resolve("gatedesk-" + ticket.number() + "-bundle.md");
        waitFor().until(any -> Files.exists(file));
        waitFor().until(any -> {
            try {
                return Files.readString(file).contains("$GATEWAY_API_KEY");
            } catch (java.io.IOException e) {
                return false;
            }
        });
        assertThat(Files.readString(file)).contains("# " + ticket.number(), "```bash", "aws-bedrock-7");

        // Findings, handed back.
        new Select(browser.findElement(By.id("rootCause"))).selectByValue("GATEWAY_OR_CHANNEL");
        browser.findElement(By.id("summary")).sendKeys("Channel aws-bedrock-7 cut streams at 30 s (proxy timeout).");
        browser.findElement(By.id("actions")).sendKeys("Raised the proxy timeout to 300 s.");
        browser.findElement(By.id("suggestedReply")).sendKeys("We found and fixed a timeout on our side " + marker
                + ". Please try again.");
        browser.findElement(By.cssSelector("[data-hand-back]")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-findings-recorded]")));

        // The agent sees the badge, the findings at the top, and inserts the suggested reply.
        logIn(agent);
        waitFor().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr[data-ticket='" + ticket.number() + "'] [data-row-mark]")));
        browser.findElement(By.cssSelector("tr[data-ticket='" + ticket.number() + "'] td.number a")).click();
        WebElement findings = waitFor().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-findings]")));
        assertThat(findings.getText()).contains("Channel aws-bedrock-7 cut streams", "Gateway or channel");
        browser.findElement(By.id("reply-body")).sendKeys("Hello Wang Fang,");
        browser.findElement(By.cssSelector("[data-insert-suggested-reply]")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-reply-inserted]")));
        String reply = String.valueOf(browser.executeScript("return document.getElementById('reply-body').value;"));
        assertThat(reply).isEqualTo("Hello Wang Fang,\n\nWe found and fixed a timeout on our side " + marker
                + ". Please try again.");
        assertThat(browser.findElement(By.id("conversation")).getText()).doesNotContain("fixed a timeout");
        Browser.screenshot(browser, "escalation-ticket-findings-en");
    }

    @Test
    void queueAndBundleReadInChinese() throws Exception {
        marker = UUID.randomUUID().toString().substring(0, 8);
        String engineer = "esc-zh-" + marker;
        users.create(new UserService.NewStaffMember(engineer, "Zhou " + marker, null, PASSWORD,
                EnumSet.of(Role.ENGINEER)));
        TicketReceipt ticket = escalatableTicket();
        browser = Browser.start("zh-CN");
        logIn(engineer);
        browser.get(url("/desk/tickets/" + ticket.number()));
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("details[data-escalate]")))
                .findElement(By.tagName("summary")).click();
        browser.findElement(By.id("escalation-reason")).sendKeys("渠道 aws-bedrock-7 流式响应 30 秒后中断。");
        new Select(browser.findElement(By.id("escalation-severity"))).selectByValue("S1");
        browser.findElement(By.cssSelector("[data-escalate-submit]")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-escalation-open]")));
        browser.get(url("/engineering"));
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "升级工单"));
        Browser.screenshot(browser, "escalation-queue-zh");
        browser.get(url("/engineering/tickets/" + ticket.number()));
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-reproduction]"),
                "复现"));
        assertThat(browser.findElement(By.cssSelector("[data-bundle-timeline]")).getText()).contains("时间线");
        Browser.screenshot(browser, "escalation-bundle-zh");
        browser.executeScript("document.querySelector('[data-bundle-logs]').scrollIntoView();");
        Browser.screenshot(browser, "escalation-bundle-logs-zh");
    }
}
