package io.gatedesk.browser;

import io.gatedesk.support.StoppablePostgres;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer sends the form while PostgreSQL is stopped: the page says the database is away and keeps the text,
 * and once the database is back "Send again" files the ticket, once. The same page in Chinese.
 */
class DatabaseOutageBrowserTest {

    @Test
    void theFormSentDuringAnOutageComesBackWithItsTextAndSendAgainFilesItOnce() throws InterruptedException {
        String subject = "Sent while the database was down " + UUID.randomUUID().toString().substring(0, 8);
        ChromeDriver customer = null;
        ChromeDriver chinese = null;
        try (StoppablePostgres postgres = new StoppablePostgres();
             ConfigurableApplicationContext app = postgres.startApp()) {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            customer = Browser.start("en-US");
            customer.get(base + "/");
            customer.findElement(By.id("customerName")).sendKeys("Ann Customer");
            customer.findElement(By.id("customerEmail")).sendKeys("ann@example.com");
            customer.findElement(By.id("subject")).sendKeys(subject);
            customer.findElement(By.id("description")).sendKeys("Every request fails since this morning.");

            postgres.stop();
            customer.findElement(By.cssSelector("form.ticket-form button[type=submit]")).click();
            WebDriverWait patiently = Browser.waitFor(customer, Duration.ofSeconds(30));
            patiently.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".database-away")));
            assertThat(customer.findElement(By.cssSelector(".database-away")).getText())
                    .contains("GateDesk cannot reach its database", "your text was not lost");
            assertThat(customer.findElement(By.cssSelector("form.kept-submission")).getText())
                    .contains(subject, "Every request fails since this morning.");
            Browser.screenshot(customer, "faults-outage-en");

            chinese = Browser.start("zh-CN");
            chinese.get(base + "/help");
            Browser.waitFor(chinese, Duration.ofSeconds(30))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".database-away")));
            assertThat(chinese.findElement(By.cssSelector(".database-away")).getText())
                    .contains("GateDesk 无法连接到它的数据库");
            Browser.screenshot(chinese, "faults-outage-zh");

            postgres.start();
            // As a customer would: press "Send again" until the database answers. The pool may still hand out a
            // connection broken by the restart once, which is another 503 with the text kept, not a lost ticket.
            String number = null;
            long giveUpAt = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (number == null && System.nanoTime() < giveUpAt) {
                customer.findElement(By.cssSelector("form.kept-submission button[type=submit]")).click();
                number = Browser.waitFor(customer, Duration.ofSeconds(15)).until(driver -> {
                    var sent = driver.findElements(By.cssSelector("[data-ticket-number]"));
                    if (!sent.isEmpty() && sent.get(0).isDisplayed()) {
                        return sent.get(0).getText();
                    }
                    return driver.findElements(By.cssSelector(".database-away")).isEmpty() ? null : "";
                });
                if (number.isEmpty()) {
                    number = null;
                    Thread.sleep(1_000);
                }
            }
            assertThat(number).matches("GD-\\d+");
            Browser.screenshot(customer, "faults-outage-sent-again");
            assertThat(Browser.cspViolations(customer)).isEmpty();
            assertThat(app.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT count(*) FROM tickets WHERE subject = ?", Integer.class, subject)).isEqualTo(1);
        } finally {
            if (customer != null) {
                customer.quit();
            }
            if (chinese != null) {
                chinese.quit();
            }
        }
    }
}
