package io.gatedesk.browser;

import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.TicketReceipt;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.user.Role;
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
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

/**
 * Merge and split in a real browser: an agent picks the customer's other ticket from the merge panel on the ticket
 * page, reviews both side by side and merges; lands on the kept ticket with the moved thread; the customer's old link
 * shows the kept ticket; then the agent splits a customer message off, and a reply being typed survives it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MergeBrowserTest {

    static ChromeDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    TicketService tickets;
    @Autowired
    UserService users;

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

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    WebDriverWait waitFor() {
        return Browser.waitFor(browser, Duration.ofSeconds(60));
    }

    void signIn(String username) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("merge-password-1");
        browser.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        waitFor().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    TicketReceipt file(String subject, String description, String email) {
        return tickets.submit(new NewTicket(subject, description, "Zhang Wei", email, null, null,
                "https://api.example.com/v1", "gpt-4o", null, List.of(), 401, "invalid key", null, null, null, null),
                Locale.ENGLISH);
    }

    @Test
    void anAgentMergesTwoTicketsFromTheTicketPageAndSplitsAMessageOff() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String email = "zw-" + marker + "@example.com";
        StaffMember agent = users.create(new UserService.NewStaffMember("mb-" + marker, "Li Na " + marker, null,
                "merge-password-1", EnumSet.of(Role.AGENT)));
        TicketReceipt original = file("Key refused " + marker, "Every call answers 401 " + marker, email);
        TicketReceipt duplicate = file("Key refused again " + marker, "Filed twice by mistake " + marker, email);
        tickets.customerReply(duplicate.followToken(), "Also the dashboard is slow " + marker);

        browser.manage().window().setSize(new Dimension(1440, 1100));
        signIn(agent.username());
        browser.get(url("/desk/tickets/" + duplicate.number()));

        // An empty number lists the customer's other open tickets; picking one shows both side by side.
        waitFor().until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-merge-review]"))).click();
        waitFor().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[data-merge-candidate='" + original.number() + "']"))).click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-merge-target]"),
                original.number()));
        assertThat(browser.findElement(By.cssSelector("[data-merge-compare]")).getText())
                .contains("Key refused " + marker, "Key refused again " + marker, email);
        Browser.screenshot(browser, "merge-review");
        browser.findElement(By.cssSelector("[data-merge-confirm]")).click();

        waitFor().until(ExpectedConditions.urlContains("/desk/tickets/" + original.number()));
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-saved]")));
        assertThat(browser.findElement(By.cssSelector("[data-saved]")).getText())
                .contains(duplicate.number() + " was merged into this ticket");
        assertThat(browser.findElements(By.cssSelector("[data-moved-from]"))).hasSize(2);
        assertThat(browser.findElement(By.id("conversation")).getText())
                .contains("Filed twice by mistake " + marker, "Also the dashboard is slow " + marker);
        Browser.screenshot(browser, "merge-done");

        // The merged ticket says where its thread went.
        browser.get(url("/desk/tickets/" + duplicate.number()));
        assertThat(browser.findElement(By.cssSelector("[data-merged-into]")).getText())
                .contains(original.number());
        assertThat(browser.findElements(By.cssSelector("[data-merge-panel]"))).isEmpty();

        // The customer's old link shows the kept ticket.
        browser.manage().deleteAllCookies();
        browser.get(url("/t/" + duplicate.followToken()));
        assertThat(browser.findElement(By.cssSelector("[data-merged-notice]")).getText())
                .contains(duplicate.number(), original.number());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Key refused " + marker);
        Browser.screenshot(browser, "merge-old-follow-link");

        // Splitting the moved customer message off keeps the reply being typed.
        signIn(agent.username());
        browser.get(url("/desk/tickets/" + original.number()));
        browser.findElement(By.id("reply-body")).sendKeys("Half-typed answer " + marker);
        long messageId = tickets.detail(original.id()).messages().stream()
                .filter(m -> m.body().contains("dashboard is slow")).findFirst().orElseThrow().id();
        waitFor().until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-split='" + messageId + "']")))
                .click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-split-link]")));
        assertThat(browser.findElement(By.id("reply-body")).getAttribute("value"))
                .isEqualTo("Half-typed answer " + marker);
        Browser.screenshot(browser, "split-done");
        browser.findElement(By.cssSelector("[data-split-link]")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-split-from]")));
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .contains("Also the dashboard is slow " + marker);
        assertThat(browser.findElement(By.cssSelector("[data-split-from]")).getText()).contains(original.number());
    }

    @Test
    void anAgentTagsATicketFromItsPageAndRemovesATagFromSeveralInTheBulkBar() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        StaffMember agent = users.create(new UserService.NewStaffMember("mt-" + marker, "Wang " + marker, null,
                "merge-password-1", EnumSet.of(Role.AGENT)));
        TicketReceipt first = file("Tagging one " + marker, "First " + marker, "t1-" + marker + "@example.com");
        TicketReceipt second = file("Tagging two " + marker, "Second " + marker, "t2-" + marker + "@example.com");
        String refund = "refund-" + marker;

        browser.manage().window().setSize(new Dimension(1440, 1100));
        signIn(agent.username());
        browser.get(url("/desk/tickets/" + first.number()));
        for (String tag : List.of(refund, "keep-" + marker)) {
            waitFor().until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-tag-add]"))).sendKeys(tag);
            browser.findElement(By.cssSelector("[data-tag-add-button]")).click();
            waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-tag-remove='" + tag
                    + "']")));
        }
        browser.findElement(By.cssSelector("[data-tag-remove='keep-" + marker + "']")).click();
        waitFor().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-tag-remove='keep-" + marker
                + "']"), 0));
        // A tag change is an edit: the reply form learns the new version, so the next reply meets no conflict.
        long version = tickets.detail(first.id()).version();
        waitFor().until(driver -> String.valueOf(version).equals(
                driver.findElement(By.id("reply-version")).getAttribute("value")));
        Browser.screenshot(browser, "ticket-tags");

        browser.get(url("/desk/tickets/" + second.number()));
        waitFor().until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-tag-add]"))).sendKeys(refund);
        browser.findElement(By.cssSelector("[data-tag-add-button]")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-tag-remove='" + refund
                + "']")));

        browser.get(url("/desk?q=" + marker));
        waitFor().until(driver -> driver.findElements(By.cssSelector("input[data-bulk-pick]")).size() == 2);
        browser.findElements(By.cssSelector("input[data-bulk-pick]")).forEach(box -> box.click());
        waitFor().until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-tag-remove-input]")))
                .sendKeys(refund);
        browser.findElement(By.cssSelector("[data-bulk-apply]")).click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-bulk-done]"),
                "2 of 2"));
        Browser.screenshot(browser, "bulk-remove-tags");
        assertThat(tickets.tagsOf(List.of(first.id(), second.id())).values()).allSatisfy(
                tags -> assertThat(tags).doesNotContain(refund));
    }
}
