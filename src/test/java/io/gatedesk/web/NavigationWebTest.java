package io.gatedesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The layout's navigation shows each viewer the links their roles open, and nobody else's. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class NavigationWebTest {

    @Autowired
    private MockMvc mvc;

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request.header("Accept-Language", "en")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private static List<String> navLinks(Document page) {
        return page.select("header .topnav a").eachAttr("href");
    }

    @Test
    void aCustomerSeesThePublicLinksAndStaffLogin() throws Exception {
        Document page = page(get("/"));

        assertThat(navLinks(page)).containsExactly("/", "/help", "/kb");
        assertThat(page.select("header a[href=/login]")).hasSize(1);
        assertThat(page.select("header .whoami")).isEmpty();
        assertThat(page.select("header form[action=/logout]")).isEmpty();
    }

    @Test
    void anAgentSeesTheDeskLogsAndProfileButNoAdministration() throws Exception {
        Document page = page(get("/help").with(user("ann").roles("AGENT")));

        assertThat(navLinks(page)).containsExactly("/", "/help", "/kb", "/desk", "/desk/logs", "/engineering",
                "/desk/incidents", "/desk/metrics", "/desk/kb", "/profile");
        Element whoami = page.selectFirst("header .whoami");
        assertThat(whoami).isNotNull();
        assertThat(whoami.text()).isEqualTo("ann");
        assertThat(page.select("header form[action=/logout]")).hasSize(1);
        assertThat(page.select("header a[href=/login]")).isEmpty();
    }

    @Test
    void anAdminAlsoSeesEveryAdministrationPage() throws Exception {
        Document page = page(get("/help").with(user("root").roles("ADMIN")));

        assertThat(navLinks(page)).containsExactly("/", "/help", "/kb", "/desk", "/desk/logs", "/engineering",
                "/desk/incidents", "/desk/metrics", "/desk/kb", "/admin/users", "/admin/rules", "/admin/answers",
                "/admin/ingest-tokens", "/admin/site", "/admin/models", "/admin/login-audit", "/admin/gateway-sources",
                "/admin/mail", "/admin/kb", "/profile");
        // Every administration page is in the one Admin menu, and nothing else is.
        assertThat(page.select("header [data-admin-menu] a").eachAttr("href"))
                .allMatch(href -> href.startsWith("/admin/")).hasSize(10);
        assertThat(page.select("header [data-admin-menu] summary").text()).isEqualTo("Admin");
    }

    @Test
    void theLogImportLinkIsForAgentsAndAdminsNotEngineers() throws Exception {
        assertThat(page(get("/desk/logs").with(user("ann").roles("AGENT"))).select("main a[href=/desk/logs/import]"))
                .isNotEmpty();
        assertThat(page(get("/desk/logs").with(user("eve").roles("ENGINEER"))).select("main a[href=/desk/logs/import]"))
                .isEmpty();
    }
}
