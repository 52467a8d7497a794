package io.gatedesk.security;

import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.TicketReceipt;
import io.gatedesk.ticket.TicketService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Object-level access: a follow token opens its own ticket and nothing else, agents see no administration, and a
 * stranger learns nothing from guessing ticket numbers.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectLevelAccessTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketService tickets;

    String marker;
    TicketReceipt first;
    TicketReceipt second;

    @BeforeAll
    void fileTwoTickets() {
        marker = UUID.randomUUID().toString().substring(0, 8);
        first = file("First " + marker, "first-" + marker + "@example.com");
        second = file("Second " + marker, "second-" + marker + "@example.com");
    }

    @Test
    void oneFollowTokenNeverReadsAnotherTicket() throws Exception {
        String page = mvc.perform(get("/t/" + first.followToken())).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("First " + marker).doesNotContain("Second " + marker)
                .doesNotContain(second.number()).doesNotContain("second-" + marker);
    }

    @Test
    void aReplyThroughOneTokenLandsOnItsOwnTicketOnly() throws Exception {
        mvc.perform(post("/t/" + first.followToken() + "/reply").with(csrf()).param("body", "Only mine " + marker));

        assertThat(body(get("/t/" + first.followToken()))).contains("Only mine " + marker);
        assertThat(body(get("/t/" + second.followToken()))).doesNotContain("Only mine " + marker);
    }

    @Test
    void aTokenThatIsAlmostRightOpensNothingAndLooksLikeAMissingOne() throws Exception {
        String token = first.followToken();
        String flipped = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        for (String guess : List.of(flipped, token.substring(0, token.length() - 1), token.toUpperCase(Locale.ROOT)
                .equals(token) ? token.toLowerCase(Locale.ROOT) : token.toUpperCase(Locale.ROOT),
                first.number(), "1", "../t/" + token)) {
            MockHttpServletResponse response = mvc.perform(get("/t/{token}", guess)).andReturn().getResponse();
            // The encoded "../" is refused by the firewall (400) before any controller sees it.
            assertThat(response.getStatus()).as(guess).isIn(404, 400);
            assertThat(response.getContentAsString()).as(guess).doesNotContain("First " + marker);
        }
        MockHttpServletResponse reply = mvc.perform(post("/t/{token}/reply", flipped).with(csrf())
                .param("body", "Forged " + marker)).andReturn().getResponse();
        assertThat(reply.getStatus()).isEqualTo(404);
        assertThat(body(get("/t/" + token))).doesNotContain("Forged " + marker);
    }

    @Test
    void ticketNumbersDoNotEnumerateForStrangers() throws Exception {
        String missing = "GD-" + (Integer.parseInt(second.number().substring(3)) + 100000);
        for (String template : List.of("/desk/tickets/%s", "/api/v1/tickets/%s", "/desk/tickets/%s/logs",
                "/t/%s")) {
            MockHttpServletResponse real = mvc.perform(get(template.formatted(first.number()))).andReturn().getResponse();
            MockHttpServletResponse absent = mvc.perform(get(template.formatted(missing))).andReturn().getResponse();
            assertThat(real.getStatus()).as(template).isEqualTo(absent.getStatus()).isIn(302, 401, 404);
            assertThat(comparable(real, first.number())).as(template).isEqualTo(comparable(absent, missing));
            assertThat(real.getContentAsString()).doesNotContain("First " + marker);
        }
    }

    @Test
    void agentsAndEngineersReadNoAdministration() throws Exception {
        for (String role : List.of("AGENT", "ENGINEER")) {
            for (String path : List.of("/admin/users", "/admin/users/1", "/admin/ingest-tokens", "/admin/site",
                    "/admin/rules", "/admin/answers", "/admin/models")) {
                MockHttpServletResponse response = mvc.perform(get(path).with(user("staff-" + role).roles(role)))
                        .andReturn().getResponse();
                assertThat(response.getStatus()).as(role + " " + path).isEqualTo(403);
                assertThat(response.getContentAsString()).as(role + " " + path)
                        .doesNotContain("gdi_").doesNotContain("test-admin-password");
            }
        }
        String desk = body(get("/desk").with(user("staff-agent").roles("AGENT")));
        assertThat(desk).doesNotContain("href=\"/admin/users\"").doesNotContain("href=\"/admin/ingest-tokens\"");
    }

    /** The page without what differs on every response anyway: the number asked for, CSRF token and script nonce. */
    private static String comparable(MockHttpServletResponse response, String number) throws Exception {
        return response.getContentAsString().replace(number, "N").replaceAll("nonce=\"[^\"]*\"", "nonce")
                .replaceAll("(name=\"_csrf\"[^>]*(content|value)=)\"[^\"]*\"", "$1");
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }

    private TicketReceipt file(String subject, String email) {
        return tickets.submit(new NewTicket(subject, "Cursor answers 401 for every call", "Ann Customer", email,
                null, null, null, null, null, null, 401, null, null, null, null, null), Locale.ENGLISH);
    }
}
