package io.gatedesk.cluster;

import io.gatedesk.support.EmbeddedPostgres;
import io.gatedesk.support.StaffHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two GateDesk nodes, each a whole application on its own random port, on ONE PostgreSQL database: what an operator
 * gets with two processes of the same jar behind a balancer. Whatever one node knows about a visitor, the other must
 * know too.
 */
class TwoNodeTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    static final String ADMIN_PASSWORD = "test-admin-password";

    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() {
        String url = EmbeddedPostgres.newDatabase();
        // One after the other: the first creates the schema and the initial admin, as on a first deployment.
        nodeA = Nodes.start(url);
        nodeB = Nodes.start(url);
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

    static String csrfToken(String page) {
        Matcher token = CSRF.matcher(page);
        return token.find() ? token.group(1) : "";
    }
}
