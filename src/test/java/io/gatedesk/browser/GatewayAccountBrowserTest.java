package io.gatedesk.browser;

import io.gatedesk.user.Role;
import io.gatedesk.user.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway database as an agent and an admin meet it in a browser: a customer names a masked key on the form, the
 * agent's ticket page loads the key's account from the gateway's own database (and says which source is down), and the
 * admin's "Test connection" button answers for a working and a broken source.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GatewayAccountBrowserTest {

    /** A new-api key as new-api stores it (no sk- prefix, 48 characters); the customer only ever types its mask. */
    static final String KEY = "abcd" + "Q7mN2pX9vR4tL8kJ3hG6fD1sA5zC0bV2nM7qW4eR" + "wxyz";
    /** A failed Kling video in new-api's tasks table, named in the customer's description. */
    static final String TASK = "task_" + "Zx4cV7bN2mQ9wE1rT6yU3iO8pA5sD0fG";
    /** A failed Midjourney job: a bare number, so only the form's task ID box makes it a task. */
    static final String MJ_TASK = "1712205491372954";
    static Path gatewayDb;
    static ChromeDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    UserService users;

    @DynamicPropertySource
    static void gatewaySource(DynamicPropertyRegistry registry) throws Exception {
        gatewayDb = Files.createTempDirectory("gatedesk-browser-newapi").resolve("new-api.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gatewayDb); Statement s = c.createStatement()) {
            // new-api's tables as GORM creates them on SQLite (model/user.go, model/token.go), the columns read here.
            s.execute("CREATE TABLE users (id integer PRIMARY KEY AUTOINCREMENT, username text UNIQUE, password text,"
                    + " display_name text, status integer DEFAULT 1, \"group\" varchar(64) DEFAULT 'default')");
            s.execute("CREATE TABLE tokens (id integer PRIMARY KEY AUTOINCREMENT, user_id integer, \"key\" char(48),"
                    + " status integer DEFAULT 1, name text, accessed_time integer, expired_time integer DEFAULT -1,"
                    + " remain_quota integer DEFAULT 0, unlimited_quota numeric, used_quota integer DEFAULT 0,"
                    + " model_limits_enabled numeric, model_limits text, allow_ips text, \"group\" text,"
                    + " deleted_at datetime)");
            s.execute("INSERT INTO users (id, username, password, display_name, status, \"group\")"
                    + " VALUES (7, 'zhangwei', 'x', '张伟', 1, 'vip')");
            s.execute("INSERT INTO tokens (user_id, \"key\", status, name, accessed_time, expired_time, remain_quota,"
                    + " unlimited_quota, used_quota, model_limits_enabled, model_limits, allow_ips, \"group\") VALUES"
                    + " (7, '" + KEY + "', 1, 'prod', " + Instant.now().getEpochSecond() + ", -1, 6200000, 0, 1550000,"
                    + " 1, 'gpt-4o,claude-3-5-sonnet-20241022', '203.0.113.7', '')");
            // new-api's tasks table (model/task.go), the columns read here and the prompt that never is.
            s.execute("CREATE TABLE tasks (id integer PRIMARY KEY AUTOINCREMENT, task_id varchar(191),"
                    + " platform varchar(30), user_id integer, quota integer, action varchar(40), status varchar(20),"
                    + " fail_reason text, submit_time integer, finish_time integer, progress varchar(20), data JSON)");
            long now = Instant.now().getEpochSecond();
            s.execute("INSERT INTO tasks (task_id, platform, user_id, quota, action, status, fail_reason, submit_time,"
                    + " finish_time, progress, data) VALUES ('" + TASK + "', 'kling', 7, 250000, 'generate', 'FAILURE',"
                    + " 'upstream: content policy violation', " + (now - 600) + ", " + (now - 500) + ", '100%',"
                    + " '{\"prompt\":\"a private prompt\"}')");
            // new-api's midjourneys (model/midjourney.go) and logs (model/log.go), the columns read here.
            s.execute("CREATE TABLE midjourneys (id integer PRIMARY KEY AUTOINCREMENT, user_id integer,"
                    + " action varchar(40), mj_id text, prompt text, status varchar(20), progress varchar(30),"
                    + " fail_reason text, submit_time integer, finish_time integer, quota integer)");
            s.execute("INSERT INTO midjourneys (user_id, action, mj_id, prompt, status, progress, fail_reason,"
                    + " submit_time, finish_time, quota) VALUES (7, 'IMAGINE', '" + MJ_TASK + "', 'a private prompt',"
                    + " 'FAILURE', '0%', 'Banned prompt detected', " + (now - 900) + ", " + (now - 880) + ", 50000)");
            s.execute("CREATE TABLE logs (id integer PRIMARY KEY AUTOINCREMENT, user_id integer, created_at integer,"
                    + " type integer, content text, username text, token_name text, model_name text, quota integer,"
                    + " prompt_tokens integer, completion_tokens integer, use_time integer, is_stream numeric,"
                    + " channel_id integer, token_id integer, ip text, other text)");
            s.execute("INSERT INTO logs (user_id, created_at, type, content, username, token_name, model_name, quota,"
                    + " prompt_tokens, completion_tokens, use_time, is_stream, channel_id, token_id) VALUES"
                    + " (7, " + (now - 120) + ", 5, '该令牌额度已用尽 (request id: 20261205235900123)', 'zhangwei',"
                    + " 'prod', 'gpt-4o', 0, 0, 0, 1, 0, 3, 1)");
        }
        registry.add("gatedesk.gateway.sources.main.kind", () -> "new-api");
        registry.add("gatedesk.gateway.sources.main.url", () -> "jdbc:sqlite:" + gatewayDb);
        registry.add("gatedesk.gateway.sources.backup.kind", () -> "new-api");
        registry.add("gatedesk.gateway.sources.backup.url",
                () -> "jdbc:sqlite:" + gatewayDb.getParent().resolve("missing/none.db"));
    }

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
    void theAgentSeesTheKeysAccountAndTheAdminTestsEachSource() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        openFormAsCustomer("401 on every call " + marker, "Every call fails with 401. My key is sk-abcd****wxyz."
                + " Video " + TASK + " failed too.");
        browser.findElement(By.id("statusCode")).sendKeys("401");
        browser.findElement(By.cssSelector("form.ticket-form button[type=submit]")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-follow-link]")));
        String number = browser.findElement(By.tagName("main")).getText().replaceAll("(?s).*?(GD-\\d+).*", "$1");
        assertThat(number).startsWith("GD-");

        signIn("gw-agent-" + marker, Role.AGENT);
        browser.get(url("/desk/tickets/" + number));
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-account]")));
        WebElement panel = browser.findElement(By.cssSelector("[data-account-panel]"));
        assertThat(panel.getText()).contains("sk-abcd…wxyz").contains("张伟 · zhangwei").contains("vip")
                .contains("prod").contains("gpt-4o, claude-3-5-sonnet-20241022").contains("$12.40")
                .contains("203.0.113.*").doesNotContain(KEY.substring(4, 44));
        assertThat(panel.findElement(By.cssSelector("[data-source-down]")).getText()).contains("backup");
        WebElement task = panel.findElement(By.cssSelector("[data-task='" + TASK + "']"));
        assertThat(task.findElement(By.cssSelector("[data-task-state]")).getText()).isEqualTo("failed");
        assertThat(task.getText()).contains("kling · generate").contains("content policy violation")
                .contains("$0.50").doesNotContain("a private prompt");
        scrollTo(task);
        shot("ticket-tasks-1440-en");
        scrollTo(panel);
        shot("ticket-panel-1440-en");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/desk/tickets/" + number + "?lang=zh-CN"));
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-account]")));
        scrollTo(browser.findElement(By.cssSelector("[data-account-panel]")));
        shot("ticket-panel-390-zh-CN");
        assertThat(browser.findElement(By.cssSelector("[data-account-panel]")).getText()).contains("张伟");
        scrollTo(browser.findElement(By.cssSelector("[data-task-panel]")));
        shot("ticket-tasks-390-zh-CN");
        assertThat(browser.findElement(By.cssSelector("[data-task-state]")).getText()).isEqualTo("失败");
        browser.get(url("/desk/tickets/" + number + "?lang=en"));

        browser.manage().window().setSize(new Dimension(1440, 1000));
        signIn("gw-admin-" + marker, Role.ADMIN);
        browser.get(url("/admin/gateway-sources"));
        source("main").findElement(By.cssSelector("[data-test-source]")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test-result]")));
        assertThat(browser.findElement(By.cssSelector("[data-test-result]")).getAttribute("class")).contains("ok");
        assertThat(source("main").getText()).contains("up").contains(" ms");
        // This gateway has no options table (QuotaPerUnit at its default): not an error of the source.
        assertThat(source("main").findElements(By.tagName("td")).get(6).getText()).isEmpty();
        source("backup").findElement(By.cssSelector("[data-test-source]")).click();
        waitFor().until(driver -> driver.findElement(By.cssSelector("[data-test-result]")).getText().contains("backup"));
        assertThat(browser.findElement(By.cssSelector("[data-test-result]")).getAttribute("class")).contains("error");
        assertThat(source("backup").getText()).contains("unreachable since");
        shot("admin-sources-1440-en");
        browser.get(url("/admin/gateway-sources?lang=zh-CN"));
        browser.manage().window().setSize(new Dimension(390, 844));
        shot("admin-sources-390-zh-CN");
    }

    /**
     * The form's task ID box: a wrong value comes back with the message and what was typed; a Midjourney number typed
     * there is looked up on the agent's ticket page, and the key's own log rows show beside the imported logs.
     */
    @Test
    void aTaskIdTypedInTheFormsBoxIsLookedUpOnTheTicketPage() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        openFormAsCustomer("My image never came " + marker, "The picture job failed, key sk-abcd****wxyz.");
        WebElement box = browser.findElement(By.id("taskIds"));
        assertThat(browser.findElement(By.cssSelector("label[for=taskIds]")).getText())
                .contains("Task ID (image/video/music task)");
        box.sendKeys("job #42");
        browser.findElement(By.cssSelector("form.ticket-form button[type=submit]")).click();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".has-error #taskIds")));
        assertThat(browser.findElement(By.id("taskIds")).getAttribute("value")).isEqualTo("job #42");
        assertThat(browser.findElement(By.cssSelector(".has-error .error")).getText()).contains("A task ID is 8 to 64");
        shot("form-task-id-error-1440-en");
        box = browser.findElement(By.id("taskIds"));
        box.clear();
        box.sendKeys(MJ_TASK);
        browser.findElement(By.cssSelector("form.ticket-form button[type=submit]")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-follow-link]")));
        String number = browser.findElement(By.tagName("main")).getText().replaceAll("(?s).*?(GD-\\d+).*", "$1");
        assertThat(number).startsWith("GD-");

        signIn("gw-tasks-" + marker, Role.AGENT);
        browser.get(url("/desk/tickets/" + number));
        assertThat(browser.findElement(By.cssSelector("[data-task-ids]")).getText()).contains(MJ_TASK);
        WebElement task = waitFor().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-task='" + MJ_TASK + "']")));
        assertThat(task.findElement(By.cssSelector("[data-task-state]")).getText()).isEqualTo("failed");
        assertThat(task.getText()).contains("midjourney · IMAGINE").contains("Banned prompt detected")
                .doesNotContain("a private prompt");
        scrollTo(task);
        shot("ticket-form-task-1440-en");
        WebElement live = waitFor().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-live-logs]")));
        assertThat(live.getText()).contains("Gateway logs (live)").contains("From main (new-api)")
                .contains("该令牌额度已用尽").contains("sk-abcd…wxyz → prod #1");
        assertThat(live.findElement(By.cssSelector("[data-source-down]")).getText()).contains("backup");
        assertThat(live.findElements(By.cssSelector("[data-live-log]"))).hasSize(1);
        scrollTo(live);
        shot("ticket-live-logs-1440-en");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/desk/tickets/" + number + "?lang=zh-CN"));
        live = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-live-logs]")));
        assertThat(live.getText()).contains("网关日志（实时）");
        scrollTo(live);
        shot("ticket-live-logs-390-zh-CN");
        browser.get(url("/desk/tickets/" + number + "?lang=en"));
    }

    /** The public form, as a customer without a session, with name, e-mail, subject, description and model typed. */
    private void openFormAsCustomer(String subject, String description) {
        browser.manage().window().setSize(new Dimension(1440, 1000));
        browser.manage().deleteAllCookies();
        browser.get(url("/"));
        browser.findElement(By.id("customerName")).sendKeys("Lin");
        browser.findElement(By.id("customerEmail")).sendKeys("lin@example.com");
        browser.findElement(By.id("subject")).sendKeys(subject);
        browser.findElement(By.id("description")).sendKeys(description);
        browser.findElement(By.id("model")).sendKeys("gpt-4o");
    }

    private WebElement source(String name) {
        return browser.findElement(By.cssSelector("tr[data-source='" + name + "']"));
    }

    private void scrollTo(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'start'})", element);
    }

    private void signIn(String username, Role role) {
        users.create(new UserService.NewStaffMember(username, "Gw " + role, null, "gateway-password-1",
                EnumSet.of(role)));
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("gateway-password-1");
        browser.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        waitFor().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private void shot(String name) throws Exception {
        Browser.screenshot(browser, "gateway-" + name);
        Files.copy(Path.of("target", "screenshots", "gateway-" + name + ".png"),
                Path.of("/tmp", "gateway-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private WebDriverWait waitFor() {
        return Browser.waitFor(browser, Duration.ofSeconds(15));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
