package io.gatedesk.browser;

import io.gatedesk.secret.SampleKeys;
import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.CallerType;
import io.gatedesk.ticket.ClientApp;
import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.TicketReceipt;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.ticket.TicketStatus;
import io.gatedesk.ticket.Visibility;
import io.gatedesk.user.Role;
import io.gatedesk.user.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import java.util.SplittableRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editors' side in Chromium, every new button and form clicked: from a resolved ticket an agent drafts an
 * article; the privacy gate stops a draft holding a key and an email and keeps the text; the agent fixes it, previews
 * and sends it for review; an editor filters the list and publishes; a visitor reads it in both languages; an agent
 * searches the knowledge base from the ticket page and inserts a link into the reply box; an admin changes the
 * self-publishing setting on the use page. Screenshots at 390 and 1440 px, in English and Chinese.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class KbEditorsBrowserTest {

    static final String FULL_KEY = SampleKeys.oneApi(new SplittableRandom(4242)).written();
    static ChromeDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    TicketService tickets;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start("en");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aTicketBecomesAReviewedPublicArticleAndALinkInAReply() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String word = "鲸歌" + marker.replaceAll("[^a-z]", "q");
        String email = "li." + marker + "@example.com";
        users.create(new UserService.NewStaffMember("w-" + marker, "Wu " + marker, null, "writer-password",
                EnumSet.of(Role.AGENT)));
        users.setEditor(users.create(new UserService.NewStaffMember("r-" + marker, "Rao " + marker, null,
                "review-password", EnumSet.of(Role.AGENT))).id(), true);
        users.create(new UserService.NewStaffMember("a-" + marker, "Ada " + marker, null, "admin-password",
                EnumSet.of(Role.ADMIN)));
        TicketReceipt receipt = tickets.submit(new NewTicket(word + " 模型不可用",
                "Key " + FULL_KEY + "，联系 " + email, "Li Customer", email, ClientApp.CHERRY_STUDIO, null,
                "https://api.example.com/v1", "gpt-5", null, List.of(), 503,
                word + "：当前分组 default 下对于模型 gpt-5 无可用渠道", null, null, false, CallerType.PRODUCTION),
                Locale.SIMPLIFIED_CHINESE);
        long ticketId = tickets.idOf(receipt.number()).orElseThrow();
        tickets.reply(ticketId, "请调用 /v1/models，并使用列表中的模型名称。", Visibility.PUBLIC,
                tickets.detail(ticketId).version(), new Actor(null, "Wu " + marker), TicketStatus.RESOLVED);

        // The agent drafts from the resolved ticket, in the customer's language.
        signIn("w-" + marker, "writer-password", "en");
        browser.get(url("/desk/tickets/" + receipt.number()));
        WebElement draftButton = waitFor().until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-kb-draft]")));
        assertThat(new Select(browser.findElement(By.cssSelector("[data-kb-draft-lang]"))).getFirstSelectedOption()
                .getText()).isEqualTo("zh-CN");
        shoot("ticket-panel-en", By.id("kb-panel"));
        draftButton.click();
        waitFor().until(ExpectedConditions.stalenessOf(draftButton));
        waitFor().until(ExpectedConditions.urlMatches("/desk/kb/articles/\\d+$"));
        String editorUrl = browser.getCurrentUrl();
        WebElement body = browser.findElement(By.id("kb-body"));
        assertThat(body.getAttribute("value")).contains(word).doesNotContain(FULL_KEY).doesNotContain(email);
        assertThat(browser.findElement(By.cssSelector("[data-kb-notice]")).getText()).contains("Draft");

        // A key and an email typed into the draft: saved masked, listed by the gate, and review is refused.
        body.sendKeys("\n\nAsk " + email + " or use key " + FULL_KEY);
        press(By.cssSelector("[data-kb-save]"));
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-kb-findings]")));
        assertThat(findingKinds()).contains("EMAIL", "KEY");
        assertThat(browser.findElement(By.id("kb-body")).getAttribute("value")).contains(email).doesNotContain(FULL_KEY);
        press(By.cssSelector("[data-kb-submit]"));
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-kb-findings]")));
        assertThat(browser.findElement(By.cssSelector("[data-kb-status]")).getText()).isEqualTo("Draft");
        assertThat(browser.findElement(By.id("kb-body")).getAttribute("value")).contains(email);
        shoot("editor-refused-en");

        // Fixed, previewed, sent for review.
        WebElement fixed = browser.findElement(By.id("kb-body"));
        fixed.clear();
        fixed.sendKeys("## 报错\n\n" + word + "：无可用渠道\n\n### 60 秒检查\n\n`curl $BASE/v1/models`，逐字比较模型名称。");
        browser.findElement(By.cssSelector("[data-kb-preview]")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#kb-preview h3")));
        press(By.cssSelector("[data-kb-save]"));
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-kb-notice]"), "Saved"));
        assertThat(browser.findElements(By.cssSelector("[data-kb-findings]")))
                .as(() -> browser.findElement(By.cssSelector("[data-kb-findings]")).getText()).isEmpty();
        press(By.cssSelector("[data-kb-submit]"));
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-kb-status]"), "review"));
        assertThat(browser.findElements(By.cssSelector("[data-kb-publish]"))).as("no publish without the flag").isEmpty();
        shoot("editor-in-review-en");

        // The agent also writes one by hand from the list; the editor will archive it.
        browser.get(url("/desk/kb"));
        press(By.cssSelector("[data-kb-new]"));
        browser.findElement(By.id("kb-title")).sendKeys("Scratch " + marker);
        browser.findElement(By.id("kb-body")).sendKeys("Scratch body " + marker);
        press(By.cssSelector("[data-kb-save]"));
        waitFor().until(ExpectedConditions.urlMatches("/desk/kb/articles/\\d+$"));
        String scratchUrl = browser.getCurrentUrl();

        // An editor finds it in review and publishes it; the other one is archived.
        signIn("r-" + marker, "review-password", "zh-CN");
        browser.get(url("/desk/kb"));
        new Select(browser.findElement(By.id("kb-status"))).selectByValue("IN_REVIEW");
        browser.findElement(By.id("kb-desk-q")).sendKeys(word);
        press(By.cssSelector("[data-kb-filter]"));
        waitFor().until(ExpectedConditions.urlContains("status=IN_REVIEW"));
        assertThat(browser.findElements(By.cssSelector("[data-kb-article]"))).hasSize(1);
        shoot("list-zh-CN");
        browser.findElement(By.cssSelector("[data-kb-article] a")).click();
        waitFor().until(ExpectedConditions.urlToBe(editorUrl));
        press(By.cssSelector("[data-kb-publish]"));
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-kb-public-link]")));
        assertThat(browser.findElement(By.cssSelector("[data-kb-status]")).getText()).isEqualTo("已发布");
        press(By.cssSelector("[data-kb-verify]"));
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-kb-notice]")));
        shoot("editor-published-zh-CN");
        String publicPath = java.net.URI.create(browser.findElement(By.cssSelector("[data-kb-public-link]"))
                .getAttribute("href")).getPath();
        browser.get(scratchUrl);
        press(By.cssSelector("[data-kb-archive]"));
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-kb-status]"), "归档"));

        // A visitor reads it, in Chinese and in English.
        browser.manage().deleteAllCookies();
        browser.get(url("/kb/zh-CN?lang=zh-CN"));
        browser.findElement(By.cssSelector("a[href='" + publicPath + "']")).click();
        waitFor().until(ExpectedConditions.urlContains(publicPath));
        assertThat(browser.findElement(By.cssSelector("[data-kb-article] h1")).getText()).contains(word);
        assertThat(browser.getPageSource()).doesNotContain(FULL_KEY).doesNotContain(email);
        shoot("article-zh-CN");
        browser.get(url(publicPath + "?lang=en"));
        assertThat(browser.findElement(By.cssSelector(".kb-meta")).getText()).contains("Last verified");
        shoot("article-en");
        browser.get(url("/kb/en/model-not-available?lang=en"));
        shoot("shipped-article-en");
        browser.get(url("/kb/en?lang=en"));
        shoot("index-en");

        // Back on a ticket, the agent finds the article and puts its link into the reply.
        signIn("w-" + marker, "writer-password", "zh-CN");
        browser.get(url("/desk/tickets/" + receipt.number()));
        WebElement q = waitFor().until(ExpectedConditions.elementToBeClickable(By.id("kb-ticket-q")));
        q.sendKeys(word);
        browser.findElement(By.cssSelector("[data-kb-ticket-search]")).click();
        WebElement insert = waitFor().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[data-kb-insert-url$='" + publicPath + "']")));
        insert.click();
        waitFor().until(d -> d.findElement(By.id("reply-body")).getAttribute("value").contains(publicPath));
        assertThat(browser.findElements(By.cssSelector(".kb-drafts a"))).isNotEmpty();
        shoot("ticket-insert-zh-CN", By.id("kb-panel"));

        // The admin's use page: the setting is saved and the lists show.
        signIn("a-" + marker, "admin-password", "en");
        browser.get(url("/admin/kb"));
        WebElement selfPublishing = browser.findElement(By.cssSelector("input[name=selfPublishing]"));
        assertThat(selfPublishing.isSelected()).isFalse();
        selfPublishing.click();
        press(By.cssSelector("[data-kb-settings-save]"));
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice.ok")));
        assertThat(browser.findElement(By.cssSelector("input[name=selfPublishing]")).isSelected()).isTrue();
        assertThat(browser.findElements(By.cssSelector("[data-kb-unused-asset]"))).isNotEmpty();
        shoot("admin-en");
        browser.findElement(By.cssSelector("input[name=selfPublishing]")).click();
        press(By.cssSelector("[data-kb-settings-save]"));
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice.ok")));
        assertThat(browser.findElement(By.cssSelector("input[name=selfPublishing]")).isSelected()).isFalse();
        browser.get(url("/admin/kb?lang=zh-CN"));
        shoot("admin-zh-CN");
    }

    /** Clicks a button that loads a new page and waits until the old page is gone. */
    void press(By selector) {
        WebElement button = browser.findElement(selector);
        button.click();
        waitFor().until(ExpectedConditions.stalenessOf(button));
    }

    List<String> findingKinds() {
        return browser.findElements(By.cssSelector("[data-kb-finding]")).stream()
                .map(row -> row.getAttribute("data-kb-finding")).toList();
    }

    void signIn(String username, String password, String language) {
        browser.manage().window().setSize(new Dimension(1440, 900));
        browser.manage().deleteAllCookies();
        browser.get(url("/login?lang=" + language));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        waitFor().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** The page at a phone's width and a desktop's, kept as kb-editors-<name>-390 / -1440. */
    void shoot(String name) {
        shoot(name, null);
    }

    /** The same, scrolled so that {@code focus} is in view. */
    void shoot(String name, By focus) {
        for (int width : new int[]{390, 1440}) {
            browser.manage().window().setSize(new Dimension(width, 900));
            if (focus != null) {
                browser.executeScript("arguments[0].scrollIntoView()", browser.findElement(focus));
            }
            Browser.screenshot(browser, "kb-editors-" + name + "-" + width);
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    WebDriverWait waitFor() {
        return Browser.waitFor(browser, Duration.ofSeconds(15));
    }
}
