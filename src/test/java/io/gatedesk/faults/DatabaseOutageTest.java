package io.gatedesk.faults;

import io.gatedesk.support.StoppablePostgres;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, item 6: PostgreSQL is stopped (pg_ctl fast shutdown, which aborts the transactions in flight) while
 * customers send 500 ticket forms, each with its form's idempotency key, and retry the same key after a failure as
 * a browser's "send again" would. Every submission the app acknowledged must exist exactly once, the app must answer
 * 503 with a clear page while the database is away, and serve normally again once it is back, without a restart.
 * Its own PostgreSQL (not the shared test server), since this test stops it.
 */
class DatabaseOutageTest {

    static final int SUBMISSIONS = 500;
    static final int CLIENTS = 4;
    static final int STOP_AFTER_ACKNOWLEDGED = 150;
    static final Duration OUTAGE = Duration.ofSeconds(8);
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    final Map<Integer, AtomicInteger> otherStatuses = new ConcurrentHashMap<>();
    final AtomicInteger unavailable = new AtomicInteger();
    final AtomicInteger retried = new AtomicInteger();
    final AtomicInteger connectionErrors = new AtomicInteger();
    final AtomicLong slowest503Millis = new AtomicLong();
    final AtomicReference<KeptForm> keptForm = new AtomicReference<>();
    final AtomicInteger next = new AtomicInteger();
    /** The first answer of an unexpected status, kept whole so a failure says what the app answered. */
    final AtomicReference<String> firstUnexpected = new AtomicReference<>();

    /** A form the 503 page handed back to send again, with the visitor whose session it belongs to. */
    record KeptForm(Visitor visitor, String body, String subject) {
    }

