package io.gatedesk.browser;

import io.gatedesk.ticket.ClientApp;
import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.user.Role;
import io.gatedesk.user.UserService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A support lead's look at the metrics dashboard in a real browser: charts drawn from the tables, the filter form
 * submitted with its button, a chart's queue link followed and the CSV fetched with the browser's session. Every
 * browser quits through {@link Browser}, which fails the test on any Content-Security-Policy violation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gatedesk.site.time-zone=UTC", "spring.application.name=gatedesk-metrics-browser"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsDashboardBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    TicketService tickets;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    void seed() throws InterruptedException {
        users.create(new UserService.NewStaffMember("lead", "Lena Lead", null, "lead-password", EnumSet.of(Role.AGENT)));
        file("Every call says invalid token", 401, "Invalid token", ClientApp.CURSOR);
        file("Our key stopped working", 401, "Incorrect API key provided", ClientApp.DIFY);
        file("Too many requests all afternoon", 429, "Rate limit reached for requests", ClientApp.CURSOR);
        // Triage classifies in the background; the dashboard is read once every ticket has its category.
        for (int i = 0; i < 150 && count("category IS NULL") > 0; i++) {
            Thread.sleep(100);
        }
        assertThat(count("category IS NULL")).as("tickets left unclassified").isZero();
        assertThat(count("category = 'INVALID_KEY'")).as("invalid-key tickets").isPositive();
    }

    void file(String subject, int status, String error, ClientApp client) {
        tickets.submit(new NewTicket(subject, "It fails since this morning: " + error, "Ann Customer",
                "ann@example.com", client, null, "https://api.example.com/v1", "gpt-4o-mini", null, List.of(),
                status, error, null, null, null, null), Locale.ENGLISH);
    }

    long count(String where) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM tickets WHERE " + where, Long.class);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    static WebDriverWait waitFor(ChromeDriver browser) {
        return Browser.waitFor(browser, Duration.ofSeconds(20));
    }

    ChromeDriver signedIn(String language) {
        ChromeDriver browser = Browser.start(language);
        browser.manage().window().setSize(new Dimension(1360, 1000));
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("lead");
        browser.findElement(By.id("password")).sendKeys("lead-password");
        browser.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        waitFor(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        return browser;
    }

    /** Every chart with a table has a canvas drawn into it by metrics.js. */
    static void chartsDrawn(ChromeDriver browser) {
        waitFor(browser).until(driver -> {
            int tables = driver.findElements(By.cssSelector("[data-chart-table]")).size();
            int drawn = driver.findElements(By.cssSelector("[data-chart-canvas][data-rendered=true] canvas")).size();
            return tables > 0 && drawn == tables;
        });
    }

    /** The text of a cell in a closed details element (the table under a chart), which getText() leaves empty. */
    static String hiddenText(WebElement element) {
        return element.getDomProperty("textContent").replaceAll("\\s+", " ").strip();
    }

    static long sum(ChromeDriver browser, String cells) {
        return browser.findElements(By.cssSelector(cells)).stream()
                .mapToLong(cell -> Math.round(Double.parseDouble(cell.getDomAttribute("data-value")))).sum();
    }

    /** The whole page, tall enough for every chart, kept where the lead (and a reviewer) can look at it. */
    static void screenshot(ChromeDriver browser, String name) {
        Long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(1360, (int) Math.min(height + 120, 6000)));
        Browser.screenshot(browser, name);
        try {
            Files.copy(Path.of("target", "screenshots", name + ".png"), Path.of("/tmp", name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        browser.manage().window().setSize(new Dimension(1360, 1000));
    }

    @Test
    void aLeadFiltersTheDashboardFollowsAChartToTheQueueAndDownloadsTheCsv() {
        ChromeDriver browser = signedIn("en-US");
        try {
            browser.get(url("/desk/metrics"));
            chartsDrawn(browser);
            assertThat(browser.findElement(By.cssSelector("[data-figure=tickets]")).getText()).isEqualTo("3");
            assertThat(sum(browser, "#chart-categories td[data-value]")).isEqualTo(3);

            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            new Select(browser.findElement(By.name("period"))).selectByValue("7");
            new Select(browser.findElement(By.name("category"))).selectByValue("INVALID_KEY");
            browser.findElement(By.cssSelector("[data-metrics-form] button[type=submit]")).click();
            waitFor(browser).until(ExpectedConditions.urlContains("category=INVALID_KEY"));
            chartsDrawn(browser);

            long invalidKey = count("category = 'INVALID_KEY'");
            assertThat(browser.findElement(By.cssSelector("[data-metrics-range] strong")).getText())
                    .isEqualTo(today.minusDays(6) + " – " + today + " (UTC time), by day");
            assertThat(new Select(browser.findElement(By.name("period"))).getFirstSelectedOption().getText())
                    .isEqualTo("Last 7 days");
            assertThat(new Select(browser.findElement(By.name("category"))).getFirstSelectedOption().getText())
                    .isEqualTo("Invalid key");
            assertThat(browser.findElement(By.cssSelector("[data-figure=tickets]")).getText())
                    .isEqualTo(String.valueOf(invalidKey));
            assertThat(browser.findElements(By.cssSelector("#chart-categories thead th[data-series]")))
                    .extracting(MetricsDashboardBrowserTest::hiddenText).containsExactly("Invalid key");
            assertThat(browser.findElements(By.cssSelector("#chart-categories tbody tr"))).hasSize(7);
            assertThat(sum(browser, "#chart-categories td[data-value]")).isEqualTo(invalidKey);
            assertThat(hiddenText(browser.findElement(By.cssSelector("#chart-categories tbody tr:last-child th"))))
                    .isEqualTo(today.toString());
            screenshot(browser, "metrics-dash-en");

            // The CSV of the same days and filter, fetched as a click on the link would, with the session cookie.
            String csvLink = browser.findElement(By.cssSelector("a[data-metrics-csv]")).getDomAttribute("href");
            assertThat(csvLink).contains("from=" + today.minusDays(6), "to=" + today, "category=INVALID_KEY");
            @SuppressWarnings("unchecked")
            Map<String, Object> csv = (Map<String, Object>) browser.executeAsyncScript("""
                    var done = arguments[arguments.length - 1];
                    fetch(arguments[0], {credentials: 'same-origin'}).then(function (response) {
                        return response.text().then(function (body) {
                            done({status: response.status, type: response.headers.get('Content-Type'), body: body});
                        });
                    });""", csvLink);
            assertThat(csv.get("status")).isEqualTo(200L);
            assertThat((String) csv.get("type")).startsWith("text/csv");
            assertThat((String) csv.get("body")).startsWith("measure,key,period,value\r\ntickets,,," + invalidKey + "\r\n");
            String before = browser.getCurrentUrl();
            browser.findElement(By.cssSelector("a[data-metrics-csv]")).click();
            assertThat(browser.getCurrentUrl()).isEqualTo(before);

            // The chart's queue link opens the queue showing the tickets behind it.
            browser.findElement(By.cssSelector("#chart-categories a[data-queue-link]")).click();
            waitFor(browser).until(ExpectedConditions.urlContains("/desk?status=all&category=INVALID_KEY"));
            assertThat(browser.getCurrentUrl()).contains("filedFrom=" + today.minusDays(6), "filedTo=" + today);
            waitFor(browser).until(driver -> driver.findElements(By.cssSelector("tr[data-ticket]")).size()
                    == invalidKey);
            // The queue says it is narrowed to the chart's days, and one click widens it again.
            assertThat(browser.findElement(By.cssSelector("[data-drill]")).getText())
                    .contains("filed " + today.minusDays(6) + " – " + today);
            screenshot(browser, "metrics-drill-queue-en");
            browser.findElement(By.cssSelector("[data-drill-clear]")).click();
            waitFor(browser).until(driver -> !driver.getCurrentUrl().contains("filedFrom")
                    && driver.findElements(By.cssSelector("[data-drill]")).isEmpty());
            assertThat(browser.getCurrentUrl()).contains("category=INVALID_KEY");
        } finally {
            browser.quit();
        }
    }

    @Test
    void theDashboardReadsInChineseAndExplainsABadPeriod() {
        ChromeDriver browser = signedIn("zh-CN");
        try {
            browser.get(url("/desk/metrics?period=30&granularity=week"));
            chartsDrawn(browser);
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("指标");
            assertThat(browser.findElements(By.cssSelector("#chart-categories thead th[data-series]")))
                    .extracting(MetricsDashboardBrowserTest::hiddenText).contains("密钥无效", "请求被限流");
            screenshot(browser, "metrics-dash-zh");

            WebElement from = browser.findElement(By.name("from"));
            String to = browser.findElement(By.name("to")).getDomProperty("value");
            browser.executeScript("arguments[0].value = arguments[1];"
                    + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", from, "2999-01-01");
            assertThat(new Select(browser.findElement(By.name("period"))).getFirstSelectedOption()
                    .getDomAttribute("value")).isEqualTo("custom");
            browser.findElement(By.cssSelector("[data-metrics-form] button[type=submit]")).click();
            WebElement error = waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-metrics-error]")));
            assertThat(error.getText()).isEqualTo("开始日期不能晚于结束日期。");
            assertThat(browser.findElement(By.name("from")).getDomProperty("value")).isEqualTo("2999-01-01");
            assertThat(browser.findElement(By.name("to")).getDomProperty("value")).isEqualTo(to);
            screenshot(browser, "metrics-dash-zh-error");
        } finally {
            browser.quit();
        }
    }
}
