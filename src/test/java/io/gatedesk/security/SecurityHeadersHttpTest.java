package io.gatedesk.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answers MockMvc cannot show, from the running server: Tomcat's error dispatch (404, 405, a refused CSRF
 * token, an oversized upload), the API chain's 401 and 403, and a request Spring Security's firewall rejects.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SecurityHeadersHttpTest {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void errorPagesFromTheServerCarryTheHeaders() throws Exception {
        check(HttpRequest.newBuilder(uri("/assets/no-such.css")).GET(), 404);
        check(HttpRequest.newBuilder(uri("/t/no-such-token")).GET(), 404);
        check(HttpRequest.newBuilder(uri("/secret-check")).GET(), 405);
        // A form post without its CSRF token: the security chain refuses it and the error page renders.
        check(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=a&password=b")), 403);
        // Spring Security's firewall rejects an encoded path traversal before any controller sees it.
        check(HttpRequest.newBuilder(uri("/assets/%2e%2e/application.properties")).GET(), 400);
    }

    @Test
    void theApiChainsOwnRefusalsCarryTheHeaders() throws Exception {
        check(HttpRequest.newBuilder(uri("/api/v1/tickets")).GET(), 401);
        check(HttpRequest.newBuilder(uri("/api/v1/gateway-logs")).header("Authorization", "Bearer gdi_forged")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("[]")), 401);
        String basic = "Basic " + Base64.getEncoder()
                .encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8));
        // Only a gateway's ingest token may push logs; an admin is refused with 403.
        check(HttpRequest.newBuilder(uri("/api/v1/gateway-logs")).header("Authorization", basic)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("[]")), 403);
        check(HttpRequest.newBuilder(uri("/api/v1/tickets/GD-999999")).header("Authorization", basic).GET(), 404);
    }

    @Test
    void anAnonymousVisitorToTheDeskIsSentToLoginWithTheHeaders() throws Exception {
        HttpResponse<String> response = check(HttpRequest.newBuilder(uri("/desk")).GET(), 302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
    }

    private HttpResponse<String> check(HttpRequest.Builder request, int status) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String what = response.request().method() + " " + response.uri() + " -> " + response.statusCode();
        assertThat(response.statusCode()).as(what).isEqualTo(status);
        HardenedHeaders.assertOn(what, response.uri().getRawPath(),
                name -> response.headers().firstValue(name).orElse(null));
        return response;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