    @Test
    void acknowledgedSubmissionsSurviveAStoppedDatabaseExactlyOnceAndTheAppRecoversByItself() throws Exception {
        StoppablePostgres postgres = new StoppablePostgres();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try (ConfigurableApplicationContext app = postgres.startApp("--logging.level.org.springframework.session=ERROR")) {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                Visitor visitor = new Visitor(base);
                done.add(clients.submit(() -> {
                    submitAll(visitor);
                    return null;
                }));
            }

            while (acknowledged.size() < STOP_AFTER_ACKNOWLEDGED) {
                Thread.sleep(20);
            }
            postgres.stop();
            long stoppedAt = System.nanoTime();
            int acknowledgedAtStop = acknowledged.size();
            Thread.sleep(1_000);
            assertTheAppSaysTheDatabaseIsAway(new Visitor(base), base);
            Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - stoppedAt) / 1_000_000));
            postgres.start();
            long outageMillis = (System.nanoTime() - stoppedAt) / 1_000_000;

            for (Future<?> client : done) {
                client.get(3, TimeUnit.MINUTES);
            }

            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Map<String, Integer> filed = new LinkedHashMap<>();
            jdbc.query("SELECT subject, count(*) FROM tickets WHERE subject LIKE ? GROUP BY subject",
                    rs -> {
                        filed.put(rs.getString(1), rs.getInt(2));
                    }, "Outage " + run + " #%");
            int keyRows = jdbc.queryForObject("SELECT count(*) FROM ticket_submission_keys k JOIN tickets t"
                    + " ON t.id = k.ticket_id WHERE t.subject LIKE ?", Integer.class, "Outage " + run + " #%");
            int distinctTickets = jdbc.queryForObject("SELECT count(DISTINCT k.ticket_id) FROM ticket_submission_keys k"
                    + " JOIN tickets t ON t.id = k.ticket_id WHERE t.subject LIKE ?", Integer.class, "Outage " + run + " #%");

            System.out.printf("Outage test: %d submissions from %d clients; PostgreSQL stopped after %d acknowledged"
                            + " for %d ms; acknowledged %d, 503 answers %d (slowest %d ms), retried %d, connection"
                            + " errors %d, other statuses %s; tickets in the database %d, duplicates %d%n",
                    SUBMISSIONS, CLIENTS, acknowledgedAtStop, outageMillis, acknowledged.size(), unavailable.get(),
                    slowest503Millis.get(), retried.get(), connectionErrors.get(), otherStatuses, filed.size(),
                    filed.values().stream().filter(count -> count > 1).count());

            assertThat(unavailable.get()).as("the outage was seen by the clients").isPositive();
            assertThat(otherStatuses).as("no 500s or other answers than 302 and 503; the first one was:%n%s",
                    firstUnexpected.get()).isEmpty();
            assertThat(acknowledged).hasSize(SUBMISSIONS);
            assertThat(filed.keySet()).containsExactlyInAnyOrderElementsOf(acknowledged.values());
            assertThat(filed.values()).allMatch(count -> count == 1);
            assertThat(keyRows).isEqualTo(SUBMISSIONS);
            assertThat(distinctTickets).isEqualTo(SUBMISSIONS);
            assertThat(slowest503Millis.get()).as("a 503 comes within Hikari's connection timeout")
                    .isLessThan(10_000);

            sendTheKeptFormAgainFilesNothingNew(jdbc);
            theAppServesNormallyWithoutARestart(base);
        } finally {
            clients.shutdownNow();
            postgres.close();
        }
    }

    /** What a customer sees while the database is away: pages, the API, the form's kept text, both languages. */
    private void assertTheAppSaysTheDatabaseIsAway(Visitor fresh, String base) throws Exception {
        HttpResponse<String> page = fresh.get("/", "en");
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).isPresent();
        assertThat(page.body()).contains("GateDesk cannot reach its database").contains("your text was not lost")
                .doesNotContain("Exception").doesNotContain("at io.gatedesk");
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();

        HttpResponse<String> chinese = fresh.get("/help", "zh-CN");
        assertThat(chinese.statusCode()).isEqualTo(503);
        assertThat(chinese.body()).contains("GateDesk 无法连接到它的数据库");

        HttpResponse<String> api = fresh.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tickets"))
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":\"API during outage\",\"description\":\"d\","
                        + "\"name\":\"Ann\",\"email\":\"ann@example.com\"}")).build());
        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.headers().firstValue("Retry-After")).isPresent();
        assertThat(api.body()).contains("\"code\":\"DATABASE_UNAVAILABLE\"").doesNotContain("Exception");

        HttpResponse<String> fragment = fresh.send(HttpRequest.newBuilder(URI.create(base + "/help"))
                .header("HX-Request", "true").GET().build());
        assertThat(fragment.headers().firstValue("HX-Retarget")).contains("#flash");
        assertThat(fragment.body()).contains("cannot reach its database").doesNotContain("<html");
    }

    /** The 503 page's "Send again" form, posted once the database is back, gets the first ticket: nothing new. */
    private void sendTheKeptFormAgainFilesNothingNew(JdbcTemplate jdbc) {
        KeptForm kept = keptForm.get();
        assertThat(kept).as("a form submission met the outage and got its text back").isNotNull();
        HttpResponse<String> again = kept.visitor().postForm("/", kept.body());
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("/submitted");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tickets WHERE subject = ?", Integer.class,
                kept.subject())).isEqualTo(1);
    }

    private void theAppServesNormallyWithoutARestart(String base) {
        Visitor visitor = new Visitor(base);
        String body = formBody(visitor.csrf(), UUID.randomUUID().toString(), "Outage " + run + " after");
        HttpResponse<String> filed = visitor.postForm("/", body);
        assertThat(filed.statusCode()).isEqualTo(302);
        HttpResponse<String> receipt = visitor.get("/submitted", "en");
        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(receipt.body()).containsPattern("GD-\\d+");
    }

    /** One customer's browser: takes the next submission, sends it until acknowledged, retrying the same key. */
    private void submitAll(Visitor visitor) throws InterruptedException {
        String csrf = visitor.csrf();
        for (int i = next.getAndIncrement(); i < SUBMISSIONS; i = next.getAndIncrement()) {
            String subject = "Outage " + run + " #" + i;
            String key = UUID.randomUUID().toString();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
                if (attempt > 0) {
                    retried.incrementAndGet();
                    Thread.sleep(200);
                }
                long started = System.nanoTime();
                HttpResponse<String> answer;
                try {
                    answer = visitor.tryPostForm("/", formBody(csrf, key, subject));
                } catch (IOException unreachable) {
                    connectionErrors.incrementAndGet();
                    continue;
                }
                int status = answer.statusCode();
                if (status == 302 && answer.headers().firstValue("Location").orElse("").endsWith("/submitted")) {
                    acknowledged.put(key, subject);
                    break;
                }
                if (status == 503) {
                    unavailable.incrementAndGet();
                    slowest503Millis.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
                    if (answer.body().contains("name=\"idempotencyKey\"")) {
                        keptForm.compareAndSet(null, new KeptForm(visitor, keptBody(answer.body()), subject));
                    }
                    continue;
                }
                otherStatuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                String body = answer.body();
                firstUnexpected.compareAndSet(null, status + " " + answer.headers().map() + "\n"
                        + body.substring(0, Math.min(body.length(), 3_000)));
            }
        }
    }

    private static String keptBody(String page) {
        List<String> pairs = new ArrayList<>();
        Matcher hidden = HIDDEN.matcher(page);
        while (hidden.find()) {
            pairs.add(encode(unescape(hidden.group(1))) + "=" + encode(unescape(hidden.group(2))));
        }
        return String.join("&", pairs);
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    static String formBody(String csrf, String key, String subject) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", csrf);
        fields.put("idempotencyKey", key);
        fields.put("customerName", "Outage Tester");
        fields.put("customerEmail", "outage@example.com");
        fields.put("subject", subject);
        fields.put("description", "Filed while PostgreSQL was being stopped and started.");
        fields.put("requestTimeZone", "UTC");
        return fields.entrySet().stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A browser reduced to what matters here: its session cookie, its CSRF token, no redirects followed. */
    static final class Visitor {

        private final String base;
        private final HttpClient http;

        Visitor(String base) {
            this.base = base;
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        }

        String csrf() {
            Matcher token = CSRF.matcher(get("/", "en").body());
            if (!token.find()) {
                throw new IllegalStateException("No CSRF token on the form");
            }
            return token.group(1);
        }

        HttpResponse<String> get(String path, String language) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", language).GET()
                    .build());
        }

        HttpResponse<String> postForm(String path, String body) {
            try {
                return tryPostForm(path, body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        HttpResponse<String> tryPostForm(String path, String body) throws IOException {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }

        HttpResponse<String> send(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
