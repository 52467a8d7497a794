package io.gatedesk.browser;

import io.gatedesk.common.Hashing;
import io.gatedesk.secret.SampleKeys;
import io.gatedesk.user.Role;
import io.gatedesk.user.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys of every kind go into every field, through the browser form and the API, into replies and answers; then every
 * text column of every table, every page and API answer shown, and the application log are searched for them.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class NoRawKeyAnywhereContract {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserService users;

    final SplittableRandom random = new SplittableRandom(20261128L);
    final List<String> rawKeys = new ArrayList<>();
    final List<String> shown = new ArrayList<>();
    final HttpClient http = HttpClient.newHttpClient();
    ChromeDriver browser;

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** A fresh key of the next kind, remembered so the searches know what must not appear. */
    String key() {
        Function<SplittableRandom, SampleKeys.Sample> kind =
                SampleKeys.STANDALONE.get(rawKeys.size() % SampleKeys.STANDALONE.size());
        SampleKeys.Sample sample = kind.apply(random);
        rawKeys.add(sample.secret());
        return sample.written();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void noFullKeyIsStoredLoggedOrShownAnywhere(CapturedOutput output) throws Exception {
        String agentName = "guard-" + Long.toHexString(random.nextLong()).substring(0, 8);
        users.create(new UserService.NewStaffMember(agentName, "Guard Agent", null, "guard-password", EnumSet.of(Role.AGENT)));

        browser = Browser.start("en-US");
        WebDriverWait wait = Browser.waitFor(browser, Duration.ofSeconds(15));
        browser.get(url("/"));
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (String field : List.of("customerName", "customerEmail", "subject", "description", "clientVersion",
                "baseUrl", "model", "maskedKey", "requestIds", "statusCode", "errorMessage")) {
            fields.put(field, field.equals("description") ? null : "value " + key() + " end");
        }
        fields.put("description", "curl https://api.example.com/v1/chat/completions -H \"Authorization: Bearer "
                + key() + "\" and OPENAI_API_KEY=" + key() + "，还有" + key() + "。");
        fields.forEach((field, value) -> browser.findElement(By.id(field)).sendKeys(value));
        // The form masks these in the browser before they are sent; it sends their fingerprints for the audit trail.
        List<String> typedIntoTheForm = List.copyOf(rawKeys);
        browser.findElement(By.id("subject")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-secret-warning]")));
        shown.add(browser.getPageSource());
        browser.findElement(By.cssSelector("form.ticket-form button[type=submit]")).click();

        // The email and status code are invalid: the form comes back, masked, with the problems named.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Please correct"));
        shown.add(browser.getPageSource());
        fix(browser.findElement(By.id("customerEmail")), "ann@example.com");
        fix(browser.findElement(By.id("statusCode")), "401");
        browser.findElement(By.cssSelector("form.ticket-form button[type=submit]")).click();
        String followLink = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-follow-link]")))
                .getAttribute("href");
        String number = browser.findElement(By.cssSelector("[data-ticket-number]")).getText();
        shown.add(browser.getPageSource());

        browser.get(followLink);
        browser.findElement(By.id("body")).sendKeys("my new key is " + key() + " ok?");
        browser.findElement(By.cssSelector(".reply-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-keys-masked]")));
        shown.add(browser.getPageSource());

        String apiTicket = post("/api/v1/tickets", null, """
                {"subject":"%s","description":"%s","name":"%s","email":"api@example.com","clientVersion":"%s",
                 "baseUrl":"https://api.example.com/v1?key=%s","model":"%s","maskedKey":"%s","requestIds":["%s"],
                 "errorMessage":"{\\"error\\":{\\"message\\":\\"Incorrect API key provided: %s\\"}}"}"""
                .formatted(key(), key(), key(), key(), key(), key(), key(), key(), key()));
        shown.add(apiTicket);
        String apiNumber = apiTicket.replaceAll(".*\"number\":\"(GD-\\d+)\".*", "$1");
        String basic = "Basic " + Base64.getEncoder().encodeToString((agentName + ":guard-password")
                .getBytes(StandardCharsets.UTF_8));
        shown.add(post("/api/v1/tickets/" + apiNumber + "/messages", basic,
                "{\"body\":\"Internal: customer pasted " + key() + "\",\"visibility\":\"INTERNAL\"}"));
        shown.add(post("/api/v1/redact", null, "{\"text\":\"" + key() + "\"}"));
        shown.add(get("/api/v1/tickets/" + number, basic));
        shown.add(get("/api/v1/tickets/" + apiNumber, basic));

        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(agentName);
        browser.findElement(By.id("password")).sendKeys("guard-password");
        browser.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/desk"));
        shown.add(browser.getPageSource());
        browser.get(url("/desk/tickets/" + number));
        WebElement keysSeen = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-masked-keys]")));
        assertThat(keysSeen.getText()).contains("…").contains("sha256");
        browser.findElement(By.id("reply-body")).sendKeys("Please revoke " + key());
        browser.findElement(By.cssSelector(".reply-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".conversation"), "Please revoke"));
        shown.add(browser.getPageSource());
        browser.get(url("/desk/tickets/" + apiNumber));
        shown.add(browser.getPageSource());

        assertThat(rawKeys).hasSizeGreaterThanOrEqualTo(25);
        for (String page : shown) {
            for (String raw : rawKeys) {
                assertThat(page).as("a page or API answer").doesNotContain(raw);
            }
        }
        List<String> columns = textColumns();
        assertThat(columns).contains("tickets.description", "ticket_messages.body", "ticket_events.detail");
        for (String column : columns) {
            String[] parts = column.split("\\.");
            for (String value : jdbc.queryForList("SELECT " + parts[1] + " FROM " + parts[0] + " WHERE " + parts[1]
                    + " IS NOT NULL", String.class)) {
                for (String raw : rawKeys) {
                    assertThat(value).as(column).doesNotContain(raw);
                }
            }
        }
        Integer audited = jdbc.queryForObject("SELECT count(*) FROM ticket_events WHERE action = 'SECRET_MASKED'",
                Integer.class);
        assertThat(audited).isGreaterThanOrEqualTo(rawKeys.size() - 3);
        String formAudit = String.join("\n", jdbc.queryForList("SELECT detail FROM ticket_events WHERE ticket_id = ?"
                + " AND action = 'SECRET_MASKED'", String.class, Long.parseLong(number.substring(3))));
        assertThat(typedIntoTheForm.stream().filter(raw -> !formAudit.contains(Hashing.sha256Hex(raw)))
                .map(raw -> raw.substring(0, 6) + "…")).as("keys masked in the browser with no fingerprint on the"
                + " ticket's audit trail").isEmpty();
        assertThat(output.getAll()).contains("Filed " + number);
        for (String raw : rawKeys) {
            assertThat(output.getAll()).as("application log").doesNotContain(raw);
        }
    }

    private List<String> textColumns() {
        return jdbc.queryForList("""
                SELECT lower(table_name) || '.' || lower(column_name) FROM information_schema.columns
                WHERE lower(table_schema) = 'public'
                  AND (lower(data_type) LIKE '%char%' OR lower(data_type) = 'text' OR lower(data_type) LIKE '%clob%')
                  AND lower(table_name) <> 'flyway_schema_history'""", String.class);
    }

    private static void fix(WebElement field, String value) {
        field.clear();
        field.sendKeys(value);
    }

    private String post(String path, String authorization, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + response.body()).isBetween(200, 299);
        return response.body();
    }

    private String get(String path, String authorization) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
