package io.gatedesk.browser;

import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.TicketChange;
import io.gatedesk.ticket.TicketReceipt;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.ticket.Priority;
import io.gatedesk.user.Role;
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attachments, presence and the keyboard in two real browsers: an English one (a customer, then the agent 张伟) and a
 * Chinese one (the agent 李娜), so "is viewing" is seen across sessions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AttachmentPresenceBrowserTest {

    static final String KEY = "sk-Zq81mWk2Lp5Rt7Yx3Nc9Vb4Hd6Fg0Js8Ka1Qe2Wr3Ty4Ui";

    static ChromeDriver english;
    static ChromeDriver chinese;

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    TicketService tickets;

    String marker;
    StaffMember zhang;
    StaffMember li;

    @BeforeAll
    static void startBrowsers() {
        english = Browser.start("en-US");
        chinese = Browser.start("zh-CN");
    }

    @AfterAll
    static void stopBrowsers() {
        for (ChromeDriver driver : new ChromeDriver[]{english, chinese}) {
            if (driver != null) {
                driver.quit();
            }
        }
    }

    @BeforeEach
    void staff() {
        marker = UUID.randomUUID().toString().substring(0, 6);
        zhang = users.create(new UserService.NewStaffMember("zhang-" + marker, "张伟", null, "attach-password",
                EnumSet.of(Role.AGENT)));
        li = users.create(new UserService.NewStaffMember("li-" + marker, "李娜", null, "attach-password",
                EnumSet.of(Role.AGENT)));
        for (ChromeDriver driver : new ChromeDriver[]{english, chinese}) {
            driver.manage().window().setSize(new Dimension(1360, 1000));
            driver.manage().deleteAllCookies();
        }
    }

    private void signIn(ChromeDriver driver, StaffMember who) {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(who.username());
        driver.findElement(By.id("password")).sendKeys("attach-password");
        driver.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        waitFor(driver).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private TicketReceipt file(String subject) {
        return tickets.submit(new NewTicket(subject, "Every call answers 401", "Ann", "ann@example.com", null, null,
                null, null, null, null, 401, null, null, null, null, null), Locale.ENGLISH);
    }

    @Test
    void aCustomerFilesATicketWithAHarFileAndSeesTheKeyMasked() throws IOException {
        Path har = Files.createTempFile("session-", ".har");
        Files.writeString(har, """
                {"log": {"version": "1.2", "entries": [{"request": {"method": "POST",
                  "url": "https://api.example.com/v1/chat/completions",
                  "headers": [{"name": "Authorization", "value": "Bearer %s"}]},
                  "response": {"status": 401, "headers": []}}]}}
                """.formatted(KEY), StandardCharsets.UTF_8);
        english.get(url("/"));
        english.findElement(By.id("customerName")).sendKeys("Ann Customer");
        english.findElement(By.id("customerEmail")).sendKeys("ann@example.com");
        english.findElement(By.id("subject")).sendKeys("401 everywhere " + marker);
        english.findElement(By.id("description")).sendKeys("The HAR shows the failing call.");
        english.findElement(By.id("ticket-files")).sendKeys(har.toAbsolutePath().toString());
        english.findElement(By.cssSelector("form.ticket-form button[type=submit]")).click();
        WebElement follow = waitFor(english).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-follow-link]")));
        english.get(follow.getAttribute("href"));

        WebElement attachment = waitFor(english).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-attachment]")));
        assertThat(attachment.getText()).contains(har.getFileName().toString());
        attachment.findElement(By.cssSelector("details summary")).click();
        String shown = attachment.findElement(By.cssSelector("[data-attachment-text]")).getText();
        assertThat(shown).contains("Bearer sk-").contains("…").doesNotContain(KEY);
        assertThat(english.getPageSource()).doesNotContain(KEY);
        shot(english, "attach-follow-en");
    }

    @Test
    void anAgentUploadsAScreenshotAndSeesItsThumbnail() throws IOException {
        TicketReceipt ticket = file("Screenshot " + marker);
        Path png = Files.createTempFile("screen-", ".png");
        BufferedImage image = new BufferedImage(1280, 720, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x0969da));
        g.fillRect(0, 0, 1280, 720);
        g.setColor(Color.WHITE);
        g.fillRect(200, 200, 880, 320);
        g.dispose();
        ImageIO.write(image, "png", png.toFile());

        for (ChromeDriver driver : new ChromeDriver[]{english, chinese}) {
            signIn(driver, driver == english ? zhang : li);
            driver.get(url("/desk/tickets/" + ticket.number()));
            WebElement input = waitFor(driver).until(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-attach-files]")));
            if (driver == english) {
                input.sendKeys(png.toAbsolutePath().toString());
                driver.findElement(By.cssSelector("[data-attach-upload]")).click();
            }
            WebElement thumbnail = waitFor(driver).until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-attachment-thumbnail]")));
            waitFor(driver).until(d -> ((Number) driver.executeScript("return arguments[0].naturalWidth",
                    thumbnail)).intValue() > 0);
            assertThat(((Number) driver.executeScript("return arguments[0].naturalWidth", thumbnail)).intValue())
                    .isEqualTo(320);
            driver.executeScript("document.getElementById('attachments-panel').scrollIntoView()");
            shot(driver, driver == english ? "attach-desk-en" : "attach-desk-zh");
        }
    }

    @Test
    void aSecondSessionSeesWhoIsViewingAndTyping() {
        TicketReceipt ticket = file("Presence " + marker);
        signIn(english, zhang);
        signIn(chinese, li);
        english.get(url("/desk/tickets/" + ticket.number()));
        chinese.get(url("/desk/tickets/" + ticket.number()));

        waitFor(chinese).until(ExpectedConditions.textToBePresentInElementLocated(By.id("presence-panel"),
                "张伟 正在查看"));
        waitFor(english).until(ExpectedConditions.textToBePresentInElementLocated(By.id("presence-panel"),
                "李娜 is viewing"));
        english.findElement(By.id("reply-body")).sendKeys("Checking the key now");
        waitFor(chinese).until(ExpectedConditions.textToBePresentInElementLocated(By.id("presence-panel"),
                "张伟 正在输入回复"));
        shot(chinese, "attach-presence-zh");
        shot(english, "attach-presence-en");
    }

    @Test
    void aConflictKeepsTheTypedReply() {
        TicketReceipt ticket = file("Conflict " + marker);
        signIn(english, zhang);
        english.get(url("/desk/tickets/" + ticket.number()));
        WebElement reply = waitFor(english).until(ExpectedConditions.elementToBeClickable(By.id("reply-body")));
        reply.sendKeys("A long careful answer");
        // Someone else saves the ticket meanwhile: the page's version is now stale.
        tickets.change(ticket.id(), new TicketChange(null, Priority.P1, null, false),
                tickets.detail(ticket.id()).version(), Actor.of(li));
        english.findElement(By.cssSelector("#reply-form [data-send]")).click();

        waitFor(english).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-conflict]")));
        assertThat(english.findElement(By.id("reply-body")).getAttribute("value")).isEqualTo("A long careful answer");
    }

    @Test
    void theQuestionMarkShowsTheShortcutsAndJkOWorkTheQueue() {
        file("Keyboard one " + marker);
        file("Keyboard two " + marker);
        for (ChromeDriver driver : new ChromeDriver[]{chinese, english}) {
            signIn(driver, driver == english ? zhang : li);
            driver.get(url("/desk"));
            waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-ticket]")));
            new Actions(driver).sendKeys("?").perform();
            WebElement dialog = driver.findElement(By.cssSelector("[data-shortcuts-dialog]"));
            waitFor(driver).until(d -> dialog.getAttribute("open") != null);
            assertThat(dialog.getText()).contains(driver == english ? "Next ticket in the queue" : "队列中的下一个工单");
            shot(driver, driver == english ? "attach-shortcuts-en" : "attach-shortcuts-zh");
            new Actions(driver).sendKeys(Keys.ESCAPE).perform();
            waitFor(driver).until(d -> dialog.getAttribute("open") == null);
        }

        new Actions(english).sendKeys("j").sendKeys("j").sendKeys("k").sendKeys("j").perform();
        var rows = english.findElements(By.cssSelector("tr[data-ticket]"));
        assertThat(rows.get(1).getAttribute("class")).contains("kb-current");
        assertThat(rows.get(0).getAttribute("class")).doesNotContain("kb-current");
        String second = rows.get(1).getAttribute("data-ticket");
        new Actions(english).sendKeys("o").perform();
        waitFor(english).until(ExpectedConditions.urlContains("/desk/tickets/" + second));

        // On the ticket: n starts an internal note; typing "j" there types, it does not move anything.
        waitFor(english).until(ExpectedConditions.presenceOfElementLocated(By.id("reply-body")));
        new Actions(english).sendKeys("n").perform();
        assertThat(english.switchTo().activeElement().getAttribute("id")).isEqualTo("reply-body");
        assertThat(english.findElement(By.cssSelector("#reply-form input[value=INTERNAL]")).isSelected()).isTrue();
        new Actions(english).sendKeys("jk?").perform();
        assertThat(english.findElement(By.id("reply-body")).getAttribute("value")).isEqualTo("jk?");
        assertThat(english.findElement(By.cssSelector("[data-shortcuts-dialog]")).getAttribute("open")).isNull();
        english.findElement(By.id("reply-body")).clear();
        english.findElement(By.tagName("h1")).click();
        new Actions(english).sendKeys("a").perform();
        waitFor(english).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-ticket-assignee]"), "张伟"));
    }

    private static void shot(ChromeDriver driver, String name) {
        Browser.screenshot(driver, name);
        try {
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), Path.of("/tmp", name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException ignored) {
            // The copy under target/screenshots is the one kept.
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static WebDriverWait waitFor(ChromeDriver driver) {
        return Browser.waitFor(driver, Duration.ofSeconds(20));
    }
}
