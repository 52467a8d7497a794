package io.gatedesk.security;

import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.TicketReceipt;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.user.Role;
import io.gatedesk.user.UserService;
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
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.gatedesk.security.AccessControlMatrixTest.Access.ADMIN;
import static io.gatedesk.security.AccessControlMatrixTest.Access.AGENT_OR_ADMIN;
import static io.gatedesk.security.AccessControlMatrixTest.Access.ENGINEER_OR_ADMIN;
import static io.gatedesk.security.AccessControlMatrixTest.Access.FOLLOW_TOKEN;
import static io.gatedesk.security.AccessControlMatrixTest.Access.FORWARD_TO_LOGIN;
import static io.gatedesk.security.AccessControlMatrixTest.Access.INGEST;
import static io.gatedesk.security.AccessControlMatrixTest.Access.PUBLIC;
import static io.gatedesk.security.AccessControlMatrixTest.Access.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Who may call what: every controller method (read from the application's own handler mappings) against every kind
 * of caller, checked through the real security chain against ONE table below. A route without a row fails the build,
 * and so does a row whose route no longer exists. Adding an endpoint means adding one line to {@link #TABLE}.
 */
@SpringBootTest(properties = "spring.application.name=gatedesk-access-matrix") // own context: its POSTs change data
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlMatrixTest {

    /** The callers. A customer holds the follow token of their own ticket; a stranger only guesses one. */
    enum Caller { ANONYMOUS, CUSTOMER, AGENT, ENGINEER, ADMIN, INGEST_TOKEN }

    /** Who is let through; everyone else is refused (401/403 on the API, the login page or 403 in the browser). */
    enum Access {
        /** Everybody, signed in or not. */
        PUBLIC(EnumSet.allOf(Caller.class)),
        /** Whoever holds the ticket's follow token (a stranger's guess answers 404, like a missing ticket). */
        FOLLOW_TOKEN(EnumSet.complementOf(EnumSet.of(Caller.ANONYMOUS))),
        /** Any signed-in staff member: agent, engineer or admin. */
        STAFF(EnumSet.of(Caller.AGENT, Caller.ENGINEER, Caller.ADMIN)),
        AGENT_OR_ADMIN(EnumSet.of(Caller.AGENT, Caller.ADMIN)),
        /** Engineering's own actions: taking a case, writing findings. Agents may look but not act. */
        ENGINEER_OR_ADMIN(EnumSet.of(Caller.ENGINEER, Caller.ADMIN)),
        ADMIN(EnumSet.of(Caller.ADMIN)),
        /** Only a gateway's ingest token, which may do nothing else. */
        INGEST(EnumSet.of(Caller.INGEST_TOKEN)),
        /**
         * A page the login throttle forwards to; called directly, without a refusal to show, it sends everybody to
         * the login page.
         */
        FORWARD_TO_LOGIN(EnumSet.noneOf(Caller.class));

        final Set<Caller> allowed;

        Access(Set<Caller> allowed) {
            this.allowed = allowed;
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // THE TABLE: one row per method + path pattern. A new endpoint needs exactly one new row here.
    // ------------------------------------------------------------------------------------------------------------
    static final Map<String, Access> TABLE = table(
            // Customer side
            row("GET /", PUBLIC),
            row("POST /", PUBLIC),
            row("GET /submitted", PUBLIC),
            row("POST /secret-check", PUBLIC),
            row("GET /t/{token}", FOLLOW_TOKEN),
            row("POST /t/{token}/reply", FOLLOW_TOKEN),
            row("GET /help", PUBLIC),
            row("GET /help/clients/{slug}", PUBLIC),
            row("GET /help/config-check", PUBLIC),
            row("POST /help/config-check", PUBLIC),
            row("POST /help/config-check/inline", PUBLIC),
            row("GET /help/diagnose", PUBLIC),
            row("POST /help/diagnose", PUBLIC),
            row("GET /login", PUBLIC),
            row("GET /login/throttled", FORWARD_TO_LOGIN),
            row("POST /login/throttled", FORWARD_TO_LOGIN),
            // The second step of a login; without a password step in the session it sends everybody to /login.
            row("GET /login/code", FORWARD_TO_LOGIN),
            row("POST /login/code", FORWARD_TO_LOGIN),
            // Public JSON API
            row("POST /api/v1/tickets", PUBLIC),
            row("POST /api/v1/redact", PUBLIC),
            row("POST /api/v1/diagnose", PUBLIC),
            row("POST /api/v1/config-check", PUBLIC),
            // Staff JSON API
            row("GET /api/v1/tickets", STAFF),
            row("GET /api/v1/tickets/{number}", STAFF),
            row("POST /api/v1/tickets/{number}/messages", STAFF),
            row("GET /api/v1/answers", STAFF),
            row("POST /api/v1/answers/{key}/render", STAFF),
            row("GET /api/v1/gateway-logs", STAFF),
            row("GET /api/v1/gateway-logs/matches", STAFF),
            row("POST /api/v1/gateway-logs/import", AGENT_OR_ADMIN),
            row("POST /api/v1/gateway-logs", INGEST),
            row("GET /api/v1/metrics", STAFF),
            row("GET /api/v1/metrics.csv", STAFF),
            // Every signed-in staff member
            row("GET /profile", STAFF),
            row("POST /profile/password", STAFF),
            row("POST /profile/tokens", STAFF),
            row("POST /profile/tokens/{id}/revoke", STAFF),
            row("POST /profile/sessions/end", STAFF),
            row("POST /profile/two-factor/start", STAFF),
            row("GET /profile/two-factor/qr.png", STAFF),
            row("POST /profile/two-factor/confirm", STAFF),
            row("POST /profile/two-factor/disable", STAFF),
            // Desk
            row("GET /desk/metrics", STAFF),
            row("GET /desk/metrics.csv", STAFF),
            row("GET /desk", STAFF),
            // Agent workspace: bulk actions are agents' work; views and tags are every desk user's
            row("GET /desk/bulk/bar", AGENT_OR_ADMIN),
            row("POST /desk/bulk", AGENT_OR_ADMIN),
            row("GET /desk/views/sidebar", STAFF),
            row("POST /desk/views", STAFF),
            row("POST /desk/views/{id}/delete", STAFF),
            row("POST /desk/views/default", STAFF),
            row("GET /desk/tags/suggest", STAFF),
            row("GET /desk/tickets/{number}/tags", STAFF),
            row("POST /desk/tickets/{number}/tags", STAFF),
            row("POST /desk/tickets/{number}/tags/remove", STAFF),
            row("POST /api/v1/tickets/bulk", AGENT_OR_ADMIN),
            // Merge and split move a customer's thread between tickets: agents' call, not engineers'
            row("GET /desk/tickets/{number}/merge", AGENT_OR_ADMIN),
            row("POST /desk/tickets/{number}/merge", AGENT_OR_ADMIN),
            row("POST /desk/tickets/{number}/messages/{messageId}/split", AGENT_OR_ADMIN),
            row("POST /api/v1/tickets/{number}/merge", AGENT_OR_ADMIN),
            row("POST /api/v1/tickets/{number}/messages/{id}/split", AGENT_OR_ADMIN),
            row("GET /api/v1/views", STAFF),
            row("POST /api/v1/views", STAFF),
            row("DELETE /api/v1/views/{id}", STAFF),
            row("PUT /api/v1/views/default", STAFF),
            row("GET /api/v1/tags", STAFF),
            row("PUT /api/v1/tags/{tag}/colour", ADMIN),
            row("GET /desk/changes", STAFF),
            row("GET /desk/export.csv", STAFF),
            row("GET /desk/tickets/{number}", STAFF),
            row("GET /desk/tickets/{number}/regions", STAFF),
            row("POST /desk/tickets/{number}/messages", STAFF),
            row("POST /desk/tickets/{number}/changes", STAFF),
            row("POST /desk/tickets/{number}/assign-to-me", STAFF),
            row("GET /desk/tickets/{number}/answers", STAFF),
            row("GET /desk/tickets/{number}/answers/{answerId}/preview", STAFF),
            row("POST /desk/tickets/{number}/answers/{answerId}/insert", STAFF),
            row("POST /desk/tickets/{number}/checklist/{itemId}", STAFF),
            row("GET /desk/tickets/{number}/triage", STAFF),
            row("POST /desk/tickets/{number}/triage", STAFF),
            row("GET /desk/tickets/{number}/logs", STAFF),
            row("POST /desk/tickets/{number}/logs/request-ids", STAFF),
            row("POST /desk/tickets/{number}/logs/request-ids/remove", STAFF),
            row("POST /desk/tickets/{number}/logs/pins", STAFF),
            row("POST /desk/tickets/{number}/logs/pins/{pinId}/delete", STAFF),
            row("GET /desk/logs", STAFF),
            row("GET /desk/logs/import", AGENT_OR_ADMIN),
            row("POST /desk/logs/import", AGENT_OR_ADMIN),
            row("GET /desk/logs/imports/{id}", AGENT_OR_ADMIN),
            row("GET /desk/logs/imports/{id}/errors.csv", AGENT_OR_ADMIN),
            // Escalation
            row("GET /desk/tickets/{number}/escalation", STAFF),
            row("POST /desk/tickets/{number}/escalation", STAFF),
            row("POST /desk/tickets/{number}/escalation/insert-reply", STAFF),
            row("GET /engineering", STAFF),
            row("GET /engineering/tickets/{number}", STAFF),
            row("GET /engineering/tickets/{number}/bundle.md", STAFF),
            row("POST /engineering/tickets/{number}/assign", ENGINEER_OR_ADMIN),
            row("POST /engineering/tickets/{number}/findings", ENGINEER_OR_ADMIN),
            row("GET /api/v1/escalations", STAFF),
            row("POST /api/v1/tickets/{number}/escalation", STAFF),
            row("GET /api/v1/tickets/{number}/bundle", STAFF),
            row("GET /api/v1/tickets/{number}/bundle.md", STAFF),
            row("POST /api/v1/tickets/{number}/findings", ENGINEER_OR_ADMIN),
            // Incidents: the public status page, and the desk's and API's incident work for any staff member
            row("GET /status", PUBLIC),
            row("GET /api/v1/status", PUBLIC),
            row("GET /api/v1/incidents", STAFF),
            row("POST /api/v1/incidents", STAFF),
            row("POST /api/v1/incidents/{id}/confirm", STAFF),
            row("POST /api/v1/incidents/{id}/replies", STAFF),
            row("POST /api/v1/incidents/{id}/resolve", STAFF),
            row("POST /api/v1/incidents/{id}/tickets", STAFF),
            row("GET /api/v1/incidents/{id}/escalation", STAFF),
            row("PUT /api/v1/incidents/{id}/escalation", STAFF),
            row("DELETE /api/v1/incidents/{id}/escalation", STAFF),
            row("GET /desk/incidents", STAFF),
            row("GET /desk/incidents/banner", STAFF),
            row("GET /desk/incidents/{id}", STAFF),
            row("POST /desk/incidents/{id}/confirm", STAFF),
            row("POST /desk/incidents/{id}/dismiss", STAFF),
            row("POST /desk/incidents/{id}/merge", STAFF),
            row("POST /desk/incidents/{id}/public", STAFF),
            row("POST /desk/incidents/{id}/rename", STAFF),
            row("POST /desk/incidents/{id}/reply", STAFF),
            row("POST /desk/incidents/{id}/resolve", STAFF),
            row("POST /desk/incidents/{id}/status", STAFF),
            row("POST /desk/incidents/{id}/tickets", STAFF),
            row("POST /desk/incidents/{id}/tickets/{ticketId}/unlink", STAFF),
            row("POST /desk/incidents/{id}/escalation", STAFF),
            row("POST /desk/incidents/{id}/escalation/unlink", STAFF),
            row("POST /desk/incidents/{id}/article", AGENT_OR_ADMIN),
            row("GET /desk/tickets/{number}/incidents", STAFF),
            row("GET /desk/tickets/{number}/attachments", STAFF),
            row("POST /desk/tickets/{number}/attachments", STAFF),
            row("GET /desk/tickets/{number}/attachments/{attachmentId}", STAFF),
            row("GET /desk/tickets/{number}/attachments/{attachmentId}/thumbnail", STAFF),
            row("GET /t/{token}/attachments", FOLLOW_TOKEN),
            row("POST /t/{token}/attachments", FOLLOW_TOKEN),
            row("GET /t/{token}/attachments/{attachmentId}", FOLLOW_TOKEN),
            row("GET /t/{token}/attachments/{attachmentId}/thumbnail", FOLLOW_TOKEN),
            row("POST /api/v1/tickets/{number}/attachments", STAFF),
            row("GET /api/v1/tickets/{number}/attachments/{attachmentId}", STAFF),
            row("GET /desk/tickets/{number}/presence", STAFF),
            row("POST /desk/tickets/{number}/presence/typing", STAFF),
            row("POST /desk/tickets/{number}/presence/leave", STAFF),
            // Live gateway database: the account panel for staff, sources' health for staff, their tests for admins
            row("GET /desk/tickets/{number}/accounts", STAFF),
            row("GET /desk/tickets/{number}/live-logs", STAFF),
            row("GET /api/v1/gateway/sources", STAFF),
            row("GET /admin/gateway-sources", ADMIN),
            row("POST /admin/gateway-sources/{name}/test", ADMIN),
            // Mail: the admin page (status, test mail, outbox, resend); each staff member's own switches
            row("GET /admin/mail", ADMIN),
            row("POST /admin/mail/test", ADMIN),
            row("POST /admin/mail/outbox/{id}/resend", ADMIN),
            row("GET /profile/mail", STAFF),
            row("POST /profile/mail", STAFF),
            // Knowledge base: public pages, feeds and search; articles written by agents and admins
            row("GET /kb", PUBLIC),
            row("GET /kb/{lang:en|zh-CN}", PUBLIC),
            row("GET /kb/{lang:en|zh-CN}/{slug}", PUBLIC),
            row("POST /kb/{lang:en|zh-CN}/{slug}/vote", PUBLIC),
            row("GET /kb/search", PUBLIC),
            row("GET /kb/related", PUBLIC),
            row("GET /kb/feed.atom", PUBLIC),
            row("GET /sitemap.xml", PUBLIC),
            row("GET /llms.txt", PUBLIC),
            row("GET /robots.txt", PUBLIC),
            row("GET /api/v1/kb/search", PUBLIC),
            row("POST /api/v1/articles", AGENT_OR_ADMIN),
            row("GET /api/v1/articles/{id}", STAFF),
            row("PUT /api/v1/articles/{id}", AGENT_OR_ADMIN),
            row("POST /api/v1/articles/{id}/publish", AGENT_OR_ADMIN),
            row("GET /desk/kb", AGENT_OR_ADMIN),
            row("GET /desk/kb/articles/new", AGENT_OR_ADMIN),
            row("POST /desk/kb/articles", AGENT_OR_ADMIN),
            row("GET /desk/kb/articles/{id}", AGENT_OR_ADMIN),
            row("POST /desk/kb/articles/{id}", AGENT_OR_ADMIN),
            row("POST /desk/kb/articles/{id}/submit", AGENT_OR_ADMIN),
            row("POST /desk/kb/articles/{id}/publish", AGENT_OR_ADMIN),
            row("POST /desk/kb/articles/{id}/archive", AGENT_OR_ADMIN),
            row("POST /desk/kb/articles/{id}/verify", AGENT_OR_ADMIN),
            row("POST /desk/kb/preview", AGENT_OR_ADMIN),
            row("GET /desk/kb/for-ticket/{number}", STAFF),
            row("GET /desk/kb/for-ticket/{number}/search", STAFF),
            row("POST /desk/kb/for-ticket/{number}/draft", AGENT_OR_ADMIN),
            row("POST /desk/kb/link-inserted", STAFF),
            row("GET /admin/kb", ADMIN),
            row("POST /admin/kb/settings", ADMIN),
            // Administration
            row("GET /admin/users", ADMIN),
            row("GET /admin/users/new", ADMIN),
            row("POST /admin/users", ADMIN),
            row("GET /admin/users/{id}", ADMIN),
            row("POST /admin/users/{id}", ADMIN),
            row("POST /admin/users/{id}/sessions/end", ADMIN),
            row("POST /admin/users/{id}/two-factor/reset", ADMIN),
            row("GET /admin/login-audit", ADMIN),
            row("GET /admin/rules", ADMIN),
            row("POST /admin/rules", ADMIN),
            row("GET /admin/rules/new", ADMIN),
            row("POST /admin/rules/test", ADMIN),
            row("GET /admin/rules/{id}", ADMIN),
            row("POST /admin/rules/{id}", ADMIN),
            row("POST /admin/rules/{id}/enabled", ADMIN),
            row("GET /admin/answers", ADMIN),
            row("GET /admin/answers/new", ADMIN),
            row("POST /admin/answers", ADMIN),
            row("GET /admin/answers/{id}", ADMIN),
            row("POST /admin/answers/{id}", ADMIN),
            row("POST /admin/answers/{id}/retire", ADMIN),
            row("GET /admin/ingest-tokens", ADMIN),
            row("POST /admin/ingest-tokens", ADMIN),
            row("POST /admin/ingest-tokens/{id}/revoke", ADMIN),
            row("GET /admin/site", ADMIN),
            row("POST /admin/site", ADMIN),
            row("GET /admin/models", ADMIN),
            row("POST /admin/models", ADMIN),
            row("POST /admin/models/import", ADMIN),
            row("POST /admin/models/{id}", ADMIN),
            row("POST /admin/models/{id}/delete", ADMIN),
            row("POST /admin/setup/dismiss", ADMIN));

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    TicketService tickets;
    @Autowired
    UserService users;
    @Autowired
    io.gatedesk.ticket.TicketAttachments attachments;
    @Autowired
    io.gatedesk.attachment.AttachmentService attachmentService;

    TicketReceipt ticket;
    String ingestToken;
    /** A screenshot the customer attached: its file and thumbnail routes answer for real. */
    long attachmentId;

    @BeforeAll
    void setUp() throws Exception {
        ticket = tickets.submit(new NewTicket("Matrix", "Cursor answers 401 for every call", "Ann Customer",
                "matrix@example.com", null, null, null, null, null, null, 401, null, null, null, null, null),
                Locale.ENGLISH);
        users.create(new UserService.NewStaffMember("matrix-agent", "Agent", null, "matrix-password-1",
                EnumSet.of(Role.AGENT)));
        users.create(new UserService.NewStaffMember("matrix-engineer", "Engineer", null, "matrix-password-1",
                EnumSet.of(Role.ENGINEER)));
        users.create(new UserService.NewStaffMember("matrix-admin", "Admin", null, "matrix-password-1",
                EnumSet.of(Role.ADMIN)));
        ingestToken = IngestTokenIssuer.issue(mvc, "matrix-gateway");
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(40, 20,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        attachments.attach(ticket.id(), null, List.of(new org.springframework.mock.web.MockMultipartFile("files",
                "screen.png", "image/png", png.toByteArray())), "Ann Customer", true, false);
        attachmentId = attachmentService.forCustomer(ticket.id()).get(0).id();
    }

    @Test
    void everyRouteHasExactlyOneRule() {
        Set<String> routes = new TreeSet<>();
        Routes.of(mappings).all().forEach(route -> routes.add(route.key()));

        Set<String> withoutRow = new TreeSet<>(routes);
        withoutRow.removeAll(TABLE.keySet());
        Set<String> withoutRoute = new TreeSet<>(TABLE.keySet());
        withoutRoute.removeAll(routes);
        assertThat(withoutRow).as("routes without a row in AccessControlMatrixTest.TABLE: add one line each").isEmpty();
        assertThat(withoutRoute).as("rows in AccessControlMatrixTest.TABLE whose route no longer exists").isEmpty();
    }

    @Test
    void everyCallerGetsTheAnswerTheTableDeclaresOnEveryRoute() throws Exception {
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Routes.Route route : Routes.of(mappings).all()) {
            Access access = TABLE.get(route.key());
            if (access == null) {
                continue; // reported by everyRouteHasExactlyOneRule
            }
            for (Caller caller : Caller.values()) {
                MockHttpServletResponse response = call(route, caller);
                calls++;
                String answer = answer(access, response);
                boolean allowed = access.allowed.contains(caller);
                String expected = allowed ? "let through" : refusal(route, access, caller);
                boolean ok = allowed ? answer.equals("let through") : answer.equals(expected);
                if (!ok) {
                    wrong.add(route + " as " + caller + ": expected " + expected + ", got " + answer);
                }
            }
        }
        assertThat(wrong).as("answers that differ from the table").isEmpty();
        assertThat(calls).isGreaterThan(400);
    }

    private MockHttpServletResponse call(Routes.Route route, Caller caller) throws Exception {
        String path = route.path(variable -> switch (variable) {
            case "token" -> caller == Caller.ANONYMOUS ? "g2HqL0aS3y1Zx8Kp4Wv7Bn5Rt9Mc6Fd0Je2Uo4Ii6Y" : ticket.followToken();
            case "number" -> ticket.number();
            case "slug" -> "cursor";
            case "key" -> "no-such-answer";
            case "attachmentId" -> String.valueOf(attachmentId);
            default -> "999999";
        });
        MockHttpServletRequestBuilder request = request(route.method().asHttpMethod(), path).with(csrf());
        if (route.htmx()) {
            request.header("HX-Request", "true");
        }
        switch (caller) {
            case AGENT -> request.with(user("matrix-agent").roles("AGENT"));
            case ENGINEER -> request.with(user("matrix-engineer").roles("ENGINEER"));
            case ADMIN -> request.with(user("matrix-admin").roles("ADMIN"));
            case INGEST_TOKEN -> request.header("Authorization", "Bearer " + ingestToken);
            default -> { }
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    /** What a caller who may not pass is told. */
    private static String refusal(Routes.Route route, Access access, Caller caller) {
        boolean signedIn = caller == Caller.AGENT || caller == Caller.ENGINEER || caller == Caller.ADMIN;
        if (access == FOLLOW_TOKEN) {
            return "404";
        }
        if (access == FORWARD_TO_LOGIN) {
            return "login";
        }
        if (route.pattern().startsWith("/api/")) {
            return signedIn || caller == Caller.INGEST_TOKEN ? "403" : "401";
        }
        // The browser side knows no ingest tokens: such a caller is a stranger there.
        return signedIn ? "403" : "login";
    }

    /**
     * "let through" unless the security layer refused the call; on a follow-token route a 404 is the refusal (an
     * unknown token looks exactly like a missing ticket), elsewhere it only means the sample id does not exist.
     */
    private static String answer(Access access, MockHttpServletResponse response) {
        int status = response.getStatus();
        String location = response.getHeader("Location");
        String hxRedirect = response.getHeader("HX-Redirect");
        if (status == 302 && location != null && location.endsWith("/login")
                || status == 401 && hxRedirect != null && hxRedirect.endsWith("/login")) {
            return "login";
        }
        if (status == 401 || status == 403 || status >= 500 || status == 404 && access == FOLLOW_TOKEN) {
            return String.valueOf(status);
        }
        return "let through";
    }

    private static Map.Entry<String, Access> row(String route, Access access) {
        return Map.entry(route, access);
    }

    @SafeVarargs
    private static Map<String, Access> table(Map.Entry<String, Access>... rows) {
        Map<String, Access> table = new LinkedHashMap<>();
        for (Map.Entry<String, Access> row : rows) {
            if (table.put(row.getKey(), row.getValue()) != null) {
                throw new IllegalStateException("two rows for " + row.getKey());
            }
        }
        return table;
    }
}
