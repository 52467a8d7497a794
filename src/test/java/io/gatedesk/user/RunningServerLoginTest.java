package io.gatedesk.user;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import io.gatedesk.support.StaffHttpClient;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The login and its session on the running server with a real HTTP client: the acceptance contract for throttling,
 * a new session id at login, server-side logout, the cookie's attributes, timeouts, and a user ending their own
 * sessions. Same settings as {@link LoginProtectionTest}, so both share one application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gatedesk.login.first-lockout=2s", "gatedesk.login.max-lockout=8s", "gatedesk.login.address-max-failures=8",
        "server.forward-headers-strategy=native"})
@ActiveProfiles("test")
class RunningServerLoginTest {

    static final String PASSWORD = "correct horse battery";
    private static final Pattern SESSION_ROW = Pattern.compile("name=\"ref\" value=\"([0-9a-f]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;

    String username;

    @BeforeEach
    void freshUser() {
        username = "run-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new UserService.NewStaffMember(username, "Runner", null, PASSWORD, EnumSet.of(Role.AGENT)));
    }

    @Test
    void afterFiveFailuresTheRightPasswordIsRefusedUntilTheWaitEndsThenItLogsIn() {
        StaffHttpClient browser = new StaffHttpClient(port);
        for (int i = 1; i <= 5; i++) {
            browser.login(username, "wrong-" + i);
        }
        HttpResponse<String> sixth = browser.login(username, PASSWORD);
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Retry-After")).isPresent();
        assertThat(sixth.body()).contains("data-login-throttled", "Too many failed logins",
                "value=\"" + username + "\"").doesNotContain(PASSWORD);
        assertThat(browser.get("/desk").statusCode()).isEqualTo(302);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(browser.login(username, PASSWORD).headers().firstValue("Location").orElse(""))
                        .contains("/desk"));
        assertThat(browser.get("/desk").statusCode()).isEqualTo(200);
    }

