package io.gatedesk.browser;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.gatedesk.user.Role;
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every mail button in a real browser, against a real SMTP server (GreenMail): an admin sends a test mail, sees one
 * that failed while the server was down and resends it; a staff member switches a kind of mail off on their profile.
 * Screenshots in English and Chinese, wide and phone-sized, go to /tmp/mail-admin-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MailBrowserTest {

    static final String PASSWORD = "mail-password-14";
    static final int SMTP_PORT = freePort();
    static GreenMail smtp = startSmtp();

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;

    ChromeDriver browser;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("gatedesk.mail.from", () -> "support@example-gw.com");
        registry.add("gatedesk.mail.send-interval", () -> "300ms");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

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

    long mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> to(message, address)).count();
    }

    private static boolean to(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The whole page at {@code width} px, to /tmp/mail-admin-{name}-{width}.png. */
    void screenshot(String name, int width) {
        browser.manage().window().setSize(new Dimension(width, 900));
        Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(width, Math.min(Math.max(height.intValue(), 600), 4000)));
        try {
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), Path.of("/tmp/mail-admin-" + name + "-"
                    + width + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        browser.manage().window().setSize(new Dimension(1440, 1000));
    }

    void sendTestMail(String to) {
        WebElement field = browser.findElement(By.id("test-to"));
        field.clear();
        field.sendKeys(to);
        // The previous send's result is still on the page until htmx swaps in the new one: wait for it to go first,
        // or the wait below returns at once and the caller reads the page mid-swap.
        List<WebElement> previous = browser.findElements(By.cssSelector("[data-test-result]"));
        browser.findElement(By.cssSelector("[data-send-test]")).click();
        if (!previous.isEmpty()) {
            waitFor().until(ExpectedConditions.stalenessOf(previous.get(0)));
        }
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test-result]")));
    }

    @Test
    void anAdminSendsATestMailAndResendsAFailedOneAStaffMemberSwitchesAKindOff() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String admin = "mail-admin-" + marker;
        users.create(new UserService.NewStaffMember(admin, "Mei " + marker, "mei-" + marker + "@example-gw.com",
                PASSWORD, EnumSet.of(Role.ADMIN)));
        StaffMember agent = users.create(new UserService.NewStaffMember("mail-agent-" + marker, "Bo " + marker,
                "bo-" + marker + "@example-gw.com", PASSWORD, EnumSet.of(Role.AGENT)));

        browser = Browser.start("en-US");
        browser.manage().window().setSize(new Dimension(1440, 1000));
        logIn(admin);
        // The admin pages sit in the top bar's Admin menu: closed, its links are hidden until it is opened.
        assertThat(browser.findElement(By.cssSelector("header .topnav a[href='/admin/mail']")).isDisplayed()).isFalse();
        browser.findElement(By.cssSelector("header [data-admin-menu] summary")).click();
        screenshot("menu-open", 1440);
        screenshot("menu-open", 390);
        browser.findElement(By.cssSelector("header .topnav a[href='/admin/mail']")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-smtp-on]")));

        // A typo is refused in words, and what was typed stays in the field.
        sendTestMail("ops@@example");
        assertThat(browser.findElement(By.cssSelector("[data-test-result]")).getText())
                .isEqualTo("Enter one email address.");
        assertThat(browser.findElement(By.id("test-to")).getDomProperty("value")).isEqualTo("ops@@example");

        String ops = "ops-" + marker + "@example-gw.com";
        sendTestMail(ops);
        assertThat(browser.findElement(By.cssSelector("[data-test-result]")).getText())
                .isEqualTo("Test mail sent to " + ops + ".");
        await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(ops) == 1);

        // The server goes down: the test mail fails for good and is listed with its error.
        String late = "late-" + marker + "@example-gw.com";
        smtp.stop();
        try {
            sendTestMail(late);
            assertThat(browser.findElement(By.cssSelector("[data-test-result]")).getText())
                    .startsWith("The test mail could not be sent:");
        } finally {
            smtp = startSmtp();
        }
        browser.findElement(By.cssSelector("[data-outbox-filter] a[data-filter=FAILED]")).click();
        long id = jdbc.queryForObject("select id from mail_outbox where recipient = ?", Long.class, late);
        WebElement failed = waitFor().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr[data-mail='" + id + "']")));
        assertThat(failed.getDomAttribute("data-mail-status")).isEqualTo("FAILED");
        assertThat(failed.findElement(By.cssSelector("td.mail-error")).getText()).isNotBlank();
        screenshot("admin-en", 1440);
        screenshot("admin-en", 390);

        failed.findElement(By.cssSelector("[data-resend]")).click();
        assertThat(waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-mail-notice]")))
                .getText()).isEqualTo("The mail is queued again.");
        await().atMost(Duration.ofSeconds(15)).until(() -> mailsTo(late) == 1);
        browser.get(url("/admin/mail?status=SENT"));
        assertThat(browser.findElement(By.cssSelector("tr[data-mail='" + id + "']")).getDomAttribute(
                "data-mail-status")).isEqualTo("SENT");

        // The agent switches "assigned to me" off on the profile page (the switches load with htmx).
        logIn(agent.username());
        browser.get(url("/profile"));
        WebElement assigned = waitFor().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("input[data-switch=ASSIGNED]")));
        assertThat(assigned.isSelected()).isTrue();
        assertThat(browser.findElements(By.cssSelector("input[data-switch=ESCALATION_ASSIGNED]"))).isEmpty();
        assigned.click();
        browser.findElement(By.cssSelector("[data-save-switches]")).click();
        assertThat(waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-mail-saved]")))
                .getText()).isEqualTo("Mail settings saved.");
        assertThat(browser.getCurrentUrl()).endsWith("/profile");
        assertThat(browser.findElement(By.cssSelector("input[data-switch=ASSIGNED]")).isSelected()).isFalse();
        assertThat(jdbc.queryForObject("select enabled from mail_preferences where user_id = ? and kind = 'ASSIGNED'",
                Boolean.class, agent.id())).isFalse();
        screenshot("profile-en", 1440);
        screenshot("profile-en", 390);
        browser.quit();

        browser = Browser.start("zh-CN");
        browser.manage().window().setSize(new Dimension(1440, 1000));
        logIn(admin);
        browser.get(url("/admin/mail?status=FAILED"));
        sendTestMail("坏地址");
        assertThat(browser.findElement(By.cssSelector("[data-test-result]")).getText()).isEqualTo("请输入一个邮箱地址。");
        screenshot("admin-zh", 1440);
        screenshot("admin-zh", 390);
        logIn(agent.username());
        browser.get(url("/profile"));
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[data-switch=ASSIGNED]")));
        screenshot("profile-zh", 1440);
        screenshot("profile-zh", 390);
        assertThat(List.of(browser.findElement(By.cssSelector("[data-mail-switches] h2")).getText()))
                .containsExactly("邮件通知");
    }
}
