package io.gatedesk.security;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upload limits and content checks of the log imports on the running server, with the multipart limit lowered to
 * 64 KB so a test can exceed it: too large answers 413 with a clear message (page or JSON), never a 500; a binary
 * file dressed up as CSV is refused for what it is, not for its name or declared type.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.servlet.multipart.max-file-size=64KB", "spring.servlet.multipart.max-request-size=65KB"})
@ActiveProfiles("test")
class ImportUploadLimitsTest {

    static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8));
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void anOversizedApiImportAnswers413InJson() throws Exception {
        HttpResponse<String> response = http.send(multipart("/api/v1/gateway-logs/import", null,
                "big.jsonl", "application/x-ndjson", "{}\n".repeat(40_000).getBytes(StandardCharsets.UTF_8))
                .header("Authorization", BASIC).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
    }

    @Test
    void anOversizedUploadOnTheImportPageAnswers413WithAPage() throws Exception {
        String csrf = signInAndReadCsrf();
        HttpResponse<String> response = http.send(multipart("/desk/logs/import", csrf, "big.csv", "text/csv",
                "a,b\n".repeat(40_000).getBytes(StandardCharsets.UTF_8)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.body()).contains("role=\"alert\"");
        HardenedHeaders.assertOn("oversized upload", "/desk/logs/import",
                name -> response.headers().firstValue(name).orElse(null));
    }

    @Test
    void aBinaryFileDressedAsCsvIsRefusedForWhatItIs() throws Exception {
        byte[] png = new byte[2048];
        System.arraycopy(PNG, 0, png, 0, PNG.length);
        HttpResponse<String> api = http.send(multipart("/api/v1/gateway-logs/import", null, "logs.csv", "text/csv",
                png).header("Authorization", BASIC).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).as(api.body()).isEqualTo(422);
        assertThat(api.body()).contains("BINARY_FILE");

        String csrf = signInAndReadCsrf();
        HttpResponse<String> page = http.send(multipart("/desk/logs/import", csrf, "logs.csv", "text/csv", png)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(422);
    }

    private String signInAndReadCsrf() throws Exception {
        Document login = Jsoup.parse(http.send(HttpRequest.newBuilder(uri("/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String token = login.select("input[name=_csrf]").attr("value");
        String form = "username=admin&password=" + URLEncoder.encode("test-admin-password", StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        Document page = Jsoup.parse(http.send(HttpRequest.newBuilder(uri("/desk/logs/import")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        return page.select("meta[name=_csrf]").attr("content");
    }

    /** A multipart body with one file part; the CSRF token travels as the form field a browser sends. */
    private HttpRequest.Builder multipart(String path, String csrf, String filename, String type, byte[] content) {
        String boundary = "----gatedesk" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (csrf != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf
                    + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
