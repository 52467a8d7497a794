package io.gatedesk.browser;

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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An agent inserts a suggested short answer into the reply, edits it and sends it; the customer reads the edit. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AnswerInsertBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    TicketService tickets;

    ChromeDriver browser;

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.quit();
        }
    }

    String replyText() {
        Object value = browser.executeScript("var box = document.getElementById('reply-body');"
                + " return box == null ? '' : box.value;");
        return value == null ? "" : value.toString();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void agentInsertsEditsAndSendsASuggestedAnswerAndTheCustomerReadsTheEditedText() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        users.create(new UserService.NewStaffMember("insert-" + marker, "Mei Agent", null, "browser-password",
                EnumSet.of(Role.AGENT)));
        TicketReceipt receipt = tickets.submit(new NewTicket("Cursor: Invalid URL " + marker,
                "Every request fails since I changed the settings.", "Ann Customer", "ann@example.com",
                ClientApp.CURSOR, null, "https://api.example.com", "gpt-4o", null, List.of(), 404,
                "Invalid URL (POST /v1/v1/chat/completions)", null, null, false, CallerType.TEST), Locale.ENGLISH);

        browser = Browser.start("en-US");
        WebDriverWait wait = Browser.waitFor(browser, Duration.ofSeconds(15));
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("insert-" + marker);
        browser.findElement(By.id("password")).sendKeys("browser-password");
        browser.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/desk"));
        browser.get(url("/desk/tickets/" + receipt.number()));

        WebElement reply = wait.until(ExpectedConditions.elementToBeClickable(By.id("reply-body")));
        reply.sendKeys("Thanks for the details.");
        By insert = By.cssSelector("[data-answer-key='wrong-base-url'][data-answer-language='en'] [data-insert]");
        wait.until(ExpectedConditions.elementToBeClickable(insert)).click();
        // Read in one script call: htmx replaces the textarea element, so a held element reference can go stale.
        wait.until(driver -> replyText().contains("please enter exactly"));
        String inserted = replyText();
        assertThat(inserted).startsWith("Thanks for the details.\n\nHi Ann Customer,")
                .contains("Cursor is set to:\n\nhttps://api.example.com\n")
                .contains("please enter exactly:\n\nhttps://api.example.com/v1\n").endsWith("support (" + receipt.number() + ")");
        Browser.screenshot(browser, "answer-1-inserted");

        String edit = " I also checked your key: it is fine. " + marker;
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(ExpectedConditions.elementToBeClickable(By.id("reply-body"))).sendKeys(edit);
        browser.findElement(By.cssSelector(".reply-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".conversation"), marker));
        Browser.screenshot(browser, "answer-2-sent");

        browser.get(url("/t/" + receipt.followToken()));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".conversation"),
                "it is fine. " + marker));
        String conversation = browser.findElement(By.cssSelector(".conversation")).getText();
        assertThat(conversation).contains("Thanks for the details.", "Hi Ann Customer,",
                "https://api.example.com/v1", "support (" + receipt.number() + ") I also checked your key");
        Browser.screenshot(browser, "answer-3-customer");
    }
}
