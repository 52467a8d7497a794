package io.gatedesk.user;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Login throttling and the login audit through the real security chain, with the lock shortened to 2 s (doubling
 * up to 8 s) and the address limit lowered to 8 so that waiting it out fits in a test. Each test sends from an
 * address of its own, so one test's failures never lock another's address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gatedesk.login.first-lockout=2s", "gatedesk.login.max-lockout=8s", "gatedesk.login.address-max-failures=8",
        "server.forward-headers-strategy=native"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class LoginProtectionTest {

    static final String PASSWORD = "correct horse battery";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    String username;
    String address;

    @BeforeEach
    void freshUserAndAddress() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        username = "thr-" + marker;
        users.create(new UserService.NewStaffMember(username, "Throttled " + marker, null, PASSWORD,
                EnumSet.of(Role.AGENT)));
        // 16 M addresses: two hex characters of the marker gave 256, and a test that drew an address an earlier
        // test had locked found its first wrong password already throttled (one full run in about twenty).
        long bits = UUID.randomUUID().getLeastSignificantBits();
        address = "10." + ((bits >>> 16) & 0xFF) + "." + ((bits >>> 8) & 0xFF) + "." + (bits & 0xFF);
    }

    @Test
    void fiveFailedFormLoginsLockTheAccountEvenAgainstTheRightPasswordUntilTheWaitEnds() throws Exception {
        for (int i = 1; i <= 4; i++) {
            mvc.perform(formLogin(username, "wrong-" + i)).andExpect(redirectedUrl("/login?error"))
                    .andExpect(unauthenticated());
        }
        mvc.perform(formLogin(username, "wrong-5"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "2"))
                .andExpect(forwardedUrl(LoginProtection.THROTTLED_PATH))
                .andExpect(unauthenticated());

        mvc.perform(formLogin(username, PASSWORD))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(unauthenticated());

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                mvc.perform(formLogin(username, PASSWORD)).andExpect(redirectedUrl("/desk")).andExpect(authenticated()));
        // Newest first: the success, the refusals while locked (one per attempt the wait refused), the lockout.
        assertThat(outcomes(username)).startsWith("SUCCESS", "THROTTLED")
                .endsWith("LOCKOUT", "FAILURE", "FAILURE", "FAILURE", "FAILURE", "FAILURE");
    }

    @Test
    void theLockGrowsWithEveryFailureWhileTheCountStands() throws Exception {
        for (int i = 1; i <= 5; i++) {
            mvc.perform(formLogin(username, "wrong-" + i));
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                mvc.perform(formLogin(username, "wrong-again"))
                        .andExpect(status().isTooManyRequests())
                        .andExpect(header().string("Retry-After", "4")));
    }

    @Test
    void aSuccessfulLoginClearsTheAccountsCount() throws Exception {
        for (int i = 1; i <= 4; i++) {
            mvc.perform(formLogin(username, "wrong-" + i)).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin(username, PASSWORD)).andExpect(authenticated());
        mvc.perform(formLogin(username, "wrong-after")).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void oneAddressGuessingManyAccountsIsStoppedForEveryAccountButOthersAreNot() throws Exception {
        for (int i = 1; i <= 8; i++) {
            mvc.perform(formLogin("nobody-" + i + "-" + username, "guess"));
        }
        mvc.perform(formLogin(username, PASSWORD)).andExpect(status().isTooManyRequests()).andExpect(unauthenticated());
        mvc.perform(formLogin(username, PASSWORD).with(from("10.99.0.1"))).andExpect(authenticated());
    }

    @Test
    void httpBasicOnTheApiIsThrottledPerAccountWithRetryAfter() throws Exception {
        for (int i = 1; i <= 5; i++) {
            mvc.perform(get("/api/v1/answers").with(from(address)).header("Authorization", basic(username, "bad-" + i)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/answers").with(from("10.98.0.1")).header("Authorization", basic(username, PASSWORD)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.error.code").value("LOGIN_THROTTLED"));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                mvc.perform(get("/api/v1/answers").with(from("10.98.0.1"))
                        .header("Authorization", basic(username, PASSWORD))).andExpect(status().isOk()));
        assertThat(outcomes(username)).contains("LOCKOUT", "THROTTLED").doesNotContain("SUCCESS");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM login_audit WHERE username = ? AND channel = 'BASIC'",
                Integer.class, username)).isGreaterThanOrEqualTo(7);
    }

    @Test
    void guessedPersonalAndIngestTokensAreThrottledPerAddress() throws Exception {
        for (String prefix : List.of("gdp_", "gdi_")) {
            String from = prefix.equals("gdp_") ? address : "10.97.0." + (address.hashCode() & 0x7f);
            for (int i = 1; i <= 8; i++) {
                mvc.perform(post(prefix.equals("gdp_") ? "/api/v1/answers" : "/api/v1/gateway-logs").with(from(from))
                                .header("Authorization", "Bearer " + prefix + "guess" + i + UUID.randomUUID()))
                        .andExpect(status().isUnauthorized());
            }
            mvc.perform(get("/api/v1/answers").with(from(from)).header("Authorization", "Bearer " + prefix + "next"))
                    .andExpect(status().isTooManyRequests())
                    .andExpect(header().exists("Retry-After"));
            mvc.perform(get("/api/v1/answers").with(from("10.96.0.9")).header("Authorization", "Bearer " + prefix + "x"))
                    .andExpect(status().isUnauthorized());
        }
        assertThat(jdbc.queryForList("SELECT DISTINCT channel FROM login_audit WHERE client_address = ?",
                String.class, address)).containsExactlyInAnyOrder("TOKEN");
    }

    @Test
    void theAuditRecordsWhoWhenAndWhereButNeverThePasswordNorAnUnknownName() throws Exception {
        mvc.perform(formLogin(username, "my-secret-typo")).andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("my-secret-typo-as-name", "whatever")).andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin(username, PASSWORD)).andExpect(authenticated());
        mvc.perform(post("/logout").with(user(username).roles("AGENT")).with(csrf()).with(from(address)))
                .andExpect(redirectedUrl("/login?logout"));

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM login_audit WHERE client_address = ?"
                + " ORDER BY id", address);
        assertThat(rows).extracting(row -> row.get("outcome")).containsExactly("FAILURE", "FAILURE", "SUCCESS",
                "LOGOUT");
        assertThat(rows).extracting(row -> row.get("username")).containsExactly(username, null, username, username);
        assertThat(rows.get(1).get("detail")).isEqualTo("UNKNOWN_USER");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("occurred_at")).isNotNull();
            assertThat(row.values().toString()).doesNotContain("my-secret-typo", PASSWORD);
        });
    }

    @Test
    void adminsReadTheAuditNewestFirstFilteredByUserAndOutcomeInBothLanguages() throws Exception {
        for (int i = 1; i <= 5; i++) {
            mvc.perform(formLogin(username, "wrong-" + i));
        }
        mvc.perform(get("/admin/login-audit").param("user", username.toUpperCase()).param("outcome", "LOCKOUT")
                        .with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-audit-outcome=\"LOCKOUT\"")))
                .andExpect(content().string(containsString("Wait 2 s")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("data-audit-outcome=\"FAILURE\""))));
        String page = mvc.perform(get("/admin/login-audit").param("user", username)
                        .header("Accept-Language", "zh-CN").with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("登录审计", "已锁定", "密码错误");
        assertThat(page.indexOf("data-audit-outcome=\"LOCKOUT\"")).isLessThan(page.indexOf("data-audit-outcome=\"FAILURE\""));
        mvc.perform(get("/admin/login-audit").param("outcome", "NOT-AN-OUTCOME").param("page", "-3")
                .with(user("admin").roles("ADMIN"))).andExpect(status().isOk());
        mvc.perform(get("/admin/login-audit").with(user(username).roles("AGENT"))).andExpect(status().isForbidden());
    }

    private List<String> outcomes(String name) {
        return jdbc.queryForList("SELECT outcome FROM login_audit WHERE username = ? ORDER BY id DESC", String.class,
                name);
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder formLogin(String name,
                                                                                                String password) {
        return post("/login").param("username", name).param("password", password).with(csrf()).with(from(address));
    }

    static RequestPostProcessor from(String remoteAddress) {
        return request -> {
            request.setRemoteAddr(remoteAddress);
            return request;
        };
    }

    static String basic(String name, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
