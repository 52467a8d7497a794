package io.gatedesk.selfservice;

import io.gatedesk.secret.SampleKeys;
import io.gatedesk.support.CookieJar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Help pages, the check page and API, the ticket form's inline check and the admin pages, through real security. */
@SpringBootTest(properties = {"gatedesk.site.name=Acme AI", "gatedesk.site.api-base-url=https://api.acme.test",
        "gatedesk.site.web-urls=https://acme.test,https://console.acme.test"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SelfServiceWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SiteSettingsService site;

    @BeforeEach
    void catalogue() {
        jdbc.update("DELETE FROM catalogue_models");
        jdbc.update("DELETE FROM site_settings");
        site.importModels("{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o\"},{\"id\":\"gpt-4o-mini\"}]}");
    }

    @Test
    void everyClientPageShowsItsOwnBaseUrlInBothLanguages() throws Exception {
        expectPage("cursor", "en", "https://api.acme.test/v1", "Override OpenAI Base URL");
        expectPage("cherry-studio", "en", "https://api.acme.test", "trailing <code>#</code>");
        expectPage("lobechat", "en", "https://api.acme.test/v1", "API Proxy Address");
        expectPage("nextchat", "en", "https://api.acme.test", "appends <code>/v1/chat/completions</code>");
        expectPage("dify", "en", "https://api.acme.test/v1", "OpenAI-API-compatible");
        expectPage("openai-python", "en", "base_url=&quot;https://api.acme.test/v1&quot;", "from openai import");
        expectPage("openai-node", "en", "baseURL: &quot;https://api.acme.test/v1&quot;", "import OpenAI");
        expectPage("curl", "en", "curl -sS https://api.acme.test/v1/chat/completions", "Authorization: Bearer");
        expectPage("cursor", "zh-CN", "https://api.acme.test/v1", "各项设置填在哪里");
        expectPage("cherry-studio", "zh-CN", "https://api.acme.test", "结尾 <code>#</code> 的规则");
        String page = mvc.perform(get("/help/clients/cursor")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<code>gpt-4o-mini</code>", "Acme AI", "<table");
        assertThat(page).doesNotContain("{{", "GDPLACEHOLDER");
    }

    @Test
    void helpIndexListsEveryClientAndUnknownClientIs404() throws Exception {
        mvc.perform(get("/help")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/help/clients/openai-node")))
                .andExpect(content().string(containsString("https://api.acme.test/v1/chat/completions")));
        mvc.perform(get("/help/clients/windsurf")).andExpect(status().isNotFound());
    }

    @Test
    void eachClientHelpPageViewIsCountedWithoutTheVisitor() throws Exception {
        long before = jdbc.queryForObject("SELECT count(*) FROM help_page_views WHERE client = 'nextchat'", Long.class);
        mvc.perform(get("/help/clients/nextchat")).andExpect(status().isOk());
        mvc.perform(get("/help/clients/windsurf")).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM help_page_views WHERE client = 'nextchat'", Long.class))
                .isEqualTo(before + 1);
    }

    @Test
    void siteValuesAreEscapedNotInterpretedOnHelpPages() throws Exception {
        site.save(new SiteSettingsService.SettingsCommand("Acme <b>AI</b> [x](javascript:alert(1)) *big*",
                "https://api.acme.test", ""), "admin");
        String page = mvc.perform(get("/help/clients/openai-python")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Acme &lt;b&gt;AI&lt;/b&gt; [x](javascript:alert(1)) *big*")
                .doesNotContain("<b>AI", "href=\"javascript", "<em>big</em>");
    }

    @Test
    void checkPageAnswersWithAFragmentForHtmxAndAFullPageWithout() throws Exception {
        String fragment = mvc.perform(post("/help/config-check").with(csrf()).header("HX-Request", "true")
                        .param("client", "CURSOR").param("baseUrl", "https://api.acme.test/v1/v1").param("model", "gpt4o"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).doesNotContain("<html", "<header").contains("data-code=\"DOUBLE_V1\"",
                "data-code=\"UNKNOWN_MODEL\"", "Did you mean: gpt-4o", "https://api.acme.test/v1");
        String page = mvc.perform(post("/help/config-check").with(csrf()).param("client", "nextchat")
                        .param("baseUrl", "https://api.acme.test/v1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<html", "data-code=\"DOUBLE_V1\"", "NextChat adds /v1 itself",
                "<code data-fix>https://api.acme.test</code>");
        mvc.perform(get("/help/config-check").param("client", "cherry-studio")).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"CHERRY_STUDIO\" selected")));
    }

    @Test
    void checkPageSpeaksChinese() throws Exception {
        mvc.perform(post("/help/config-check").with(csrf()).header("HX-Request", "true")
                        .header("Accept-Language", "zh-CN").param("client", "CURSOR").param("baseUrl", "https://acme.test"))
                .andExpect(content().string(containsString("这是我们网站页面（首页或控制台）的地址")));
    }

    @Test
    void inlineCheckOnTheTicketFormAnswersWithTheFragmentOrNothing() throws Exception {
        mvc.perform(post("/help/config-check/inline").with(csrf()).header("HX-Request", "true")
                        .param("client", "CURSOR").param("baseUrl", "https://api.acme.test/v1/v1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-code=\"DOUBLE_V1\"")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(post("/help/config-check/inline").with(csrf()).header("HX-Request", "true")
                        .param("client", "CURSOR").param("baseUrl", ""))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("data-check-result"))));
        mvc.perform(post("/help/config-check/inline").with(csrf()).param("client", "CURSOR")
                        .param("baseUrl", "https://api.acme.test"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("data-code=\"MISSING_V1\"")));
        String form = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("hx-post=\"/help/config-check/inline\"", "id=\"config-check-inline\"",
                "data-mask-fields", "data-redact-url=\"/api/v1/redact\"");
    }

    @Test
    void aKeyPastedIntoTheCheckIsNeverEchoed() throws Exception {
        String key = key();
        String fragment = mvc.perform(post("/help/config-check").with(csrf()).header("HX-Request", "true")
                        .param("client", "CURSOR").param("baseUrl", "https://api.acme.test/v1?key=" + key)
                        .param("model", key))
                .andReturn().getResponse().getContentAsString();
        assertThat(fragment).doesNotContain(key).contains("UNKNOWN_MODEL");
    }

    @Test
    void apiChecksAndAnswersInTheCallersLanguage() throws Exception {
        mvc.perform(post("/api/v1/config-check").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"client\":\"cherry-studio\",\"baseUrl\":\" https://api.acme.test/v1/v1 \",\"model\":\"gpt-4o\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(false))
                .andExpect(jsonPath("$.problems[0].code").value("DOUBLE_V1"))
                .andExpect(jsonPath("$.problems[1].code").value("WHITESPACE_OR_QUOTES"))
                .andExpect(jsonPath("$.fix").value("https://api.acme.test"));
        mvc.perform(post("/api/v1/config-check").contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "zh-CN")
                        .content("{\"client\":\"OPENAI_PYTHON\",\"baseUrl\":\"https://api.acme.test/v1\",\"model\":\"GPT-4O\"}"))
                .andExpect(jsonPath("$.problems[0].code").value("UNKNOWN_MODEL"))
                .andExpect(jsonPath("$.problems[0].message").value(containsString("你是不是想用：gpt-4o")));
        mvc.perform(post("/api/v1/config-check").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"client\":\"curl\",\"baseUrl\":\"https://api.acme.test/v1/chat/completions\"}"))
                .andExpect(jsonPath("$.ok").value(true)).andExpect(jsonPath("$.problems").isEmpty());
    }

    @Test
    void apiRejectsBadBodiesWithJsonErrorsAndNeverEchoesAKey() throws Exception {
        mvc.perform(post("/api/v1/config-check").contentType(MediaType.APPLICATION_JSON).content("{\"client\":"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error.code").value("MALFORMED_REQUEST"));
        mvc.perform(post("/api/v1/config-check").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"client\":\"windsurf\",\"baseUrl\":\"https://api.acme.test/v1\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error.code").value("UNKNOWN_CLIENT"));
        mvc.perform(post("/api/v1/config-check").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"client\":\"cursor\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error.code").value("MISSING_BASE_URL"));
        String key = key();
        String body = mvc.perform(post("/api/v1/config-check").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"client\":\"cursor\",\"baseUrl\":\"https://" + key + "@api.acme.test/v1\",\"model\":\""
                                + key + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).doesNotContain(key).contains("UNKNOWN_MODEL");
    }

    @Test
    void adminPagesAreForAdminsOnly() throws Exception {
        mvc.perform(get("/admin/site")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/models").with(user("agent").roles("AGENT"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/site").with(user("admin").roles("ADMIN"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"https://api.acme.test\"")));
    }

    @Test
    void savedSettingsChangeTheHeaderAndEveryComputedUrl() throws Exception {
        mvc.perform(post("/admin/site").with(user("admin").roles("ADMIN")).with(csrf())
                        .param("name", "Nimbus Gateway").param("apiBaseUrl", "https://gw.nimbus.test/v1/")
                        .param("webUrls", "https://nimbus.test, https://nimbus.test/console"))
                .andExpect(redirectedUrl("/admin/site"));
        site.current();
        mvc.perform(get("/help/clients/cursor")).andExpect(content().string(containsString("Nimbus Gateway")))
                .andExpect(content().string(containsString("https://gw.nimbus.test/v1")));
        mvc.perform(get("/")).andExpect(content().string(containsString(">Nimbus Gateway</a>")));
    }

    @Test
    void invalidSettingsComeBackWithMessagesAndWhatWasTyped() throws Exception {
        mvc.perform(post("/admin/site").with(user("admin").roles("ADMIN")).with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("name", "Acme").param("apiBaseUrl", "api.acme.test").param("webUrls", "nope"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("请输入完整的 http:// 或 https:// 地址")))
                .andExpect(content().string(containsString("value=\"api.acme.test\"")));
    }

    @Test
    void modelsAreAddedEditedImportedAndDeleted() throws Exception {
        var admin = user("admin").roles("ADMIN");
        mvc.perform(post("/admin/models").with(admin).with(csrf()).param("name", "deepseek-chat")
                .param("aliases", "deepseek v3, ds").param("groups", "default")).andExpect(redirectedUrl("/admin/models"));
        mvc.perform(post("/admin/models").with(admin).with(csrf()).param("name", "gpt-4o"))
                .andExpect(status().is(422)).andExpect(content().string(containsString("already in the catalogue")));
        Long id = jdbc.queryForObject("SELECT id FROM catalogue_models WHERE name = 'deepseek-chat'", Long.class);
        mvc.perform(post("/admin/models/" + id).with(admin).with(csrf()).param("name", "deepseek-chat")
                .param("aliases", "ds3").param("groups", "vip")).andExpect(redirectedUrl("/admin/models"));
        assertThat(jdbc.queryForObject("SELECT groups_allowed FROM catalogue_models WHERE id = ?", String.class, id))
                .isEqualTo("vip");
        mvc.perform(multipart("/admin/models/import").file(new MockMultipartFile("file", "models.json",
                        "application/json", "{\"object\":\"list\",\"data\":[{\"id\":\"o3-mini\"},{\"id\":\"gpt-4o\"}]}"
                        .getBytes(StandardCharsets.UTF_8))).with(admin).with(csrf()))
                .andExpect(redirectedUrl("/admin/models"))
                .andExpect(result -> assertThat(result.getFlashMap().get("imported"))
                        .isEqualTo(new ModelImport.Result(2, 1, java.util.List.of())));
        mvc.perform(post("/admin/models/" + id + "/delete").with(admin).with(csrf()))
                .andExpect(redirectedUrl("/admin/models"));
        assertThat(site.catalogueEntries()).extracting(e -> e.model().name())
                .containsExactly("gpt-4o", "gpt-4o-mini", "o3-mini");
        mvc.perform(get("/admin/models").with(admin)).andExpect(content().string(containsString("o3-mini")));
    }

    @Test
    void malformedImportSaysSoInTheAdminsLanguageAndKeepsTheTextMasked() throws Exception {
        String key = key();
        mvc.perform(post("/admin/models/import").with(user("admin").roles("ADMIN")).with(csrf())
                        .header("Accept-Language", "zh-CN").param("json", "{\"data\": [ broken " + key))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("这不是有效的 JSON")))
                .andExpect(content().string(not(containsString(key))));
        mvc.perform(post("/admin/models/import").with(user("admin").roles("ADMIN")).with(csrf())
                        .param("json", "{\"object\":\"list\"}"))
                .andExpect(status().is(422)).andExpect(content().string(containsString("no &quot;data&quot; list")));
    }

    @Test
    void checksWithoutATicketCountAsDeflectedAndAFiledTicketUndoesIt() throws Exception {
        jdbc.update("DELETE FROM deflection_episodes");
        CookieJar gaveUp = new CookieJar();
        CookieJar filed = new CookieJar();
        for (CookieJar visitor : new CookieJar[]{gaveUp, filed}) {
            for (String url : new String[]{"https://api.acme.test", "https://api.acme.test/v1"}) {
                mvc.perform(post("/help/config-check/inline").with(visitor).with(csrf())
                        .header("HX-Request", "true").param("client", "CURSOR").param("baseUrl", url)).andDo(visitor);
            }
        }
        mvc.perform(post("/").with(filed).with(csrf()).param("subject", "Still 401").param("description", "Help")
                        .param("customerName", "Ann").param("customerEmail", "ann@example.com").param("client", "CURSOR"))
                .andExpect(redirectedUrlPattern("/submitted*"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM deflection_episodes", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT sum(checks) FROM deflection_episodes", Integer.class)).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM deflection_episodes WHERE ticket_filed_at IS NOT NULL",
                Integer.class)).isEqualTo(1);
        // The metrics' "filed after a check that found a problem" needs to know which ticket followed.
        assertThat(jdbc.queryForObject("SELECT t.customer_email FROM deflection_episodes d JOIN tickets t "
                + "ON t.id = d.ticket_id WHERE d.ticket_filed_at IS NOT NULL", String.class)).isEqualTo("ann@example.com");
        // Let the window pass for both: the one without a ticket is deflected.
        jdbc.update("UPDATE deflection_episodes SET last_check_at = last_check_at - INTERVAL '3' HOUR");
        mvc.perform(post("/api/v1/config-check").contentType(MediaType.APPLICATION_JSON)
                .content("{\"client\":\"curl\",\"baseUrl\":\"https://api.acme.test\"}"));
        String page = mvc.perform(get("/admin/site").with(user("admin").roles("ADMIN")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).containsPattern("data-channel=\"TICKET_FORM\">\\s*<td>Configuration check</td>\\s*<td>Ticket form</td>"
                + "\\s*<td data-episodes>2</td>\\s*<td>4</td>\\s*<td data-with-ticket>1</td>\\s*<td>0</td>\\s*<td data-deflected>1</td>"
                + "\\s*<td>1</td>");
        assertThat(page).contains("data-channel=\"API\"");
        assertThat(jdbc.queryForList("SELECT * FROM deflection_episodes").toString()).doesNotContain("acme.test");
    }

    private static String key() {
        return SampleKeys.newApi(new SplittableRandom(17)).written();
    }

    private void expectPage(String slug, String language, String... contained) throws Exception {
        String page = mvc.perform(get("/help/clients/" + slug).header("Accept-Language", language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).as(slug + " " + language).contains(contained);
    }
}
