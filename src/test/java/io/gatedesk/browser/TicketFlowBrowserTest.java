package io.gatedesk.browser;

import io.gatedesk.user.Role;
import io.gatedesk.user.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The main flow in a real browser: a customer files, an agent finds and answers, the customer reads the answer. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TicketFlowBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;

    ChromeDriver customer;
    ChromeDriver agent;
    String marker;

    @BeforeEach
    void setUp() {
        marker = UUID.randomUUID().toString().substring(0, 8);
        users.create(new UserService.NewStaffMember("browser-" + marker, "Mei Agent", null, "browser-password",
                EnumSet.of(Role.AGENT)));
    }

    @AfterEach
    void tearDown() {
        if (customer != null) {
            customer.quit();
        }
        if (agent != null) {
            agent.quit();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    WebDriverWait waitOn(ChromeDriver driver) {
        return Browser.waitFor(driver, Duration.ofSeconds(15));
    }

    @Test
    void customerFilesAgentAnswersCustomerReadsTheAnswer() {
        customer = Browser.start("en-US");
        customer.get(url("/"));
        String subject = "Cursor says model not found " + marker;
        customer.findElement(By.id("customerName")).sendKeys("Ann Customer");
        customer.findElement(By.id("customerEmail")).sendKeys("ann@example.com");
        customer.findElement(By.id("subject")).sendKeys(subject);
        customer.findElement(By.id("description")).sendKeys("Since this morning every request fails.");
        new Select(customer.findElement(By.id("client"))).selectByValue("CURSOR");
        customer.findElement(By.id("baseUrl")).sendKeys("https://api.example.com/v1");
        customer.findElement(By.id("model")).sendKeys("gpt-4o");
        customer.findElement(By.id("statusCode")).sendKeys("404");
        customer.findElement(By.id("requestIds")).sendKeys("20241128093015123456789012345678");
        Browser.screenshot(customer, "1-customer-form");
        customer.findElement(By.cssSelector("form.ticket-form button[type=submit]")).click();

        String number = waitOn(customer).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-ticket-number]"))).getText();
        String followLink = customer.findElement(By.cssSelector("[data-follow-link]")).getAttribute("href");
        assertThat(number).matches("GD-\\d+");
        assertThat(followLink).matches(".*/t/[A-Za-z0-9_-]{43}");
        Browser.screenshot(customer, "2-customer-confirmation");

        agent = Browser.start("en-US");
        agent.get(url("/desk"));
        waitOn(agent).until(ExpectedConditions.urlContains("/login"));
        agent.findElement(By.id("username")).sendKeys("browser-" + marker);
        agent.findElement(By.id("password")).sendKeys("browser-password");
        agent.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        waitOn(agent).until(ExpectedConditions.urlContains("/desk"));

        WebElement search = agent.findElement(By.id("q"));
        search.sendKeys(marker);
        // htmx replaces the results in place; the row for this ticket alone is left.
        waitOn(agent).until(driver -> driver.findElements(By.cssSelector("tr[data-ticket]")).size() == 1
                && driver.findElement(By.cssSelector("tr[data-ticket]")).getAttribute("data-ticket").equals(number));
        waitOn(agent).until(ExpectedConditions.urlContains("q=" + marker));
        Browser.screenshot(agent, "3-agent-queue");
        agent.findElement(By.linkText(number)).click();

        WebElement reply = waitOn(agent).until(ExpectedConditions.elementToBeClickable(By.id("reply-body")));
        // The inferred category loads into its panel by htmx: a 404 naming a model the group lacks.
        WebElement triage = waitOn(agent).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#triage-panel[data-category]")));
        assertThat(triage.getAttribute("data-category")).isEqualTo("MODEL_NOT_AVAILABLE");
        String answer = "Please use the model name gpt-4o-mini: gpt-4o is not in your group. " + marker;
        reply.sendKeys(answer);
        agent.findElement(By.cssSelector(".reply-form button[type=submit]")).click();
        waitOn(agent).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".conversation"), answer));
        waitOn(agent).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-ticket-status]"), "Open"));
        Browser.screenshot(agent, "4-agent-replied");

        customer.get(followLink);
        waitOn(customer).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".conversation"), answer));
        assertThat(customer.findElement(By.cssSelector("[data-ticket-status]")).getText()).isEqualTo("Open");
        Browser.screenshot(customer, "5-customer-follow");
    }

    @Test
    void formErrorsComeBackInChineseWithEverythingTyped() {
        customer = Browser.start("zh-CN");
        customer.get(url("/"));
        customer.findElement(By.id("description")).sendKeys("输出到一半就断了 " + marker);
        customer.findElement(By.id("statusCode")).sendKeys("五百");
        customer.findElement(By.cssSelector("form.ticket-form button[type=submit]")).click();

        waitOn(customer).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "请填写工单标题"));
        assertThat(customer.findElement(By.id("description")).getAttribute("value")).isEqualTo("输出到一半就断了 " + marker);
        assertThat(customer.findElement(By.id("statusCode")).getAttribute("value")).isEqualTo("五百");
        Browser.screenshot(customer, "6-form-errors-zh");
    }
}