    @Test
    void loginIssuesANewSessionIdAndTheOldOneIsWorthNothing() {
        StaffHttpClient browser = new StaffHttpClient(port);
        browser.get("/login");
        String before = browser.sessionId();
        assertThat(before).isNotNull();

        HttpResponse<String> login = browser.login(username, PASSWORD);
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/desk");
        String after = browser.sessionId();
        assertThat(after).isNotNull().isNotEqualTo(before);

        StaffHttpClient fixated = new StaffHttpClient(port);
        fixated.useSession(before);
        assertThat(fixated.get("/desk").statusCode()).isEqualTo(302);
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxAndSecureBehindHttps() {
        StaffHttpClient browser = new StaffHttpClient(port);
        String plain = browser.get("/login").headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(plain).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");

        HttpResponse<String> proxied = new StaffHttpClient(port).send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/login")).header("X-Forwarded-Proto", "https").GET().build());
        String secure = proxied.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(secure).contains("HttpOnly", "SameSite=Lax", "Secure");
    }

    @Test
    void logoutEndsTheSessionOnTheServerNotJustInTheBrowser() {
        StaffHttpClient browser = new StaffHttpClient(port);
        browser.login(username, PASSWORD);
        String stolen = browser.sessionId();
        assertThat(sessionRows()).isEqualTo(1);

        HttpResponse<String> logout = browser.postForm("/profile", "/logout", Map.of());
        assertThat(logout.headers().firstValue("Location").orElse("")).endsWith("/login?logout");
        assertThat(sessionRows()).isZero();

        StaffHttpClient thief = new StaffHttpClient(port);
        thief.useSession(stolen);
        assertThat(thief.get("/desk").statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForList("SELECT outcome FROM login_audit WHERE username = ? ORDER BY id",
                String.class, username)).containsExactly("SUCCESS", "LOGOUT");
    }

    @Test
    void theIdleTimeoutIsThirtyMinutesAndTheAbsoluteLifetimeEndsEvenABusySession() {
        StaffHttpClient browser = new StaffHttpClient(port);
        browser.login(username, PASSWORD);
        assertThat(jdbc.queryForObject("SELECT max_inactive_interval FROM spring_session WHERE principal_name = ?",
                Integer.class, username)).isEqualTo(1800);
        assertThat(browser.get("/desk").statusCode()).isEqualTo(200);

        loggedInLongAgo(username, Duration.ofHours(12).plusMinutes(1));
        assertThat(browser.get("/desk").statusCode()).isEqualTo(302);
        assertThat(sessionRows()).isZero();
    }

    @Test
    void aUserSeesTheirSessionsAndEndsTheOtherOne() {
        StaffHttpClient laptop = new StaffHttpClient(port);
        StaffHttpClient phone = new StaffHttpClient(port);
        laptop.login(username, PASSWORD);
        phone.login(username, PASSWORD);

        String profile = laptop.get("/profile").body();
        assertThat(profile).contains("This browser");
        List<String> refs = SESSION_ROW.matcher(profile).results().map(m -> m.group(1)).toList();
        assertThat(refs).hasSize(1);
        assertThat(profile).doesNotContain(phone.sessionId()).doesNotContain(laptop.sessionId());

        StaffHttpClient stranger = new StaffHttpClient(port);
        String other = "run-x" + UUID.randomUUID().toString().substring(0, 6);
        users.create(new UserService.NewStaffMember(other, "Other", null, PASSWORD, EnumSet.of(Role.AGENT)));
        stranger.login(other, PASSWORD);
        assertThat(stranger.postForm("/profile", "/profile/sessions/end", Map.of("ref", refs.get(0)))
                .statusCode()).isEqualTo(302);
        assertThat(phone.get("/desk").statusCode()).as("another user cannot end my session").isEqualTo(200);

        laptop.postForm("/profile", "/profile/sessions/end", Map.of("ref", refs.get(0)));
        assertThat(phone.get("/desk").statusCode()).isEqualTo(302);
        assertThat(laptop.get("/desk").statusCode()).isEqualTo(200);
    }

    @Test
    void changingThePasswordEndsEveryOtherSession() {
        StaffHttpClient laptop = new StaffHttpClient(port);
        StaffHttpClient phone = new StaffHttpClient(port);
        laptop.login(username, PASSWORD);
        phone.login(username, PASSWORD);

        HttpResponse<String> change = laptop.postForm("/profile", "/profile/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "a brand new passphrase"));
        assertThat(change.statusCode()).isEqualTo(302);
        assertThat(laptop.get("/desk").statusCode()).isEqualTo(200);
        assertThat(phone.get("/desk").statusCode()).isEqualTo(302);
    }

    @Test
    void anAdminSignsAColleagueOutEverywhere() {
        StaffHttpClient laptop = new StaffHttpClient(port);
        StaffHttpClient phone = new StaffHttpClient(port);
        laptop.login(username, PASSWORD);
        phone.login(username, PASSWORD);
        StaffHttpClient admin = new StaffHttpClient(port);
        admin.login("admin", "test-admin-password");
        Long id = users.findByUsername(username).orElseThrow().id();

        assertThat(admin.get("/admin/users/" + id).body()).contains("data-end-all-sessions", "Logged in on 2 browser(s)");
        HttpResponse<String> ended = admin.postForm("/admin/users/" + id, "/admin/users/" + id + "/sessions/end",
                Map.of());
        assertThat(ended.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/users/" + id).body()).contains("2 session(s) ended");
        assertThat(laptop.get("/desk").statusCode()).isEqualTo(302);
        assertThat(phone.get("/desk").statusCode()).isEqualTo(302);
        assertThat(admin.get("/desk").statusCode()).isEqualTo(200);
        assertThat(laptop.postForm("/login", "/admin/users/" + id + "/sessions/end", Map.of()).statusCode())
                .as("only admins").isIn(302, 403);
    }

    private int sessionRows() {
        return jdbc.queryForObject("SELECT count(*) FROM spring_session WHERE principal_name = ?", Integer.class,
                username);
    }

    /** Moves the recorded login time back, as if the session had been kept busy since then. */
    private void loggedInLongAgo(String name, Duration ago) {
        backdate(sessions, name, Instant.now().minus(ago).toEpochMilli());
    }

    private static <S extends Session> void backdate(FindByIndexNameSessionRepository<S> repository, String name,
                                                     long loginAt) {
        for (S session : repository.findByPrincipalName(name).values()) {
            session.setAttribute(UserSessions.LOGIN_AT, loginAt);
            repository.save(session);
        }
    }
}
