package io.gatedesk.security;

import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.TicketReceipt;
import io.gatedesk.ticket.TicketService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Walks every route of the application (from its own handler mappings) as an admin and as a stranger, page and htmx
 * fragment alike, plus static files, webjars, unknown paths and the health probe: every answer carries the hardened
 * headers, whatever its status. Error dispatches of the real server are in {@link SecurityHeadersHttpTest}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    TicketService tickets;

    TicketReceipt ticket;

    @BeforeAll
    void fileTicket() {
        ticket = tickets.submit(new NewTicket("Headers walk", "Cursor answers 401 for every call", "Ann Customer",
                "walk@example.com", null, null, null, null, null, null, 401, null, null, null, null, null),
                Locale.ENGLISH);
    }

    @Test
    void everyRouteAnswersWithTheHardenedHeadersForStaffAndStrangers() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Routes.Route route : Routes.of(mappings).all()) {
            String path = route.path(this::sample);
            for (boolean admin : new boolean[] {true, false}) {
                for (boolean htmx : new boolean[] {false, true}) {
                    MockHttpServletRequestBuilder call = request(route.method().asHttpMethod(), path).with(csrf());
                    if (admin) {
                        call.with(user("admin").roles("ADMIN", "AGENT", "ENGINEER"));
                    }
                    if (htmx || route.htmx()) {
                        call.header("HX-Request", "true");
                    }
                    MockHttpServletResponse response = mvc.perform(call).andReturn().getResponse();
                    HardenedHeaders.assertOn(route + (admin ? " as admin" : " anonymous") + " -> "
                            + response.getStatus(), path, response::getHeader);
                    checked.add(route.key());
                }
            }
        }
        assertThat(checked).as("routes walked").hasSizeGreaterThan(300);
    }

    @Test
    void staticFilesWebjarsUnknownPathsAndTheHealthProbeCarryThem() throws Exception {
        for (String path : List.of("/assets/css/app.css", "/assets/js/app.js", "/assets/img/favicon.svg",
                "/webjars/htmx.org/dist/htmx.min.js", "/assets/no-such.css", "/no-such-page", "/t/no-such-token",
                "/api/v1/no-such", "/actuator/health", "/favicon.ico")) {
            MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
            HardenedHeaders.assertOn(path + " -> " + response.getStatus(), path, response::getHeader);
        }
    }

    @Test
    void theLayoutsScriptsCarryThisResponsesNonceAndEachResponseHasItsOwn() throws Exception {
        MockHttpServletResponse first = mvc.perform(get("/")).andReturn().getResponse();
        MockHttpServletResponse second = mvc.perform(get("/")).andReturn().getResponse();
        String nonce = HardenedHeaders.assertOn("/", "/", first::getHeader);

        Document page = Jsoup.parse(first.getContentAsString());
        assertThat(page.select("script")).isNotEmpty().allSatisfy(script -> {
            assertThat(script.attr("src")).as("no inline script body").isNotBlank();
            assertThat(script.attr("nonce")).isEqualTo(nonce);
        });
        assertThat(HardenedHeaders.assertOn("/", "/", second::getHeader)).isNotEqualTo(nonce);
        assertThat(page.select("meta[name=htmx-config]").attr("content"))
                .contains("\"includeIndicatorStyles\":false", "\"allowEval\":false");
    }

    @Test
    void theFollowPageSendsNoReferrerAndItsReplyToo() throws Exception {
        String follow = "/t/" + ticket.followToken();
        MockHttpServletResponse page = mvc.perform(get(follow)).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        MockHttpServletResponse reply = mvc.perform(request(org.springframework.http.HttpMethod.POST,
                follow + "/reply").with(csrf()).param("body", "")).andReturn().getResponse();
        assertThat(reply.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(mvc.perform(get("/help")).andReturn().getResponse().getHeader("Referrer-Policy"))
                .isEqualTo("strict-origin-when-cross-origin");
    }

    @Test
    void strictTransportSecurityOnlyOnSecureRequests() throws Exception {
        assertThat(mvc.perform(get("/").secure(true)).andReturn().getResponse()
                .getHeader("Strict-Transport-Security")).startsWith("max-age=");
        assertThat(mvc.perform(get("/api/v1/answers").secure(true)).andReturn().getResponse()
                .getHeader("Strict-Transport-Security")).startsWith("max-age=");
        assertThat(mvc.perform(get("/")).andReturn().getResponse().getHeader("Strict-Transport-Security")).isNull();
    }

    /** A real value where the route needs one to reach its handler; an unknown id elsewhere. */
    private String sample(String variable) {
        return switch (variable) {
            case "token" -> ticket.followToken();
            case "number" -> ticket.number();
            case "slug" -> "cursor";
            case "key" -> "no-such-answer";
            default -> "999999";
        };
    }
}
