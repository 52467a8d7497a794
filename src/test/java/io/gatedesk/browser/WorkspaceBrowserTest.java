package io.gatedesk.browser;

import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.Priority;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent workspace in a real browser: an agent saves a view, selects 20 tickets with a shift-click and assigns
 * them in one go, selects every ticket matching the view, tags some and filters the queue by the tag. Screenshots in
 * English and Chinese, wide and narrow.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gatedesk.desk.page-size=20")
@ActiveProfiles("test")
class WorkspaceBrowserTest {

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

    WebDriverWait waitFor(ChromeDriver driver) {
        return Browser.waitFor(driver, Duration.ofSeconds(60));
    }

    void signIn(ChromeDriver driver, String username) {
        driver.manage().deleteAllCookies();
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("workspace-password");
        driver.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        waitFor(driver).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    List<WebElement> picks() {
        return browser.findElements(By.cssSelector("input[data-bulk-pick]"));
    }

    /** A control of the bulk bar: the queue's filter form has controls of the same names. */
    WebElement bulkBar(String name) {
        return browser.findElement(By.cssSelector("#bulk-form [name=" + name + "]"));
    }

    String bulkCount() {
        return browser.findElement(By.cssSelector("[data-bulk-count]")).getText();
    }

    void apply(String expected) {
        browser.findElement(By.cssSelector("[data-bulk-apply]")).click();
        waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-bulk-done]"),
                expected));
        // The queue reloads its rows after a bulk action; wait until the fresh rows have no ticks left.
        waitFor(browser).until(driver -> picks().stream().noneMatch(WebElement::isSelected));
    }

    @Test
    void agentSavesAViewBulkAssignsTwentyTicketsTagsSomeAndFiltersByTheTag() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        StaffMember agent = users.create(new UserService.NewStaffMember("ws-" + marker, "Wang " + marker, null,
                "workspace-password", EnumSet.of(Role.AGENT)));
        List<TicketReceipt> filed = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            filed.add(tickets.submit(new NewTicket("Outage " + i + " " + marker, "503 since 09:00 " + marker,
                    "Customer " + i, "c" + i + "@example.com", null, null, "https://api.example.com/v1", "gpt-4o", null,
                    List.of(), 503, "no available channel", null, null, null, null), Locale.ENGLISH));
        }
        browser.manage().window().setSize(new Dimension(1440, 1000));
        signIn(browser, agent.username());
        browser.get(url("/desk?q=" + marker));
        waitFor(browser).until(driver -> picks().size() == 20);
        waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-bulk-apply]")));
        waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-save-view]")));

        // Save the view the agent is looking at; the sidebar lists it with its count.
        browser.findElement(By.id("view-name")).sendKeys("Outage " + marker);
        browser.findElement(By.cssSelector("[data-view-save]")).click();
        By savedView = By.xpath("//li[.//span[@class='name' and text()='Outage " + marker + "']]");
        waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(savedView));
        assertThat(browser.findElement(savedView).findElement(By.cssSelector("[data-view-count]")).getText())
                .isEqualTo("22");

        // Tick the first row, shift-click the twentieth: twenty selected; assign them to me.
        picks().get(0).click();
        new Actions(browser).keyDown(Keys.SHIFT).click(picks().get(19)).keyUp(Keys.SHIFT).perform();
        assertThat(picks().stream().filter(WebElement::isSelected).count()).isEqualTo(20);
        assertThat(bulkCount()).isEqualTo("20 selected");
        new Select(bulkBar("assignee")).selectByValue("me");
        Browser.screenshot(browser, "workspace-selected-en-1440");
        apply("20 of 20 tickets updated");
        long assigned = filed.stream().filter(r -> agent.id().equals(tickets.detail(r.id()).assigneeId())).count();
        assertThat(assigned).isEqualTo(20);
        new Select(bulkBar("assignee")).selectByValue("");

        // Every ticket on the page, then every ticket matching the view (22, over two pages): priority P1.
        browser.findElement(By.cssSelector("input[data-bulk-page]")).click();
        waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-bulk-select-matching]")));
        browser.findElement(By.cssSelector("[data-bulk-select-matching]")).click();
        assertThat(bulkCount()).isEqualTo("All 22 matching tickets selected");
        new Select(bulkBar("priority")).selectByValue("P1");
        apply("22 of 22 tickets updated");
        assertThat(filed).allSatisfy(r -> assertThat(tickets.detail(r.id()).priority()).isEqualTo(Priority.P1));
        new Select(bulkBar("priority")).selectByValue("");

        // Tag three, then filter the queue by the tag.
        String tag = "outage-" + marker;
        for (int i = 0; i < 3; i++) {
            picks().get(i).click();
        }
        bulkBar("addTags").sendKeys(tag);
        apply("3 of 3 tickets updated");
        waitFor(browser).until(driver -> driver.findElements(By.cssSelector("a.tag-chip[data-tag='" + tag + "']")).size() == 3);
        WebElement tagFilter = browser.findElement(By.cssSelector("input[data-tag-filter]"));
        tagFilter.sendKeys(tag);
        tagFilter.sendKeys(Keys.TAB);
        waitFor(browser).until(driver -> picks().size() == 3);
        assertThat(browser.getCurrentUrl()).contains("tag=" + tag);
        Browser.screenshot(browser, "workspace-tag-filter-en-1440");

        // Make the saved view the default: the bare queue address opens it.
        browser.findElement(savedView).findElement(By.cssSelector("[data-view-default]")).click();
        waitFor(browser).until(ExpectedConditions.presenceOfNestedElementLocatedBy(savedView, By.cssSelector(".default-mark")));
        browser.get(url("/desk"));
        waitFor(browser).until(ExpectedConditions.urlContains("q=" + marker));

        browser.manage().window().setSize(new Dimension(390, 900));
        browser.navigate().refresh();
        waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-bulk-apply]")));
        Browser.screenshot(browser, "workspace-queue-en-390");
        assertThat(Browser.cspViolations(browser)).isEmpty();

        ChromeDriver chinese = Browser.start("zh-CN");
        try {
            chinese.manage().window().setSize(new Dimension(1440, 1000));
            signIn(chinese, agent.username());
            chinese.get(url("/desk?q=" + marker));
            waitFor(chinese).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-bulk-apply]")));
            waitFor(chinese).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-view-count]")));
            chinese.findElements(By.cssSelector("input[data-bulk-pick]")).get(0).click();
            assertThat(chinese.findElement(By.cssSelector("[data-bulk-count]")).getText()).isEqualTo("已选 1 个");
            Browser.screenshot(chinese, "workspace-queue-zh-1440");
            chinese.manage().window().setSize(new Dimension(390, 900));
            chinese.navigate().refresh();
            waitFor(chinese).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-bulk-apply]")));
            Browser.screenshot(chinese, "workspace-queue-zh-390");
        } finally {
            chinese.quit();
        }
    }
}
