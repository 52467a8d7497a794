package io.gatedesk.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo shows the product: its tickets find their gateway log rows, the catalogue is set, the login says how. The
 * triage worker runs in the background as in a real start, where it used to race the demo loader.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gatedesk.demo.tickets=12", "gatedesk.triage.async=true"})
@ActiveProfiles({"test", "demo"})
@ExtendWith(OutputCaptureExtension.class)
class DemoBrowserTest {

    @LocalServerPort
    int port;

    private String get(String path) throws Exception {
        String auth = Base64.getEncoder().encodeToString("agent:demo-password".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).header("Authorization", "Basic " + auth).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private String post(String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void everyDemoRequestIdFindsItsGatewayLogRowAndTheStartLogHasNoStackTrace(CapturedOutput output) throws Exception {
        Pattern firstId = Pattern.compile("\"requestIds\":\\[\"(\\d{20,})\"");
        int checked = 0;
        for (int n = 1; n <= 12; n++) {
            Matcher id = firstId.matcher(get("/api/v1/tickets/GD-" + n));
            if (id.find()) {
                assertThat(get("/api/v1/gateway-logs/matches?requestId=" + id.group(1))).as(id.group(1))
                        .contains("\"requestId\":\"" + id.group(1) + "\"");
                checked++;
            }
        }
        assertThat(checked).isPositive();
        assertThat(output.getAll()).doesNotContain("Unique index or primary key violation")
                .doesNotContain("Could not classify").doesNotContainPattern("\\n\\s+at [a-z]+\\.");
    }

    @Test
    void theConfigurationCheckRefusesAModelTheDemoGatewayDoesNotServe() throws Exception {
        String answer = post("/api/v1/config-check",
                "{\"client\":\"CURSOR\",\"baseUrl\":\"https://api.relaygate.example/v1\",\"model\":\"GPT-4o\"}");
        assertThat(answer).contains("UNKNOWN_MODEL").doesNotContain("WRONG_HOST");
    }

    @Test
    void theLoginPageNamesTheDemoAccountsAndTheyWork() {
        ChromeDriver browser = Browser.start("en-US");
        try {
            WebDriverWait wait = Browser.waitFor(browser, Duration.ofSeconds(15));
            for (String lang : new String[] {"en", "zh_CN"}) {
                for (int[] size : new int[][] {{1440, 900}, {390, 844}}) {
                    browser.manage().window().setSize(new Dimension(size[0], size[1]));
                    browser.get("http://localhost:" + port + "/login?lang=" + lang);
                    assertThat(browser.findElement(By.cssSelector("[data-demo-logins]")).getText())
                            .contains("agent", "engineer", "demo-password");
                    Object scroll = browser.executeScript(
                            "return document.documentElement.scrollWidth <= window.innerWidth;");
                    assertThat(scroll).isEqualTo(Boolean.TRUE);
                    Browser.screenshot(browser, "demo-login-" + size[0] + "-" + lang);
                }
            }
            browser.findElement(By.id("username")).sendKeys("agent");
            browser.findElement(By.id("password")).sendKeys("demo-password");
            browser.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
            wait.until(ExpectedConditions.urlContains("/desk"));
        } finally {
            browser.quit();
        }
    }
}
