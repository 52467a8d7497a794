package io.gatedesk.browser;

import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.user.Role;
import io.gatedesk.user.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
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

/**
 * The agent's daily loop in a real browser: the controls an agent uses on every ticket, clicked as a person would.
 * One browser serves the whole class; each test signs in afresh in its own cookie jar.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DeskLoopBrowserTest {

    static ChromeDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    TicketService tickets;

    String marker;
    String username;

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

    @BeforeEach
    void signIn() {
        marker = UUID.randomUUID().toString().substring(0, 8);
        username = "loop-" + marker;
        users.create(new UserService.NewStaffMember(username, "Lin " + marker, null, "loop-password",
                EnumSet.of(Role.AGENT)));
        browser.manage().window().setSize(new Dimension(1440, 900));
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("loop-password");
        browser.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        waitFor().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    WebDriverWait waitFor() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    String file(String subject, List<String> requestIds, String email, String maskedKey) {
        NewTicket ticket = new NewTicket(subject, "Every call fails since this morning. " + marker, "Ann Customer",
                email, null, null, "https://api.example.com/v1", "gpt-4o-mini", maskedKey, requestIds, 401,
                "Invalid token", null, null, null, null);
        return tickets.submit(ticket, Locale.ENGLISH).number();
    }

    @Test
    void assignToMeAssignsTheTicketToTheSignedInAgent() {
        String number = file("Assign me " + marker, List.of(), "ann-" + marker + "@example.com", null);
        browser.get(url("/desk/tickets/" + number));
        WebElement assign = waitFor().until(ExpectedConditions.elementToBeClickable(
                By.xpath("//button[normalize-space()='Assign to me']")));
        assign.click();

        waitFor().until(driver -> new Select(driver.findElement(By.cssSelector("select[name=assignee]")))
                .getFirstSelectedOption().getText().equals("Lin " + marker));
        assertThat(browser.getPageSource()).doesNotContain("The request could not be understood");
        browser.navigate().refresh();
        assertThat(new Select(waitFor().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("select[name=assignee]")))).getFirstSelectedOption().getText())
                .isEqualTo("Lin " + marker);
        Browser.screenshot(browser, "loop-1-assigned");
    }

    @Test
    void anUnsentReplySurvivesSavingThePriority() {
        String number = file("Keep my draft " + marker, List.of(), "ann-" + marker + "@example.com", null);
        browser.get(url("/desk/tickets/" + number));
        WebElement reply = waitFor().until(ExpectedConditions.elementToBeClickable(By.cssSelector("textarea[name=body]")));
        String draft = "Half-written answer for " + marker;
        reply.sendKeys(draft);

        new Select(browser.findElement(By.cssSelector("select[name=priority]"))).selectByValue("P1");
        WebElement save = browser.findElements(By.cssSelector("form.workflow button")).stream()
                .filter(b -> b.getText().equals("Save")).findFirst().orElse(null);
        if (save != null && save.isDisplayed()) {
            save.click();
        }
        waitFor().until(driver -> driver.findElement(By.cssSelector("[data-ticket-priority]")).getText().equals("P1"));
        assertThat(browser.findElement(By.cssSelector("textarea[name=body]")).getAttribute("value")).isEqualTo(draft);
        Browser.screenshot(browser, "loop-2-draft-kept");
    }
}
