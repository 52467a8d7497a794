package io.gatedesk.faults;

import io.gatedesk.support.StaffHttpClient;
import io.gatedesk.support.StoppablePostgres;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While PostgreSQL is stopped: the 503 page still gets its stylesheet and scripts (static files never wait for the
 * session store, with or without a session cookie), and a login — form or HTTP Basic — is a clear 503, not a 500
 * and never a stack trace. Once the database is back, the same login works without a restart.
 */
class DatabaseAwayLoginAndAssetsTest {

    static final String[] STATIC = {"/assets/js/app.js", "/assets/css/app.css", "/assets/img/favicon.svg"};

    @Test
    void staticFilesServeAndLoginsAnswer503WhileTheDatabaseIsAwayThenLoginWorksAgain() {
        try (StoppablePostgres postgres = new StoppablePostgres();
             ConfigurableApplicationContext app = postgres.startApp(
                     "--logging.level.org.springframework.session=ERROR")) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            StaffHttpClient signedIn = new StaffHttpClient(port);
            assertThat(signedIn.login("admin", "test-admin-password").statusCode()).isEqualTo(302);
            StaffHttpClient visitor = new StaffHttpClient(port);
            String loginPage = visitor.get("/login").body();
            String htmx = webjarPath(loginPage);

            postgres.stop();

            for (String path : new String[] {STATIC[0], STATIC[1], STATIC[2], htmx}) {
                assertThat(signedIn.get(path).statusCode()).as("%s with a session cookie", path).isEqualTo(200);
                assertThat(new StaffHttpClient(port).get(path).statusCode()).as("%s without a cookie", path)
                        .isEqualTo(200);
            }
            // What operators watch (a probe sends no cookie): health goes down with the database, liveness does not.
            StaffHttpClient probe = new StaffHttpClient(port);
            assertThat(probe.get("/actuator/health").statusCode()).isEqualTo(503);
            assertThat(probe.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
            HttpResponse<String> page = signedIn.get("/desk");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body()).contains("/assets/css/app.css");

            HttpResponse<String> form = visitor.send(HttpRequest.newBuilder(URI.create(
                            "http://localhost:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=test-admin-password&_csrf="
                            + csrf(loginPage))).build());
            assertThat(form.statusCode()).isEqualTo(503);
            assertThat(form.headers().firstValue("Retry-After")).isPresent();
            assertThat(form.body()).contains("GateDesk cannot reach its database").doesNotContain(
                    "Exception", "at org.", "at io.gatedesk", "password");

            HttpResponse<String> basic = visitor.send(HttpRequest.newBuilder(URI.create(
                            "http://localhost:" + port + "/api/v1/tickets"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "admin:test-admin-password".getBytes(StandardCharsets.UTF_8))).GET().build());
            assertThat(basic.statusCode()).isEqualTo(503);
            assertThat(basic.headers().firstValue("Retry-After")).isPresent();
            assertThat(basic.body()).contains("\"DATABASE_UNAVAILABLE\"").doesNotContain("Exception", "at org.");

            postgres.start();
            StaffHttpClient afterwards = new StaffHttpClient(port);
            int status = 0;
            long giveUpAt = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (status != 302 && System.nanoTime() < giveUpAt) {
                // The pool may hand out one connection broken by the restart: that is one more 503, then it heals.
                try {
                    status = afterwards.postForm("/login", "/login",
                            Map.of("username", "admin", "password", "test-admin-password")).statusCode();
                } catch (IllegalStateException noLoginFormYet) {
                    status = 503;
                }
            }
            assertThat(status).isEqualTo(302);
            assertThat(afterwards.get("/desk").statusCode()).isEqualTo(200);
        }
    }

    private static String webjarPath(String html) {
        int start = html.indexOf("/webjars/");
        return html.substring(start, html.indexOf('"', start));
    }

    private static String csrf(String html) {
        var matcher = java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
