package io.gatedesk.browser;

import io.gatedesk.support.StaffHttpClient;
import io.gatedesk.user.Role;
import io.gatedesk.user.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Login throttling, the login audit and the profile's sessions and password in a real browser: every new button
 * clicked once (End session, Save password, the audit filter, an admin's Sign out everywhere), in English and
 * Chinese.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LoginProtectionBrowserTest {

    static final String PASSWORD = "browser passphrase one";
    static ChromeDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    UserService users;

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
    void freshUser() {
        username = "bro-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new UserService.NewStaffMember(username, "Bo " + username, null, PASSWORD,
                EnumSet.of(Role.AGENT)));
        browser.manage().deleteAllCookies();
    }

    @Test
    void fiveWrongPasswordsBringTheWaitMessageAndAdminsSeeTheLockoutInTheAudit() {
        for (int i = 1; i <= 5; i++) {
            typeLogin(username, "wrong password " + i);
        }
        WebElement message = waitFor().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-login-throttled]")));
        assertThat(message.getText()).contains("Too many failed logins").containsPattern("wait \\d+ seconds");
        assertThat(browser.findElement(By.id("username")).getAttribute("value")).isEqualTo(username);
        Browser.screenshot(browser, "sec-auth-login-throttled-en");

        typeLogin(username, PASSWORD);
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-login-throttled]")));
        assertThat(browser.getCurrentUrl()).contains("/login");

        browser.get(url("/?lang=zh-CN"));
        typeLogin(username, PASSWORD);
        assertThat(waitFor().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-login-throttled]"))).getText()).contains("登录失败次数过多");
        Browser.screenshot(browser, "sec-auth-login-throttled-zh");

        browser.manage().deleteAllCookies();
        typeLogin("admin", "test-admin-password");
        waitFor().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        browser.get(url("/admin/login-audit?lang=en"));
        browser.findElement(By.id("audit-user")).sendKeys(username);
        new Select(browser.findElement(By.id("audit-outcome"))).selectByValue("LOCKOUT");
        browser.findElement(By.cssSelector("[data-audit-filter] button[type=submit]")).click();
        waitFor().until(ExpectedConditions.urlContains("outcome=LOCKOUT"));
        List<WebElement> rows = browser.findElements(By.cssSelector("tr[data-audit-outcome]"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains(username, "Locked out", "Login form");
        Browser.screenshot(browser, "sec-auth-login-audit-en");
        browser.get(url("/admin/login-audit?lang=zh-CN&user=" + username));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("登录审计", "已锁定");
        Browser.screenshot(browser, "sec-auth-login-audit-zh");
        browser.get(url("/login?lang=en"));
    }

    @Test
    void aUserEndsAnotherSessionAndChangesTheirPasswordFromTheProfile() {
        StaffHttpClient phone = new StaffHttpClient(port);
        phone.login(username, PASSWORD);
        assertThat(phone.get("/desk").statusCode()).isEqualTo(200);

        typeLogin(username, PASSWORD);
        waitFor().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        browser.get(url("/profile?lang=en"));
        List<WebElement> sessions = browser.findElements(By.cssSelector("[data-sessions] tr[data-session]"));
        assertThat(sessions).hasSize(2);
        Browser.screenshot(browser, "sec-auth-profile-sessions-en");
        browser.findElement(By.cssSelector("[data-end-session]")).click();
        assertThat(waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice.ok")))
                .getText()).contains("The session was ended");
        assertThat(browser.findElements(By.cssSelector("[data-sessions] tr[data-session]"))).hasSize(1);
        assertThat(phone.get("/desk").statusCode()).as("the other device is signed out").isEqualTo(302);

        browser.findElement(By.id("currentPassword")).sendKeys(PASSWORD);
        browser.findElement(By.id("newPassword")).sendKeys("my new browser passphrase");
        browser.findElement(By.cssSelector("form[action$='/profile/password'] button[type=submit]")).click();
        assertThat(waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice.ok")))
                .getText()).contains("Your password was changed");
        StaffHttpClient laptop = new StaffHttpClient(port);
        assertThat(laptop.login(username, "my new browser passphrase").headers().firstValue("Location").orElse(""))
                .contains("/desk");

        browser.get(url("/profile?lang=zh-CN"));
        assertThat(browser.findElement(By.cssSelector("[data-sessions]")).getText()).contains("活动会话", "当前浏览器");
        Browser.screenshot(browser, "sec-auth-profile-sessions-zh");

        // An admin signs the colleague out of every browser at once.
        browser.manage().deleteAllCookies();
        typeLogin("admin", "test-admin-password");
        waitFor().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        browser.get(url("/admin/users/" + users.findByUsername(username).orElseThrow().id() + "?lang=en"));
        browser.findElement(By.cssSelector("[data-end-all-sessions]")).click();
        assertThat(waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice.ok")))
                .getText()).contains("session(s) ended");
        Browser.screenshot(browser, "sec-auth-admin-sessions-en");
        assertThat(laptop.get("/desk").statusCode()).isEqualTo(302);
        browser.get(url("/profile?lang=en"));
    }

    private void typeLogin(String name, String password) {
        browser.get(url("/login"));
        WebElement user = browser.findElement(By.id("username"));
        user.clear();
        user.sendKeys(name);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        waitFor().until(ExpectedConditions.stalenessOf(user));
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    WebDriverWait waitFor() {
        return Browser.waitFor(browser, Duration.ofSeconds(15));
    }
}
