package io.gatedesk.browser;

import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.TicketReceipt;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.user.Role;
import io.gatedesk.user.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gatedesk.desk.poll-interval=1s")
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
        return Browser.waitFor(browser, Duration.ofSeconds(15));
    }

    String file(String subject, List<String> requestIds, String email, String maskedKey) {
        return receipt(subject, requestIds, email, maskedKey).number();
    }

    TicketReceipt receipt(String subject, List<String> requestIds, String email, String maskedKey) {
        NewTicket ticket = new NewTicket(subject, "Every call fails since this morning. " + marker, "Ann Customer",
                email, null, null, "https://api.example.com/v1", "gpt-4o-mini", maskedKey, requestIds, 401,
                "Invalid token", null, null, null, null);
        return tickets.submit(ticket, Locale.ENGLISH);
    }

    List<String> rowNumbers() {
        return browser.findElements(By.cssSelector("tr[data-ticket]")).stream()
                .map(row -> row.getAttribute("data-ticket")).toList();
    }

    void assertNoSidewaysScrolling(String page) {
        Long scrollWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth");
        Long viewport = (Long) browser.executeScript("return window.innerWidth");
        assertThat(scrollWidth).as(page + " scrolls sideways").isLessThanOrEqualTo(viewport);
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
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ticket-head .priority-P1")));
        assertThat(browser.findElement(By.cssSelector("textarea[name=body]")).getAttribute("value")).isEqualTo(draft);
        Browser.screenshot(browser, "loop-2-draft-kept");
    }

    @Test
    void aConflictingReplyIsNotSentAndStaysInTheBox() {
        TicketReceipt receipt = receipt("Conflict " + marker, List.of(), "ann-" + marker + "@example.com", null);
        browser.get(url("/desk/tickets/" + receipt.number()));
        WebElement reply = waitFor().until(ExpectedConditions.elementToBeClickable(By.cssSelector("textarea[name=body]")));
        String draft = "My answer, written while a colleague saves " + marker;
        reply.sendKeys(draft);
        // A colleague changes the ticket meanwhile.
        tickets.customerReply(receipt.followToken(), "One more detail from me " + marker);

        browser.findElement(By.cssSelector("button[data-send]")).click();

        WebElement notice = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-conflict]")));
        assertThat(notice.getText()).contains("not sent");
        assertThat(browser.findElement(By.cssSelector("textarea[name=body]")).getAttribute("value")).isEqualTo(draft);
        assertThat(browser.findElement(By.id("conversation")).getText()).contains("One more detail from me " + marker)
                .doesNotContain(draft);
        // Sent again, it goes through, and the box is empty.
        browser.findElement(By.cssSelector("button[data-send]")).click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation"), draft));
        assertThat(browser.findElement(By.cssSelector("textarea[name=body]")).getAttribute("value")).isEmpty();
        Browser.screenshot(browser, "loop-3-conflict-then-sent");
    }

    @Test
    void aDraftSurvivesSettingTheCategory() {
        String number = file("Category and draft " + marker, List.of(), "ann-" + marker + "@example.com", null);
        browser.get(url("/desk/tickets/" + number));
        WebElement reply = waitFor().until(ExpectedConditions.elementToBeClickable(By.cssSelector("textarea[name=body]")));
        String draft = "Draft kept across the category " + marker;
        reply.sendKeys(draft);
        new Select(waitFor().until(ExpectedConditions.elementToBeClickable(By.id("override-category"))))
                .selectByValue("RATE_LIMITED");
        browser.findElement(By.cssSelector(".override-form button[type=submit]")).click();

        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit"), "Rate limited"));
        assertThat(browser.findElement(By.cssSelector("textarea[name=body]")).getAttribute("value")).isEqualTo(draft);
    }

    @Test
    void sendAndResolveOpensTheNextTicketOfTheViewAndTheWayBackKeepsIt() {
        String first = file("Next A " + marker, List.of(), "ann-" + marker + "@example.com", null);
        String second = file("Next B " + marker, List.of(), "bob-" + marker + "@example.com", null);
        browser.get(url("/desk?q=" + marker + "&sort=CREATED_ASC"));
        waitFor().until(driver -> rowNumbers().equals(List.of(first, second)));
        browser.findElement(By.linkText(first)).click();

        WebElement reply = waitFor().until(ExpectedConditions.elementToBeClickable(By.cssSelector("textarea[name=body]")));
        reply.sendKeys("Fixed on our side, please try again. " + marker);
        WebElement openNext = browser.findElement(By.cssSelector("input[data-open-next]"));
        if (!openNext.isSelected()) {
            openNext.click();
        }
        browser.findElement(By.cssSelector("button[data-send-then=RESOLVED]")).click();

        waitFor().until(ExpectedConditions.urlContains("/desk/tickets/" + second));
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticket-head"), "Next B " + marker));
        assertThat(tickets.detail(tickets.idOf(first).orElseThrow()).status().name()).isEqualTo("RESOLVED");
        Browser.screenshot(browser, "loop-4-next-ticket");

        browser.findElement(By.cssSelector("[data-back-to-queue]")).click();
        waitFor().until(ExpectedConditions.urlContains("/desk?"));
        assertThat(browser.getCurrentUrl()).contains("q=" + marker).contains("sort=CREATED_ASC");
        assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo(marker);
        // The resolved ticket has left the active view.
        waitFor().until(driver -> rowNumbers().equals(List.of(second)));
    }

    @Test
    void theQueueShowsFifteenTicketsAboveTheFoldOneLineEach() {
        for (int i = 0; i < 18; i++) {
            file("Density check number " + i + " with a rather long subject line that goes on " + marker,
                    List.of("req-" + marker + "-" + i), "c" + i + "-" + marker + "@example.com", null);
        }
        browser.get(url("/desk?q=" + marker));
        waitFor().until(driver -> rowNumbers().size() == 18);

        @SuppressWarnings("unchecked")
        List<Object> rows = (List<Object>) browser.executeScript("""
                return Array.from(document.querySelectorAll('tr[data-ticket]')).map(function (row) {
                    var box = row.getBoundingClientRect();
                    return [box.bottom <= window.innerHeight, box.height];
                });""");
        Browser.screenshot(browser, "loop-5-queue-1440");
        long aboveTheFold = rows.stream().filter(row -> (Boolean) ((List<?>) row).get(0)).count();
        assertThat(aboveTheFold).as("rows above the fold, heights " + rows).isGreaterThanOrEqualTo(15);
        assertThat(rows).allSatisfy(row -> assertThat(((Number) ((List<?>) row).get(1)).doubleValue()).isLessThan(40));
        // A badge shortens its own text; the checkbox and the badges are never cut by their cell (which showed a
        // stray "." or "·", the cell's own ellipsis, beside them).
        @SuppressWarnings("unchecked")
        List<Object> cut = (List<Object>) browser.executeScript("""
                return Array.from(document.querySelectorAll('table.queue td, table.queue th'))
                    .filter(function (cell) { return cell.matches('.pick') || (!cell.matches('.subject') && cell.querySelector('.badge')); })
                    .filter(function (cell) { return cell.scrollWidth > cell.clientWidth; })
                    .map(function (cell) { return cell.className + ' ' + cell.scrollWidth + '>' + cell.clientWidth; });""");
        assertThat(cut).as("cells whose content overflows").isEmpty();

        browser.get(url("/desk?q=" + marker + "&lang=zh-CN"));
        waitFor().until(driver -> rowNumbers().size() == 18);
        Browser.screenshot(browser, "loop-5-queue-1440-zh");
        browser.get(url("/desk?q=" + marker + "&lang=en"));
    }

    @Test
    void queueAndTicketPageFitA390PixelPhone() {
        String number = file("Phone check " + marker, List.of("20241204093015123456789012345678" + marker),
                "a-very-long-customer-address-" + marker + "@example-customer-domain.com", "sk-abcd…wxyz");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/desk?q=" + marker));
        waitFor().until(driver -> rowNumbers().size() == 1);
        assertNoSidewaysScrolling("queue");
        Browser.screenshot(browser, "loop-6-queue-390");

        browser.findElement(By.linkText(number)).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#log-evidence[data-log-evidence]")));
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-answers-panel]")));
        assertNoSidewaysScrolling("ticket page");
        Browser.screenshot(browser, "loop-6-ticket-390");

        browser.get(url("/desk/tickets/" + number + "?lang=zh-CN"));
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-answers-panel]")));
        assertNoSidewaysScrolling("ticket page in Chinese");
        Browser.screenshot(browser, "loop-6-ticket-390-zh");
        browser.get(url("/desk?lang=en"));
    }

    @Test
    void theSearchFindsATicketByRequestIdEmailAndTheKeysLastFour() {
        String requestId = "chatreq" + marker + "77";
        String number = file("Found by evidence " + marker, List.of(requestId), "Mei." + marker + "@Example.com",
                "sk-Ab12…Zq9W");
        file("Unrelated " + marker, List.of(), "other-" + marker + "@example.com", null);
        for (String query : List.of(requestId, "mei." + marker + "@example.com", "Zq9W", number)) {
            browser.get(url("/desk?status=all&q=" + query));
            waitFor().until(driver -> rowNumbers().contains(number));
            assertThat(rowNumbers()).as(query).containsExactly(number);
        }
        // Typed into the search box, htmx narrows the queue in place.
        browser.get(url("/desk?status=all"));
        WebElement search = waitFor().until(ExpectedConditions.elementToBeClickable(By.id("q")));
        search.sendKeys(requestId);
        waitFor().until(driver -> rowNumbers().equals(List.of(number)));

        // On the ticket, the request ID is copied with one click.
        browser.get(url("/desk/tickets/" + number));
        browser.executeCdpCommand("Browser.grantPermissions", java.util.Map.of("origin", url(""),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        WebElement copy = waitFor().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#evidence-card button[data-copy='" + requestId + "']")));
        copy.click();
        waitFor().until(ExpectedConditions.textToBePresentInElement(copy, "Copied"));
        Object copied = browser.executeAsyncScript(
                "var done = arguments[0]; navigator.clipboard.readText().then(done, function (e) { done('error ' + e); });");
        assertThat(copied).isEqualTo(requestId);
    }

    @Test
    void newActivityIsAnnouncedAndACustomerReplyIsMarked() {
        TicketReceipt first = receipt("Announce A " + marker, List.of(), "ann-" + marker + "@example.com", null);
        browser.get(url("/desk?q=" + marker));
        waitFor().until(driver -> rowNumbers().size() == 1);
        assertThat(browser.findElements(By.cssSelector("[data-awaiting-reply]"))).isEmpty();

        String second = file("Announce B " + marker, List.of(), "bob-" + marker + "@example.com", null);
        tickets.customerReply(first.followToken(), "Still failing " + marker);
        WebElement show = waitFor().until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-show-news]")));
        Browser.screenshot(browser, "loop-7-news");
        show.click();

        waitFor().until(driver -> rowNumbers().size() == 2 && rowNumbers().contains(second));
        WebElement replied = browser.findElement(By.cssSelector("tr[data-ticket='" + first.number() + "']"));
        assertThat(replied.findElements(By.cssSelector("[data-awaiting-reply]"))).hasSize(1);
    }

    @Test
    void theUnclassifiedFilterIsAlwaysOffered() {
        browser.get(url("/desk"));
        Select category = new Select(waitFor().until(ExpectedConditions.presenceOfElementLocated(By.name("category"))));
        assertThat(category.getOptions()).extracting(option -> option.getAttribute("value")).contains("none");
        category.selectByValue("none");
        waitFor().until(ExpectedConditions.urlContains("category=none"));
    }
}
