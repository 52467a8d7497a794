package io.gatedesk.browser;

import io.gatedesk.secret.SampleKeys;
import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.CallerType;
import io.gatedesk.ticket.ClientApp;
import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.TicketStatus;
import io.gatedesk.ticket.TicketReceipt;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.ticket.Visibility;
import io.gatedesk.user.Role;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The knowledge base end to end over real HTTP and in Chromium: an agent drafts an article from a resolved ticket
 * holding a key, an email, a balance and a request ID (none reaches the draft), a reviewer publishes it, and a
 * visitor finds it by a Chinese query and sees it suggested on the ticket form as they type the error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class KnowledgeBrowserTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String FULL_KEY = SampleKeys.newApi(new SplittableRandom(2525)).written();
    static ChromeDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    TicketService tickets;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start("zh-CN");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aDraftFromAResolvedTicketIsPublishedByAReviewerAndFoundByAVisitorInChinese() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String word = "鲸落" + marker.replaceAll("[^a-z]", "x");
        String requestId = "2031050110000012345678" + "abcdefgh";
        String email = "mei." + marker + "@example.com";
        users.create(new UserService.NewStaffMember("writer-" + marker, "Wen " + marker, null, "writer-password",
                EnumSet.of(Role.AGENT)));
        // The reviewer is an agent with the editor flag: only editors and admins publish.
        users.setEditor(users.create(new UserService.NewStaffMember("review-" + marker, "Rui " + marker, null,
                "review-password", EnumSet.of(Role.AGENT))).id(), true);
        TicketReceipt receipt = tickets.submit(new NewTicket(word + " 模型调用失败",
                "Key " + FULL_KEY + "，余额 ¥128.50，联系 " + email, "Mei Customer", email, ClientApp.CHERRY_STUDIO,
                null, "https://api.example.com/v1", "gpt-5", null, List.of(requestId), 503,
                word + "：当前分组 default 下对于模型 gpt-5 无可用渠道 (request id: " + requestId + ")", null, null,
                false, CallerType.PRODUCTION), Locale.SIMPLIFIED_CHINESE);
        long ticketId = tickets.idOf(receipt.number()).orElseThrow();
        tickets.reply(ticketId, "请使用 /v1/models 列出的名称，余额 ¥128.50 充足。", Visibility.PUBLIC,
                tickets.detail(ticketId).version(), new Actor(null, "Wen " + marker), TicketStatus.RESOLVED);

        JsonNode draft = api("POST", "/api/v1/articles", "writer-" + marker, "writer-password",
                "{\"ticket\":\"" + receipt.number() + "\",\"lang\":\"zh-CN\"}", 201);
        assertThat(draft.toString()).doesNotContain(FULL_KEY).doesNotContain(email).doesNotContain("128.50")
                .doesNotContain(requestId).contains(word);
        JsonNode published = api("POST", "/api/v1/articles/" + draft.get("id").asLong() + "/publish",
                "review-" + marker, "review-password", "", 200);
        String path = URI.create(published.get("url").asString()).getPath();

        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(url("/kb/zh-CN?lang=zh-CN"));
        browser.findElement(By.id("kb-q")).sendKeys(word);
        browser.findElement(By.cssSelector("form.kb-search button[type=submit]")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-kb-results] a")));
        Browser.screenshot(browser, "knowledge-search-zh-CN");
        browser.findElement(By.cssSelector("[data-kb-results] a[href='" + path + "']")).click();
        waitFor().until(ExpectedConditions.urlContains(path));
        assertThat(browser.getPageSource()).doesNotContain(FULL_KEY).doesNotContain(email);
        browser.findElement(By.cssSelector("[data-vote-yes]")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-voted]")));
        Browser.screenshot(browser, "knowledge-article-zh-CN");

        browser.get(url("/?lang=zh-CN"));
        browser.findElement(By.id("errorMessage")).sendKeys(word + " 无可用渠道");
        waitFor().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-kb-related-list] a[href^='" + path + "']")));
        Browser.screenshot(browser, "knowledge-related-zh-CN");

        browser.get(url("/kb/en/model-not-available?lang=en"));
        Browser.screenshot(browser, "knowledge-article-en");
    }

    JsonNode api(String method, String path, String user, String password, String body, int expected)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        return JSON.readTree(response.body());
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    WebDriverWait waitFor() {
        return Browser.waitFor(browser, Duration.ofSeconds(10));
    }
}
