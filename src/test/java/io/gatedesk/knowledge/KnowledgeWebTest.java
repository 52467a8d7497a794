package io.gatedesk.knowledge;

import io.gatedesk.secret.SampleKeys;
import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.CallerType;
import io.gatedesk.ticket.ClientApp;
import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.TicketReceipt;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.ticket.Visibility;
import io.gatedesk.user.Role;
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The knowledge base's contract through the real security chain: API, public pages, sitemap, feed, llms.txt. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class KnowledgeWebTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String FULL_KEY = SampleKeys.oneApi(new SplittableRandom(77)).written();

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketService tickets;
    @Autowired
    UserService users;
    @Autowired
    UsageLedger ledger;

    String marker;
    String agent;
    String reviewer;

    @BeforeEach
    void setUp() {
        marker = UUID.randomUUID().toString().substring(0, 8);
        agent = "kb-agent-" + marker;
        reviewer = "kb-reviewer-" + marker;
        users.create(new UserService.NewStaffMember(agent, "Kim Writer " + marker, null, "agent-password-1",
                EnumSet.of(Role.AGENT)));
        StaffMember rae = users.create(new UserService.NewStaffMember(reviewer, "Rae Reviewer " + marker, null,
                "agent-password-1", EnumSet.of(Role.AGENT)));
        users.setEditor(rae.id(), true);
    }

    JsonNode call(org.springframework.test.web.servlet.RequestBuilder request, int expected) throws Exception {
        MvcResult result = mvc.perform(request).andExpect(status().is(expected)).andReturn();
        return JSON.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    JsonNode createAs(String who, String role, String body) throws Exception {
        return call(post("/api/v1/articles").with(user(who).roles(role)).contentType(MediaType.APPLICATION_JSON)
                .content(body), 201);
    }

    String article(String title, String lang) {
        return "{\"title\":\"" + title + "\",\"body\":\"## Fix\\n\\nUse `/v1/models` " + marker
                + ".\",\"lang\":\"" + lang + "\",\"category\":\"CONFIGURATION\",\"summary\":\"How " + marker + "\"}";
    }

    @Test
    void anAdminCreatesAndPublishesAndEveryPublicSurfaceShowsTheArticle() throws Exception {
        JsonNode created = createAs("admin", "ADMIN", article("Configure the entry " + marker, "en"));
        assertThat(created.get("status").asString()).isEqualTo("DRAFT");
        assertThat(created.get("lang").asString()).isEqualTo("en");
        long id = created.get("id").asLong();
        String slug = created.get("slug").asString();
        String path = "/kb/en/" + slug;

        mvc.perform(get(path)).andExpect(status().isNotFound());
        mvc.perform(get(path + ".md")).andExpect(status().isNotFound());

        JsonNode published = call(post("/api/v1/articles/" + id + "/publish").with(user("admin").roles("ADMIN")), 200);
        assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
        String url = published.get("url").asString();
        assertThat(url).endsWith(path);

        String html = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Document page = Jsoup.parse(html);
        String ld = page.select("script[type=application/ld+json]").first().data();
        JsonNode jsonLd = JSON.readTree(ld);
        assertThat(jsonLd.get("@type").asString()).isEqualTo("Article");
        assertThat(jsonLd.get("headline").asString()).isEqualTo("Configure the entry " + marker);
        assertThat(jsonLd.get("inLanguage").asString()).isEqualTo("en");
        assertThat(jsonLd.get("dateModified").asString()).isNotBlank();
        assertThat(page.select("link[rel=canonical]").attr("href")).endsWith(path);
        assertThat(page.select("link[rel=alternate][hreflang=x-default]").attr("href")).endsWith(path);
        assertThat(page.select("script:not([src])").stream().filter(s -> !"application/ld+json".equals(s.attr("type"))))
                .as("no inline scripts").isEmpty();

        mvc.perform(get(path + ".md")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.parseMediaType("text/markdown")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("# Configure the entry " + marker)));

        Document sitemap = Jsoup.parse(body("/sitemap.xml"), "", Parser.xmlParser());
        assertThat(sitemap.select("url > loc").eachText()).anyMatch(loc -> loc.endsWith(path));
        assertThat(body("/llms.txt")).contains(path + ".md").startsWith("# ");
        Document feed = Jsoup.parse(body("/kb/feed.atom"), "", Parser.xmlParser());
        assertThat(feed.select("entry > id").eachText()).anyMatch(entryId -> entryId.endsWith(path));
        assertThat(feed.select("entry > updated").first().text()).isNotBlank();

        JsonNode search = call(get("/api/v1/kb/search").param("q", "Configure the entry " + marker), 200);
        assertThat(search.get("items").get(0).get("slug").asString()).isEqualTo(slug);
        assertThat(search.get("items").get(0).get("url").asString()).endsWith(path);
        assertThat(search.get("items").get(0).get("lang").asString()).isEqualTo("en");
        assertThat(ledger.uses(UsageLedger.ARTICLE, slug, "en", UsageLedger.Event.VIEW,
                ledger.today())).isEqualTo(1);
    }

    @Test
    void twinsLinkEachOtherWithHreflangInPagesAndSitemap() throws Exception {
        JsonNode en = createAs("admin", "ADMIN", article("Twin " + marker, "en"));
        String slug = en.get("slug").asString();
        JsonNode zh = createAs("admin", "ADMIN", "{\"title\":\"双胞胎 " + marker + "\",\"body\":\"正文 " + marker
                + "\",\"lang\":\"zh-CN\",\"slug\":\"" + slug + "\"}");
        assertThat(zh.get("slug").asString()).isEqualTo(slug);
        call(post("/api/v1/articles/" + en.get("id").asLong() + "/publish").with(user("admin").roles("ADMIN")), 200);
        call(post("/api/v1/articles/" + zh.get("id").asLong() + "/publish").with(user("admin").roles("ADMIN")), 200);

        Document zhPage = Jsoup.parse(body("/kb/zh-CN/" + slug));
        assertThat(zhPage.select("link[rel=alternate][hreflang=en]").attr("href")).endsWith("/kb/en/" + slug);
        assertThat(zhPage.select("link[rel=alternate][hreflang=zh-CN]").attr("href")).endsWith("/kb/zh-CN/" + slug);
        assertThat(zhPage.select("link[rel=alternate][hreflang=x-default]").attr("href")).endsWith("/kb/en/" + slug);

        Document sitemap = Jsoup.parse(body("/sitemap.xml"), "", Parser.xmlParser());
        var entry = sitemap.select("url").stream()
                .filter(u -> u.selectFirst("loc").text().endsWith("/kb/zh-CN/" + slug)).findFirst().orElseThrow();
        assertThat(entry.select("xhtml|link").eachAttr("hreflang")).containsExactlyInAnyOrder("en", "zh-CN",
                "x-default");
        assertThat(entry.selectFirst("lastmod").text()).isNotBlank();
    }

    @Test
    void anAgentDraftsFromATicketAndNoKeyEmailBalanceOrRequestIdReachesTheDraft() throws Exception {
        String requestId = "2031050110000012345678abcdefgh";
        TicketReceipt receipt = tickets.submit(new NewTicket("gpt-5 model not available " + marker,
                "Key " + FULL_KEY + " my balance is $37.20, mail me at zoe." + marker + "@example.com",
                "Zoe Customer", "zoe." + marker + "@example.com", ClientApp.CURSOR, null, "https://api.example.com/v1",
                "gpt-5", null, List.of(requestId), 503,
                "当前分组 default 下对于模型 gpt-5 无可用渠道 (request id: " + requestId + ")", null, null, false,
                CallerType.TEST), Locale.ENGLISH);
        long ticketId = tickets.idOf(receipt.number()).orElseThrow();
        tickets.addStaffMessage(ticketId, "Hi Zoe Customer, your balance: 37.20 is fine; request " + requestId
                + " shows the group has no channel. Use gpt-4o.", Visibility.PUBLIC, null, new Actor(null, "Kim Writer " + marker));

        JsonNode draft = createAs(agent, "AGENT", "{\"ticket\":\"" + receipt.number() + "\",\"lang\":\"en\"}");
        String text = draft.toString();
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(text).doesNotContain(FULL_KEY).doesNotContain(requestId).doesNotContain("@example.com")
                .doesNotContain("37.20").doesNotContain("Zoe Customer").contains("无可用渠道");

        long id = draft.get("id").asLong();
        call(post("/api/v1/articles/" + id + "/publish").with(user(agent).roles("AGENT")), 403);
        users.create(new UserService.NewStaffMember("kb-plain-" + marker, "Pat Plain", null, "agent-password-1",
                EnumSet.of(Role.AGENT)));
        JsonNode notEditor = call(post("/api/v1/articles/" + id + "/publish").with(user("kb-plain-" + marker)
                .roles("AGENT")), 403);
        assertThat(notEditor.get("error").get("code").asString()).isEqualTo("EDITOR_REQUIRED");
        JsonNode published = call(post("/api/v1/articles/" + id + "/publish").with(user(reviewer).roles("AGENT")), 200);
        assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
    }

    @Test
    void publishingTextWithPersonalDataIsRefusedWithFindingsAndNobodyOverridesIt() throws Exception {
        JsonNode created = createAs(agent, "AGENT", "{\"title\":\"Leaky " + marker + "\",\"lang\":\"en\","
                + "\"body\":\"Write to ops@corp.example.com, key " + FULL_KEY + ", host db1.internal\"}");
        assertThat(created.toString()).doesNotContain(FULL_KEY);
        long id = created.get("id").asLong();

        JsonNode refused = call(post("/api/v1/articles/" + id + "/publish").with(user("admin").roles("ADMIN")), 422);
        assertThat(refused.get("findings").size()).isGreaterThanOrEqualTo(3);
        assertThat(refused.get("findings").valueStream().map(f -> f.get("kind").asString()).toList())
                .contains("EMAIL", "KEY", "INTERNAL_HOST");
        assertThat(refused.get("findings").get(0).get("field").asString()).isEqualTo("body");
        assertThat(refused.get("findings").get(0).get("position").asInt()).isGreaterThanOrEqualTo(0);
        assertThat(refused.toString()).doesNotContain("ops@corp.example.com");
        mvc.perform(get("/kb/en/" + created.get("slug").asString())).andExpect(status().isNotFound());

        JsonNode fixed = call(put("/api/v1/articles/" + id).with(user(agent).roles("AGENT"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"Write to support through the form.\"}"),
                200);
        assertThat(fixed.get("revision").asInt()).isEqualTo(2);
        call(post("/api/v1/articles/" + id + "/publish").with(user(reviewer).roles("AGENT")), 200);
    }

    @Test
    void rolesAndBadInput() throws Exception {
        mvc.perform(post("/api/v1/articles").contentType(MediaType.APPLICATION_JSON).content(article("x", "en")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/articles/1")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/articles").with(user("eng").roles("ENGINEER")).contentType(MediaType.APPLICATION_JSON)
                .content(article("x", "en"))).andExpect(status().isForbidden());
        JsonNode created = createAs(agent, "AGENT", article("Roles " + marker, "en"));
        long id = created.get("id").asLong();
        call(get("/api/v1/articles/" + id).with(user("eng").roles("ENGINEER")), 200);
        mvc.perform(put("/api/v1/articles/" + id).with(user("eng").roles("ENGINEER"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
        JsonNode invalid = call(post("/api/v1/articles").with(user(agent).roles("AGENT"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"\",\"lang\":\"fr\"}"), 400);
        assertThat(invalid.get("error").get("fields").valueStream().map(f -> f.get("field").asString()).toList())
                .contains("title", "body", "lang");
        call(get("/api/v1/articles/987654321").with(user(agent).roles("AGENT")), 404);
        call(post("/api/v1/articles").with(user(agent).roles("AGENT")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"ticket\":\"GD-987654321\",\"lang\":\"en\"}"), 404);
    }

    @Test
    void robotsAllowsTheKnowledgeBaseAndDisallowsTheDesk() throws Exception {
        String robots = body("/robots.txt");
        assertThat(robots).contains("Disallow: /desk", "Disallow: /admin", "Disallow: /t/", "Allow: /kb",
                "Allow: /help", "Sitemap: ");
    }

    @Test
    void theShippedModelNotAvailablePageIsFoundInBothLanguagesAndHasAnchoredErrorStrings() throws Exception {
        JsonNode zh = call(get("/api/v1/kb/search").param("q", "无可用渠道"), 200);
        assertThat(zh.get("items").valueStream().map(i -> i.get("slug").asString())).contains("model-not-available");
        JsonNode en = call(get("/api/v1/kb/search").param("q", "model_not_found").param("lang", "en"), 200);
        assertThat(en.get("items").get(0).get("slug").asString()).isEqualTo("model-not-available");
        assertThat(en.get("items").get(0).get("lang").asString()).isEqualTo("en");

        Document page = Jsoup.parse(body("/kb/en/model-not-available"));
        assertThat(page.select("h3").eachAttr("id")).contains("model_not_found",
                "当前分组-default-下对于模型-gpt-4o-无可用渠道");
        mvc.perform(get("/kb/en")).andExpect(status().isOk());
        mvc.perform(get("/kb/zh-CN")).andExpect(status().isOk());
        mvc.perform(get("/kb/search").param("q", "无可用渠道")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/kb/zh-CN/model-not-available")));
        mvc.perform(get("/kb/related").param("q", "Error: model_not_found for gpt-9").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("model-not-available")));
    }

    @Test
    void clientHelpPageViewsCountInTheLedgerPerLanguage() throws Exception {
        LocalDate today = ledger.today();
        long en = ledger.uses(UsageLedger.HELP_PAGE, "cursor", "en", UsageLedger.Event.VIEW, today);
        long zh = ledger.uses(UsageLedger.HELP_PAGE, "cursor", "zh-CN", UsageLedger.Event.VIEW, today);
        mvc.perform(get("/help/clients/cursor")).andExpect(status().isOk());
        mvc.perform(get("/help/clients/cursor").param("lang", "zh-CN")).andExpect(status().isOk());
        mvc.perform(get("/help/clients/no-such-client")).andExpect(status().isNotFound());
        assertThat(ledger.uses(UsageLedger.HELP_PAGE, "cursor", "en", UsageLedger.Event.VIEW, today)).isEqualTo(en + 1);
        assertThat(ledger.uses(UsageLedger.HELP_PAGE, "cursor", "zh-CN", UsageLedger.Event.VIEW, today))
                .isEqualTo(zh + 1);
    }

    @Test
    void visitorsVoteWithAndWithoutHtmx() throws Exception {
        LocalDate today = ledger.today();
        long before = ledger.uses(UsageLedger.ARTICLE, "glossary", "en", UsageLedger.Event.HELPFUL, today);
        mvc.perform(post("/kb/en/glossary/vote").param("helpful", "true").with(csrf()).header("HX-Request", "true"))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("data-voted")));
        mvc.perform(post("/kb/en/glossary/vote").param("helpful", "true").with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(ledger.uses(UsageLedger.ARTICLE, "glossary", "en", UsageLedger.Event.HELPFUL, today))
                .isEqualTo(before + 2);
        mvc.perform(post("/kb/en/glossary/vote").param("helpful", "true")).andExpect(status().isForbidden());
    }

    private String body(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
