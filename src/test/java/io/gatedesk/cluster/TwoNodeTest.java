package io.gatedesk.cluster;

import io.gatedesk.support.EmbeddedPostgres;
import io.gatedesk.support.StaffHttpClient;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two GateDesk nodes, each a whole application on its own random port, on ONE PostgreSQL database: what an operator
 * gets with two processes of the same jar behind a balancer. Whatever one node knows about a visitor, the other must
 * know too.
 */
class TwoNodeTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    static final String ADMIN_PASSWORD = "test-admin-password";
    static final String LIMITED = "Too many requests from your address";

    /** A small bucket for read-only checks, so the test can empty it; the test profile's is 1000. */
    static final String[] ARGS = {"--gatedesk.rate-limit.check-capacity=4", "--gatedesk.rate-limit.check-refill-tokens=4",
            "--gatedesk.rate-limit.refill-period=1h"};
    static final Class<?>[] SOURCES = {CountingJob.class};

    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() {
        String url = EmbeddedPostgres.newDatabase();
        // One after the other: the first creates the schema and the initial admin, as on a first deployment.
        nodeA = Nodes.start(url, SOURCES, ARGS);
        nodeB = Nodes.start(url, SOURCES, ARGS);
    }

    @AfterAll
    static void stopNodes() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    @Test
    void aSessionStartedOnOneNodeIsSignedInOnTheOther() {
        StaffHttpClient onA = new StaffHttpClient(port(nodeA));
        HttpResponse<String> login = onA.login("admin", ADMIN_PASSWORD);
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/desk");

        StaffHttpClient onB = new StaffHttpClient(port(nodeB));
        onB.useSession(onA.sessionId());
        HttpResponse<String> desk = onB.get("/desk");
        assertThat(desk.statusCode()).isEqualTo(200);
        assertThat(desk.body()).contains("queue-filters");

        // htmx asks for fragments with the same cookie.
        HttpResponse<String> fragment = onB.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port(nodeB) + "/desk"))
                .header("HX-Request", "true").GET().build());
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).doesNotContain("<html");
    }

    @Test
    void theCsrfTokenIsTheSameOnBothNodesAndAPostWithBsTokenSucceeds() {
        StaffHttpClient onA = new StaffHttpClient(port(nodeA));
        onA.login("admin", ADMIN_PASSWORD);
        String tokenOnA = csrfToken(onA.get("/profile").body());

        StaffHttpClient onB = new StaffHttpClient(port(nodeB));
        onB.useSession(onA.sessionId());
        String tokenOnB = csrfToken(onB.get("/profile").body());
        assertThat(tokenOnB).isNotBlank();

        String username = "node-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = onB.postForm("/admin/users/new", "/admin/users", Map.of(
                "username", username, "displayName", "Made on B", "password", "a long enough passphrase 42",
                "roles", "AGENT"));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location").orElse("")).endsWith("/admin/users");
        // Both nodes read the same row.
        assertThat(onA.get("/admin/users").body()).contains(username);
        // Tokens from A's page are valid on B too (the token lives in the shared session, not in the node).
        assertThat(tokenOnA).isNotBlank();
        HttpResponse<String> refused = onB.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port(nodeB) + "/admin/users"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=forged&username=x")).build());
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void loggingOutOnOneNodeEndsTheSessionOnTheOther() {
        StaffHttpClient onA = new StaffHttpClient(port(nodeA));
        onA.login("admin", ADMIN_PASSWORD);
        StaffHttpClient onB = new StaffHttpClient(port(nodeB));
        onB.useSession(onA.sessionId());
        assertThat(onB.get("/desk").statusCode()).isEqualTo(200);

        HttpResponse<String> logout = onB.postForm("/profile", "/logout", Map.of());
        assertThat(logout.headers().firstValue("Location").orElse("")).endsWith("/login?logout");

        HttpResponse<String> afterOnA = onA.get("/desk");
        assertThat(afterOnA.statusCode()).isEqualTo(302);
        assertThat(afterOnA.headers().firstValue("Location").orElse("")).contains("/login");
    }

    @Test
    void theFollowLinkAfterFilingOnOneNodeIsShownOnTheOtherAndOnlyOnce() {
        StaffHttpClient customerOnA = new StaffHttpClient(port(nodeA));
        HttpResponse<String> filed = customerOnA.postForm("/", "/", Map.of("subject", "Cursor 401 on two nodes",
                "description", "Since 9:00", "customerName", "Ann", "customerEmail", "ann@example.com",
                "client", "CURSOR", "statusCode", "401", "callerType", "PRODUCTION"));
        assertThat(filed.headers().firstValue("Location").orElse("")).endsWith("/submitted");

        // The balancer sends the redirect's GET to the other node: the one-time receipt is in the shared session.
        StaffHttpClient customerOnB = new StaffHttpClient(port(nodeB));
        customerOnB.useSession(customerOnA.sessionId());
        HttpResponse<String> receipt = customerOnB.get("/submitted");
        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(receipt.body()).containsPattern("/t/[A-Za-z0-9_-]{43}");
        // Shown once: back on A it is gone.
        assertThat(customerOnA.get("/submitted").statusCode()).isEqualTo(302);
    }

    @Test
    void aScheduledJobRunsOnOneNodeAtATimeNotOnEveryNode() throws InterruptedException {
        CountingJob.RUNS.clear();
        Thread.sleep(5_000);
        List<CountingJob.Run> runs = List.copyOf(CountingJob.RUNS);

        // Scheduled every 100 ms on two nodes: 100 runs in 5 s unlocked. Locked for at least 1 s after each run,
        // whichever node runs it: at most one run per second across both.
        assertThat(runs).hasSizeBetween(3, 6);
        for (int i = 1; i < runs.size(); i++) {
            assertThat(Duration.between(runs.get(i - 1).at(), runs.get(i).at())).isGreaterThan(Duration.ofMillis(900));
        }
    }

    @Test
    void aLockHeldByANodeThatDiedIsFreedWhenItsLeaseEnds() {
        LockProvider onA = nodeA.getBean(LockProvider.class);
        LockProvider onB = nodeB.getBean(LockProvider.class);
        String job = "job-of-a-dead-node-" + UUID.randomUUID();
        // Node A takes the lock for at most 2 s and never lets go, as a node that crashed mid-run.
        assertThat(onA.lock(new LockConfiguration(Instant.now(), job, Duration.ofSeconds(2), Duration.ZERO)))
                .isPresent();

        assertThat(onB.lock(new LockConfiguration(Instant.now(), job, Duration.ofSeconds(2), Duration.ZERO)))
                .isEmpty();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(onB.lock(new LockConfiguration(Instant.now(), job, Duration.ofSeconds(30), Duration.ZERO)))
                        .isPresent());
    }

    @Test
    void checksCountedOnOneNodeAreCountedOnTheOther() {
        // One visitor (one address: both nodes see 127.0.0.1) alternating between the nodes, as a balancer sends them.
        StaffHttpClient visitorOnA = new StaffHttpClient(port(nodeA));
        StaffHttpClient visitorOnB = new StaffHttpClient(port(nodeB));
        Map<String, String> check = Map.of("client", "CURSOR", "statusCode", "401", "errorMessage", "Invalid key");
        for (int i = 0; i < 2; i++) {
            assertThat(visitorOnA.postForm("/help/diagnose", "/help/diagnose", check).body()).doesNotContain(LIMITED);
            assertThat(visitorOnB.postForm("/help/diagnose", "/help/diagnose", check).body()).doesNotContain(LIMITED);
        }
        // Four checks spent, two on each node: the fifth is refused on either.
        assertThat(visitorOnA.postForm("/help/diagnose", "/help/diagnose", check).body()).contains(LIMITED);
        assertThat(visitorOnB.postForm("/help/diagnose", "/help/diagnose", check).body()).contains(LIMITED);
        assertThat(nodeA.getBean(JdbcTemplate.class).queryForObject(
                "SELECT count(*) FROM rate_limit_buckets WHERE id LIKE 'check:%'", Integer.class)).isEqualTo(1);
    }

    @Test
    void siteSettingsSavedOnOneNodeShowOnTheOtherWithinSeconds() {
        StaffHttpClient adminOnA = new StaffHttpClient(port(nodeA));
        adminOnA.login("admin", ADMIN_PASSWORD);
        StaffHttpClient visitorOnB = new StaffHttpClient(port(nodeB));
        assertThat(visitorOnB.get("/login").body()).doesNotContain("Desk-");

        String name = "Desk-" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> saved = adminOnA.postForm("/admin/site", "/admin/site", Map.of("name", name,
                "apiBaseUrl", "https://api.example.com", "webUrls", ""));
        assertThat(saved.statusCode()).isEqualTo(302);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(visitorOnB.get("/login").body()).contains(name));
    }

    @Test
    void theBalancerSeesReadinessAndLivenessAnonymouslyAndANodeGoingAwayReportsOutOfService() {
        StaffHttpClient balancer = new StaffHttpClient(port(nodeB));
        for (String probe : List.of("/readyz", "/livez", "/actuator/health/readiness", "/actuator/health")) {
            HttpResponse<String> answer = balancer.get(probe);
            assertThat(answer.statusCode()).as(probe).isEqualTo(200);
            // A status for the balancer, nothing about the database or the disk for strangers.
            assertThat(answer.body()).as(probe).contains("\"status\":\"UP\"").doesNotContain("components", "db");
        }
        // What Spring Boot publishes when the node's context starts closing (a stop, a rolling upgrade).
        AvailabilityChangeEvent.publish(nodeB, ReadinessState.REFUSING_TRAFFIC);
        try {
            HttpResponse<String> stopping = balancer.get("/readyz");
            assertThat(stopping.statusCode()).isEqualTo(503);
            assertThat(stopping.body()).contains("OUT_OF_SERVICE");
            assertThat(balancer.get("/livez").statusCode()).isEqualTo(200);
        } finally {
            AvailabilityChangeEvent.publish(nodeB, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(balancer.get("/readyz").statusCode()).isEqualTo(200);
    }

    static String csrfToken(String page) {
        Matcher token = CSRF.matcher(page);
        return token.find() ? token.group(1) : "";
    }
}
