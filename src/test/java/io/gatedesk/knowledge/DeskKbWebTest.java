package io.gatedesk.knowledge;

import io.gatedesk.answer.AnswerService;
import io.gatedesk.answer.ChecklistService;
import io.gatedesk.answer.ShortAnswer;
import io.gatedesk.answer.TicketChecklist;
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
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The editors' pages through the real security chain: list, editor, preview, review and publish, history, the
 * ticket page's panel (with and without htmx), the admin use page, and the use ledger's hooks for answers and
 * checklists. Every role is tried; bad input gets a message in the user's language and never a 500.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DeskKbWebTest {

    static final String FULL_KEY = SampleKeys.oneApi(new SplittableRandom(2525)).written();

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketService tickets;
    @Autowired
    UserService users;
    @Autowired
    UsageLedger ledger;
    @Autowired
    KnowledgeBase kb;
    @Autowired
    AnswerService answers;
    @Autowired
    ChecklistService checklists;

    String marker;
    String writer;
    String editor;
    String secondEditor;

    @BeforeEach
    void setUp() {
        marker = UUID.randomUUID().toString().substring(0, 8);
        writer = "kbw-" + marker;
        editor = "kbe-" + marker;
        secondEditor = "kbe2-" + marker;
        users.create(new UserService.NewStaffMember(writer, "Wendy Writer " + marker, null, "agent-password-1",
                EnumSet.of(Role.AGENT)));
        for (String name : List.of(editor, secondEditor)) {
            StaffMember member = users.create(new UserService.NewStaffMember(name, "Ed " + name, null,
                    "agent-password-1", EnumSet.of(Role.AGENT)));
            users.setEditor(member.id(), true);
        }
    }

    @AfterEach
    void selfPublishingOff() {
        kb.setSelfPublishing(false, "test");
    }

    RequestPostProcessor agent(String name) {
        return user(name).roles("AGENT");
    }

    static RequestPostProcessor admin() {
        return user("admin").roles("ADMIN");
    }

    static RequestPostProcessor engineer() {
        return user("eve").roles("ENGINEER");
    }

    Document page(MockHttpServletRequestBuilder request, int expected) throws Exception {
        MvcResult result = mvc.perform(request).andExpect(status().is(expected)).andReturn();
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** Creates a draft through the editor form and answers its id. */
    long draft(String who, String title, String body) throws Exception {
        MvcResult result = mvc.perform(post("/desk/kb/articles").with(agent(who)).with(csrf())
                        .param("title", title).param("body", body).param("articleLang", "en").param("category", "CONFIGURATION")
                        .param("summary", "").param("tags", "").param("slug", ""))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/desk/kb/articles/*"))
                .andReturn();
        String location = result.getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    MockHttpServletRequestBuilder save(long id, String title, String body) {
        return post("/desk/kb/articles/" + id).with(csrf()).param("title", title).param("body", body)
                .param("summary", "").param("tags", "").param("category", "CONFIGURATION").param("slug", "")
                .param("version", String.valueOf(kb.find(id).version()));
    }

    String statusOf(long id) {
        return kb.find(id).status().name();
    }

    // ------------------------------------------------------------------------------------------------ roles

    @Test
    void theListAndEditorAreForAgentsAndAdminsNotEngineersNorAnonymous() throws Exception {
        long id = draft(writer, "Roles page " + marker, "Body " + marker);

        Document list = page(get("/desk/kb").with(agent(writer)), 200);
        assertThat(list.select("[data-kb-article]").eachAttr("data-kb-article")).anyMatch(a -> a.endsWith("/en")
                && a.startsWith("roles-page-" + marker));
        assertThat(page(get("/desk/kb").param("status", "DRAFT").param("q", marker).with(admin()), 200)
                .select("[data-kb-article]")).hasSize(1);
        assertThat(page(get("/desk/kb").param("status", "PUBLISHED").param("q", marker).with(admin()), 200)
                .select("[data-kb-article]")).isEmpty();
        // An unknown status filter lists everything rather than failing.
        page(get("/desk/kb").param("status", "nonsense").with(agent(writer)), 200);

        page(get("/desk/kb/articles/" + id).with(admin()), 200);
        page(get("/desk/kb/articles/new").with(agent(writer)), 200);
        mvc.perform(get("/desk/kb").with(engineer())).andExpect(status().isForbidden());
        mvc.perform(get("/desk/kb/articles/" + id).with(engineer())).andExpect(status().isForbidden());
        mvc.perform(post("/desk/kb/articles/" + id + "/publish").with(engineer()).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/desk/kb")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/desk/kb/articles").with(csrf()).param("title", "x")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/kb").with(agent(editor))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/kb").with(engineer())).andExpect(status().isForbidden());
        mvc.perform(get("/admin/kb")).andExpect(status().is3xxRedirection());
        // Without the CSRF token a state change is refused even for an editor.
        mvc.perform(post("/desk/kb/articles/" + id + "/publish").with(agent(editor))).andExpect(status().isForbidden());
    }

    // ------------------------------------------------------------------------------------------------ the gate

    @Test
    void savingADraftWithAKeyAndAnEmailKeepsTheTextMasksTheKeyAndListsWhy() throws Exception {
        long id = draft(writer, "Leaky draft " + marker, "Mail ops." + marker + "@example.com with key " + FULL_KEY);

        Document editorPage = page(get("/desk/kb/articles/" + id).with(agent(writer)), 200);
        String body = editorPage.selectFirst("#kb-body").text();
        assertThat(body).contains("ops." + marker + "@example.com").doesNotContain(FULL_KEY).contains("Mail");
        assertThat(editorPage.select("[data-kb-finding]").eachAttr("data-kb-finding")).contains("EMAIL", "KEY");
        assertThat(editorPage.select("[data-kb-findings]").text()).doesNotContain("ops." + marker + "@example.com");

        // Sending it for review is refused, with the findings and the text still there.
        Document refused = page(post("/desk/kb/articles/" + id + "/submit").with(agent(writer)).with(csrf()), 422);
        assertThat(refused.select("[data-kb-finding]").eachAttr("data-kb-finding")).contains("EMAIL", "KEY");
        assertThat(refused.selectFirst("#kb-body").text()).contains("Mail ops.");
        assertThat(statusOf(id)).isEqualTo("DRAFT");

        // Nobody publishes past the gate, not even an admin.
        page(post("/desk/kb/articles/" + id + "/publish").with(admin()).with(csrf()), 422);
        assertThat(statusOf(id)).isEqualTo("DRAFT");
    }

    @Test
    void aRefusedSaveOfAPublishedArticleKeepsWhatWasTypedButNeverTheFullKey() throws Exception {
        long id = draft(writer, "Public one " + marker, "Clean text " + marker);
        mvc.perform(post("/desk/kb/articles/" + id + "/publish").with(agent(editor)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo("PUBLISHED");

        Document refused = page(save(id, "Public one " + marker, "Typed text with " + FULL_KEY + " and more")
                .with(agent(editor)), 422);
        String kept = refused.selectFirst("#kb-body").text();
        assertThat(kept).contains("Typed text with").contains("and more").doesNotContain(FULL_KEY);
        assertThat(refused.select("[data-kb-finding]").eachAttr("data-kb-finding")).contains("KEY");
        assertThat(kb.find(id).body()).isEqualTo("Clean text " + marker);
        // A writer without the editor flag cannot change what is public.
        Document notEditor = page(save(id, "Changed " + marker, "x").with(agent(writer)), 403);
        assertThat(notEditor.select("[data-kb-problem]").text()).contains("editors");
    }

    // ------------------------------------------------------------------------------------------------ review

    @Test
    void aWriterSubmitsAndASecondEditorPublishesWhileTheLastEditorCannot() throws Exception {
        long id = draft(writer, "Review flow " + marker, "Check `/v1/models` " + marker);

        mvc.perform(post("/desk/kb/articles/" + id + "/submit").with(agent(writer)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo("IN_REVIEW");
        Document again = page(post("/desk/kb/articles/" + id + "/submit").with(agent(writer)).with(csrf()), 409);
        assertThat(again.select("[data-kb-problem]").text()).isNotBlank();

        Document notEditor = page(post("/desk/kb/articles/" + id + "/publish").with(agent(writer)).with(csrf()), 403);
        assertThat(notEditor.select("[data-kb-publish]")).as("no publish button without the flag").isEmpty();

        // The author edits while in review: it stays in review, and the reviewer still sees the newest text.
        mvc.perform(save(id, "Review flow " + marker, "Check `/v1/models` again " + marker).with(agent(writer)))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo("IN_REVIEW");

        // The editor edits it too: now they are the last editor and cannot publish it themselves.
        mvc.perform(save(id, "Review flow " + marker, "Check `/v1/models` once more " + marker).with(agent(editor)))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo("IN_REVIEW");
        Document secondPerson = page(post("/desk/kb/articles/" + id + "/publish").with(agent(editor)).with(csrf()), 403);
        assertThat(secondPerson.select("[data-kb-problem]").text()).contains("second person");

        mvc.perform(post("/desk/kb/articles/" + id + "/publish").with(agent(secondEditor)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo("PUBLISHED");
        String path = kb.find(id).path();
        mvc.perform(get(path)).andExpect(status().isOk());

        Document history = page(get("/desk/kb/articles/" + id).with(agent(writer)), 200);
        assertThat(history.select("[data-kb-history] li").eachText())
                .anyMatch(row -> row.contains(writer)).anyMatch(row -> row.contains(secondEditor));
        assertThat(history.select("[data-kb-history] li")).hasSize(5);
        assertThat(history.select("[data-kb-history] li").first().text()).as("newest first").contains(secondEditor);
        assertThat(history.select("[data-kb-history] li").last().text()).contains(writer);
        assertThat(history.select("[data-kb-public-link]").attr("href")).endsWith(path);

        mvc.perform(post("/desk/kb/articles/" + id + "/verify").with(agent(editor)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/desk/kb/articles/" + id + "/archive").with(agent(writer)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/desk/kb/articles/" + id + "/archive").with(agent(editor)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo("ARCHIVED");
        mvc.perform(get(path)).andExpect(status().isNotFound());
    }

    @Test
    void anAdminMayAllowSelfPublishingAndThenAnEditorPublishesTheirOwnText() throws Exception {
        long id = draft(editor, "Self publish " + marker, "Own text " + marker);
        page(post("/desk/kb/articles/" + id + "/publish").with(agent(editor)).with(csrf()), 403);

        mvc.perform(post("/admin/kb/settings").with(agent(editor)).with(csrf()).param("selfPublishing", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/kb/settings").with(admin()).with(csrf()).param("selfPublishing", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(page(get("/admin/kb").with(admin()), 200).selectFirst("input[name=selfPublishing]")
                .hasAttr("checked")).isTrue();
        mvc.perform(post("/desk/kb/articles/" + id + "/publish").with(agent(editor)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo("PUBLISHED");
        // A bad value for the setting is a 400 with a message, never a 500.
        Document bad = page(post("/admin/kb/settings").with(admin()).with(csrf()).param("selfPublishing", "maybe"), 400);
        assertThat(bad.text()).contains("could not be understood");
    }

    // ------------------------------------------------------------------------------------------------ bad input

    @Test
    void badInputGetsALocalizedMessageAndKeepsTheText() throws Exception {
        String longTitle = "T".repeat(201);
        Document tooLong = page(post("/desk/kb/articles").with(agent(writer)).with(csrf())
                .param("title", longTitle).param("body", "Kept body " + marker).param("articleLang", "en"), 422);
        assertThat(tooLong.select(".field.has-error .error").eachText()).contains("Too long.");
        assertThat(tooLong.selectFirst("#kb-body").text()).isEqualTo("Kept body " + marker);
        assertThat(tooLong.select("[data-kb-invalid]")).hasSize(1);

        Document zh = page(post("/desk/kb/articles").with(agent(writer)).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE)
                .header("Accept-Language", "zh-CN").param("title", "").param("body", "正文 " + marker)
                .param("articleLang", "fr").param("category", "NOPE"), 422);
        assertThat(zh.select(".field.has-error .error").eachText()).isNotEmpty()
                .allSatisfy(text -> assertThat(text).doesNotContainPattern("[A-Za-z]{4,}"));
        assertThat(zh.selectFirst("#kb-body").text()).isEqualTo("正文 " + marker);

        Document tooLongBody = page(post("/desk/kb/articles").with(agent(writer)).with(csrf())
                .param("title", "Big " + marker).param("body", "x".repeat(60001)).param("articleLang", "en"), 422);
        assertThat(tooLongBody.select(".field.has-error").size()).isEqualTo(1);

        long id = draft(writer, "Typed " + marker, "Body " + marker);
        Document wrongVersion = page(post("/desk/kb/articles/" + id).with(agent(writer)).with(csrf())
                .param("title", "Typed " + marker).param("body", "Body").param("version", "abc"), 400);
        assertThat(wrongVersion.text()).contains("could not be understood");
        Document zhBad = page(get("/desk/kb/articles/abc").with(agent(writer)).header("Accept-Language", "zh-CN")
                .locale(Locale.SIMPLIFIED_CHINESE), 400);
        assertThat(zhBad.text()).contains("无法理解该请求");
        page(get("/desk/kb/articles/987654321").with(agent(writer)), 404);
        page(post("/desk/kb/articles/987654321/publish").with(agent(editor)).with(csrf()), 404);

        // A save over someone else's newer version is a conflict that keeps the typed text.
        long stale = kb.find(id).version();
        mvc.perform(save(id, "Typed " + marker, "First save").with(agent(writer))).andExpect(status().is3xxRedirection());
        Document conflict = page(post("/desk/kb/articles/" + id).with(agent(editor)).with(csrf())
                .param("title", "Typed " + marker).param("body", "Second save " + marker).param("summary", "")
                .param("tags", "").param("category", "CONFIGURATION").param("slug", "")
                .param("version", String.valueOf(stale)), 409);
        assertThat(conflict.selectFirst("#kb-body").text()).isEqualTo("Second save " + marker);
        assertThat(kb.find(id).body()).isEqualTo("First save");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void thePreviewRendersTheBodyAsReadersSeeItWithAndWithoutHtmx(boolean htmx) throws Exception {
        MockHttpServletRequestBuilder request = post("/desk/kb/preview").with(agent(writer)).with(csrf())
                .param("body", "## Fix\n\n### Step\n\n<script>alert(1)</script>\n\nRun `curl $BASE/v1/models`.");
        if (htmx) {
            request.header("HX-Request", "true");
        }
        Document fragment = page(request, 200);
        assertThat(fragment.select("h2").text()).isEqualTo("Fix");
        assertThat(fragment.select("h3").text()).isEqualTo("Step");
        assertThat(fragment.select("script")).isEmpty();
        assertThat(fragment.select("code").text()).contains("/v1/models");
        assertThat(fragment.select("header")).as("a fragment, not a page").isEmpty();
        mvc.perform(post("/desk/kb/preview").with(engineer()).with(csrf()).param("body", "x"))
                .andExpect(status().isForbidden());
    }

    // ------------------------------------------------------------------------------------------------ ticket panel

    String resolvedTicket() {
        TicketReceipt receipt = tickets.submit(new NewTicket("model not found " + marker,
                "Key " + FULL_KEY + " fails, mail me at liu." + marker + "@example.com", "Liu Customer",
                "liu." + marker + "@example.com", ClientApp.CURSOR, null, "https://api.example.com/v1", "gpt-5", null,
                List.of(), 404, "model_not_found: gpt-5 " + marker, null, null, false, CallerType.TEST), Locale.ENGLISH);
        long id = tickets.idOf(receipt.number()).orElseThrow();
        tickets.addStaffMessage(id, "Your balance: 12.00 is fine; call /v1/models and pick a listed name.",
                Visibility.PUBLIC, null, new Actor(null, "Wendy Writer " + marker));
        tickets.changeStatus(id, TicketStatus.RESOLVED, new Actor(null, "Wendy Writer " + marker), "done");
        return receipt.number();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theTicketPanelOffersTheDraftButtonToAgentsAndHidesItFromEngineers(boolean htmx) throws Exception {
        String number = resolvedTicket();
        MockHttpServletRequestBuilder asAgent = get("/desk/kb/for-ticket/" + number).with(agent(writer));
        MockHttpServletRequestBuilder asEngineer = get("/desk/kb/for-ticket/" + number).with(engineer());
        if (htmx) {
            asAgent.header("HX-Request", "true");
            asEngineer.header("HX-Request", "true");
        }
        Document forAgent = page(asAgent, 200);
        assertThat(forAgent.select("#kb-panel [data-kb-draft]")).hasSize(1);
        assertThat(forAgent.select("#kb-panel form.kb-ticket-search")).hasSize(1);
        Document forEngineer = page(asEngineer, 200);
        assertThat(forEngineer.select("[data-kb-draft]")).isEmpty();
        assertThat(forEngineer.select("[data-kb-engineer]")).hasSize(1);
        assertThat(forEngineer.select("form.kb-ticket-search")).hasSize(1);
        MockHttpServletRequestBuilder anonymous = get("/desk/kb/for-ticket/" + number);
        if (htmx) {
            anonymous.header("HX-Request", "true");
        }
        mvc.perform(anonymous).andExpect(status().is(htmx ? 401 : 302));
        page(get("/desk/kb/for-ticket/GD-987654321").with(agent(writer)), 404);
    }

    @Test
    void anOpenTicketOffersNoDraftYet() throws Exception {
        TicketReceipt receipt = tickets.submit(new NewTicket("still open " + marker, "help", "Ann", "ann@example.com",
                ClientApp.CURSOR, null, null, null, null, List.of(), null, null, null, null, false, CallerType.TEST),
                Locale.ENGLISH);
        Document panel = page(get("/desk/kb/for-ticket/" + receipt.number()).with(agent(writer)), 200);
        assertThat(panel.select("[data-kb-draft]")).isEmpty();
        assertThat(panel.select(".help").text()).contains("resolved");
    }

    @Test
    void draftingFromTheTicketPanelLeavesOutKeysEmailsAndBalancesAndEngineersCannot() throws Exception {
        String number = resolvedTicket();
        mvc.perform(post("/desk/kb/for-ticket/" + number + "/draft").with(engineer()).with(csrf()))
                .andExpect(status().isForbidden());
        MvcResult result = mvc.perform(post("/desk/kb/for-ticket/" + number + "/draft").with(agent(writer)).with(csrf())
                        .param("articleLang", "en"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/desk/kb/articles/*"))
                // The article's language is not the page's: the agent's own language choice stays as it was.
                .andExpect(cookie().doesNotExist("gatedesk-lang"))
                .andReturn();
        String location = result.getResponse().getRedirectedUrl();
        Document editorPage = page(get(location).with(agent(writer)), 200);
        String body = editorPage.selectFirst("#kb-body").text();
        assertThat(body).contains("model_not_found").doesNotContain(FULL_KEY).doesNotContain("@example.com")
                .doesNotContain("12.00").doesNotContain("Liu Customer");
        Document panel = page(get("/desk/kb/for-ticket/" + number).with(agent(writer)), 200);
        assertThat(panel.select(".kb-drafts a").attr("href")).isEqualTo(location);
        page(post("/desk/kb/for-ticket/" + number + "/draft").with(agent(writer)).with(csrf()).param("articleLang", "fr"), 400);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void searchingFromTheTicketFindsPublishedArticlesAndCountsAnInsertedLink(boolean htmx) throws Exception {
        String number = resolvedTicket();
        MockHttpServletRequestBuilder search = get("/desk/kb/for-ticket/" + number + "/search").param("q", "无可用渠道")
                .with(agent(writer));
        if (htmx) {
            search.header("HX-Request", "true");
        }
        Document results = page(search, 200);
        assertThat(results.select("[data-kb-insert-url]")).isNotEmpty();
        String slug = results.selectFirst("[data-kb-insert-url]").attr("data-kb-slug");
        String lang = results.selectFirst("[data-kb-insert-url]").attr("data-kb-lang");
        assertThat(results.selectFirst("[data-kb-insert-url]").attr("data-kb-insert-url")).contains("/kb/" + lang + "/" + slug);
        assertThat(page(get("/desk/kb/for-ticket/" + number + "/search").param("q", "zzqqxx" + marker)
                .with(agent(writer)), 200).select(".help").text()).isNotBlank();

        LocalDate today = ledger.today();
        long before = ledger.uses(UsageLedger.ARTICLE, slug, lang, UsageLedger.Event.LINK_INSERTED, today);
        mvc.perform(post("/desk/kb/link-inserted").with(agent(writer)).with(csrf()).param("slug", slug).param("articleLang", lang))
                .andExpect(status().isNoContent());
        assertThat(ledger.uses(UsageLedger.ARTICLE, slug, lang, UsageLedger.Event.LINK_INSERTED, today))
                .isEqualTo(before + 1);
        // An unknown article is not counted, and a missing parameter is a 400, not a 500.
        mvc.perform(post("/desk/kb/link-inserted").with(agent(writer)).with(csrf()).param("slug", "no-such-" + marker)
                .param("articleLang", "en")).andExpect(status().isNoContent());
        assertThat(ledger.uses(UsageLedger.ARTICLE, "no-such-" + marker, "en", UsageLedger.Event.LINK_INSERTED, today))
                .isZero();
        mvc.perform(post("/desk/kb/link-inserted").with(agent(writer)).with(csrf())).andExpect(status().isBadRequest());
        mvc.perform(post("/desk/kb/link-inserted").param("slug", slug).param("articleLang", lang).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    // ------------------------------------------------------------------------------------------------ help pages

    @Test
    void theClientHelpPagesArePartOfTheKnowledgeBaseIndexAndSearch() throws Exception {
        Document index = page(get("/kb/en"), 200);
        assertThat(index.select("[data-kb-help-page] a").eachAttr("href"))
                .hasSize(8).contains("/help/clients/cursor?lang=en", "/help/clients/cherry-studio?lang=en");
        Document zhIndex = page(get("/kb/zh-CN").header("Accept-Language", "zh-CN"), 200);
        assertThat(zhIndex.select("[data-kb-help-page] a").eachAttr("href")).contains("/help/clients/dify?lang=zh-CN");
        assertThat(zhIndex.select("h2").eachText()).containsOnlyOnce("客户端");

        Document found = page(get("/kb/search").param("q", "Cherry Studio").param("lang", "en"), 200);
        assertThat(found.select("[data-kb-help-result] a").eachAttr("href")).contains("/help/clients/cherry-studio?lang=en");
        assertThat(found.select("[data-kb-no-results]")).isEmpty();

        String api = mvc.perform(get("/api/v1/kb/search").param("q", "Cherry Studio").param("lang", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(api).contains("\"slug\":\"cherry-studio\"").contains("/help/clients/cherry-studio?lang=zh-CN");
    }

    // ------------------------------------------------------------------------------------------------ use ledger

    @Test
    void insertingAShortAnswerAndTickingAChecklistCountInTheUseLedger() {
        String number = resolvedTicket();
        long ticketId = tickets.idOf(number).orElseThrow();
        LocalDate today = ledger.today();

        ShortAnswer answer = answers.all().stream()
                .filter(a -> !a.retired() && answers.render(a, ticketId, writer).complete()).findFirst().orElseThrow();
        long answerBefore = ledger.uses(UsageLedger.ANSWER, answer.key(), answer.language(),
                UsageLedger.Event.ANSWER_INSERTED, today);
        answers.insert(answer.id(), ticketId, new Actor(null, writer));
        assertThat(ledger.uses(UsageLedger.ANSWER, answer.key(), answer.language(), UsageLedger.Event.ANSWER_INSERTED,
                today)).isEqualTo(answerBefore + 1);

        TicketChecklist checklist = checklists.forTicket(ticketId, "en");
        assertThat(checklist.items()).as("the ticket's category has a checklist").isNotEmpty();
        long tickedBefore = ledger.uses(UsageLedger.CHECKLIST, checklist.category(), "en",
                UsageLedger.Event.CHECKLIST_TICKED, today);
        checklists.tick(ticketId, checklist.items().get(0).id(), true, new Actor(null, writer), "en");
        checklists.tick(ticketId, checklist.items().get(0).id(), false, new Actor(null, writer), "en");
        assertThat(ledger.uses(UsageLedger.CHECKLIST, checklist.category(), "en", UsageLedger.Event.CHECKLIST_TICKED,
                today)).as("an untick is not a use").isEqualTo(tickedBefore + 1);
    }

    @Test
    void theAdminPageListsMostAndLeastUsedIncludingAssetsNobodyUsed() throws Exception {
        long id = draft(writer, "Never used " + marker, "Nobody reads this " + marker);
        mvc.perform(post("/desk/kb/articles/" + id + "/publish").with(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String neverUsed = "ARTICLE:" + kb.find(id).slug() + "/en";
        mvc.perform(get("/kb/en/model-not-available")).andExpect(status().isOk());

        Document adminPage = page(get("/admin/kb").with(admin()), 200);
        assertThat(adminPage.select("[data-kb-most-used] [data-kb-use]").eachAttr("data-kb-use"))
                .contains("ARTICLE:model-not-available/en");
        assertThat(adminPage.select("[data-kb-least-used] [data-kb-least]").eachAttr("data-kb-least"))
                .isNotEmpty().doesNotContain("ARTICLE:model-not-available/en");
        assertThat(adminPage.select("[data-kb-least-used] [data-kb-least] td:nth-child(4)").first().text()).isEqualTo("0");
        assertThat(adminPage.select("[data-kb-unused] [data-kb-unused-asset]").eachAttr("data-kb-unused-asset"))
                .contains(neverUsed).anyMatch(a -> a.startsWith("ANSWER:")).anyMatch(a -> a.startsWith("CHECKLIST:"))
                .doesNotContain("ARTICLE:model-not-available/en");
        assertThat(adminPage.select("[data-kb-settings]")).hasSize(1);
        Document zh = page(get("/admin/kb").with(admin()).header("Accept-Language", "zh-CN")
                .locale(Locale.SIMPLIFIED_CHINESE), 200);
        assertThat(zh.select("h1").text()).isEqualTo("知识库使用情况");
    }
}
