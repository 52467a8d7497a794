package io.gatedesk.browser;

import io.gatedesk.gatewaylog.format.LogContainer;
import io.gatedesk.gatewaylog.format.LogFormat;
import io.gatedesk.gatewaylog.format.SyntheticLogGenerator;
import io.gatedesk.ticket.CallerType;
import io.gatedesk.ticket.ClientApp;
import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.user.Role;
import io.gatedesk.user.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** An agent uploads a gateway export, watches it import, then sees a ticket's request in the match panel. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LogImportBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    TicketService tickets;

    ChromeDriver agent;

    @AfterEach
    void tearDown() {
        if (agent != null) {
            agent.quit();
        }
    }

    @Test
    void agentUploadsLogsWatchesTheImportAndSeesTheMatchOnTheTicket() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        users.create(new UserService.NewStaffMember("uploader-" + marker, "Lin Agent", null, "browser-password",
                EnumSet.of(Role.AGENT)));
        Path file = Files.createTempFile("gateway-", ".jsonl");
        new SyntheticLogGenerator(ThreadLocalRandom.current().nextLong()).write(LogFormat.CANONICAL,
                LogContainer.JSON_LINES, 400, file);
        Matcher first = Pattern.compile("\"request_id\":\"([^\"]+)\"").matcher(Files.readString(file));
        assertThat(first.find()).isTrue();
        String requestId = first.group(1);

        agent = Browser.start("en-US");
        WebDriverWait wait = Browser.waitFor(agent, Duration.ofSeconds(20));
        agent.get("http://localhost:" + port + "/desk/logs/import");
        wait.until(ExpectedConditions.urlContains("/login"));
        agent.findElement(By.id("username")).sendKeys("uploader-" + marker);
        agent.findElement(By.id("password")).sendKeys("browser-password");
        agent.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/desk"));
        agent.get("http://localhost:" + port + "/desk/logs/import");

        agent.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        agent.findElement(By.cssSelector("form.import-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/desk/logs/imports/\\d+"));
        assertThat(agent.findElements(By.cssSelector("progress[data-import-bar]"))).isNotEmpty();
        // The bar polls every second until the run is done, then the summary replaces it in place.
        WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-import-summary]")));
        assertThat(agent.findElement(By.id("import-progress")).getAttribute("data-import-status")).isEqualTo("DONE");
        assertThat(agent.findElement(By.cssSelector("progress[data-import-bar]")).getAttribute("value")).isEqualTo("100");
        assertThat(Long.parseLong(summary.findElement(By.cssSelector("[data-imported]")).getText())).isPositive();
        Browser.screenshot(agent, "7-log-import-done");

        String number = tickets.submit(new NewTicket("429 in Cursor " + marker, "It fails (request id: " + requestId + ")",
                "Ann", "ann@example.com", ClientApp.CURSOR, null, null, null, null, List.of(), 429, null, null, null,
                true, CallerType.PRODUCTION), Locale.ENGLISH).number();
        agent.get("http://localhost:" + port + "/desk/tickets/" + number);
        WebElement match = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-log-match]")));
        assertThat(match.getAttribute("data-request-id")).isEqualTo(requestId);
        assertThat(match.getText()).contains("Same request ID");
        Browser.screenshot(agent, "8-ticket-log-match");
    }
}
