package io.gatedesk.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The ticket form checks the configuration while the customer types, before anything is filed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InlineConfigCheckBrowserTest {

    @LocalServerPort
    int port;

    ChromeDriver customer;

    @AfterEach
    void tearDown() {
        if (customer != null) {
            customer.quit();
        }
    }

    @Test
    void aDoubledV1ForCursorShowsItsProblemAndTheFixUnderTheBaseUrl() {
        customer = Browser.start("en-US");
        customer.get("http://localhost:" + port + "/");
        new Select(customer.findElement(By.id("client"))).selectByValue("CURSOR");
        customer.findElement(By.id("baseUrl")).sendKeys("https://api.example.com/v1/v1");

        WebDriverWait wait = Browser.waitFor(customer, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#config-check-inline [data-code='DOUBLE_V1']")));
        String result = customer.findElement(By.id("config-check-inline")).getText();
        Browser.screenshot(customer, "inline-config-check");
        assertThat(result).contains("/v1 appears twice", "https://api.example.com/v1");
        assertThat(customer.findElement(By.cssSelector("#config-check-inline [data-fix]")).getText())
                .isEqualTo("https://api.example.com/v1");

        customer.findElement(By.id("baseUrl")).clear();
        customer.findElement(By.id("baseUrl")).sendKeys("https://api.example.com/v1");
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#config-check-inline [data-check-result][data-ok='true']")));
        // A URL is not a key: the field's own secret check stays quiet.
        assertThat(customer.findElements(By.cssSelector("[data-secret-warning]"))).isEmpty();
    }
}
