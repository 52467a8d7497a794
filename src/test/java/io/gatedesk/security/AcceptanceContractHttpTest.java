package io.gatedesk.security;

import io.gatedesk.support.StaffHttpClient;
import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.TicketReceipt;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.user.Role;
import io.gatedesk.user.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's "Contract the acceptance check relies on", done literally against the running app on a random port
 * with the shipped throttle settings (5 failures, 60 s first lock): five failed form logins, then the right password
 * within a minute does not log in; after the wait it does. Every HTML answer carries a Content-Security-Policy whose
 * {@code script-src} has no {@code unsafe-inline}, and {@code /t/…} carries {@code Referrer-Policy: no-referrer}.
 * The wait is passed by moving the application's clock, not by sleeping a minute.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AcceptanceContractHttpTest {

    static final String PASSWORD = "acceptance passphrase";

    /** The system clock plus an offset the test can move forward. */
    static final class MovableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void forward(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    TicketService tickets;
    @Autowired
    MovableClock clock;

    @Test
    void afterFiveFailuresTheRightPasswordWithinAMinuteDoesNotLogInAndAfterTheWaitItDoes() {
        String username = "acc-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new UserService.NewStaffMember(username, "Acceptance", null, PASSWORD, EnumSet.of(Role.AGENT)));
        StaffHttpClient browser = new StaffHttpClient(port);
        for (int i = 1; i <= 5; i++) {
            assertThat(browser.login(username, "wrong password " + i).statusCode()).isIn(302, 429);
        }
        HttpResponse<String> sixth = browser.login(username, PASSWORD);
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Retry-After").map(Long::parseLong).orElseThrow())
                .isBetween(1L, 60L);
        assertThat(browser.get("/desk").statusCode()).as("not logged in").isEqualTo(302);

        clock.forward(Duration.ofSeconds(30));
        assertThat(browser.login(username, PASSWORD).statusCode()).as("still within the minute").isEqualTo(429);

        clock.forward(Duration.ofSeconds(31));
        HttpResponse<String> afterTheWait = browser.login(username, PASSWORD);
        assertThat(afterTheWait.statusCode()).isEqualTo(302);
        assertThat(afterTheWait.headers().firstValue("Location").orElse("")).contains("/desk");
        assertThat(browser.get("/desk").statusCode()).isEqualTo(200);
    }

    @Test
    void everyHtmlAnswerHasACspWithoutUnsafeInlineAndTheFollowPageSendsNoReferrer() {
        TicketReceipt ticket = tickets.submit(new NewTicket("Contract", "Cursor answers 401 for every call",
                "Ann Customer", "ann@example.com", null, null, null, "gpt-4o", null, null, 401, null, null, null,
                null, null), Locale.ENGLISH);
        StaffHttpClient visitor = new StaffHttpClient(port);
        StaffHttpClient admin = new StaffHttpClient(port);
        assertThat(admin.login("admin", "test-admin-password").statusCode()).isEqualTo(302);
        List<String> publicPages = List.of("/", "/help", "/login", "/kb", "/status", "/t/" + ticket.followToken(),
                "/t/no-such-token-at-all", "/no/such/page");
        List<String> staffPages = List.of("/desk", "/desk/tickets/" + ticket.number(), "/profile", "/admin/users",
                "/admin/login-audit", "/engineering", "/desk/logs");
        int html = 0;
        for (String path : publicPages) {
            html += checkHtml(visitor.get(path), path);
        }
        for (String path : staffPages) {
            html += checkHtml(admin.get(path), path);
        }
        assertThat(html).isGreaterThanOrEqualTo(publicPages.size() + staffPages.size() - 3);

        HttpResponse<String> follow = visitor.get("/t/" + ticket.followToken());
        assertThat(follow.statusCode()).isEqualTo(200);
        assertThat(follow.body()).contains("Contract");
        assertThat(follow.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(visitor.get("/t/no-such-token-at-all").headers().firstValue("Referrer-Policy"))
                .hasValue("no-referrer");
        assertThat(visitor.get("/help").headers().firstValue("Referrer-Policy"))
                .hasValue("strict-origin-when-cross-origin");
    }

    /** 1 when the answer is HTML (and then its CSP was checked), else 0. */
    private static int checkHtml(HttpResponse<String> response, String path) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("text/html")) {
            assertThat(response.statusCode()).as(path + " is not HTML, so it must be a redirect").isBetween(300, 399);
            return 0;
        }
        String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
        String scriptSrc = csp.replaceAll(".*script-src([^;]*).*", "$1");
        assertThat(csp).as(path).contains("script-src", "default-src 'self'");
        assertThat(scriptSrc).as(path).doesNotContain("unsafe-inline").contains("'nonce-");
        return 1;
    }
}
