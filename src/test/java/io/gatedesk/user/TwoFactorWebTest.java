package io.gatedesk.user;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import io.gatedesk.support.CookieJar;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The TOTP second factor through the real security chain: set-up from the profile (secret shown once, on only after
 * a code), the login's second step (a code works once, recovery codes once each, wrong codes throttled in the same
 * counter as passwords), turning it off with the password, the admin's reset, and the audit trail of all of it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class TwoFactorWebTest {

    static final String PASSWORD = "a good long passphrase";
    static final Pattern SECRET = Pattern.compile("data-two-factor-secret>([A-Z2-7]+)<");
    static final Pattern RECOVERY = Pattern.compile("<code>([a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})</code>");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;

    /** What the authenticator app shows {@code stepsAhead} periods from now. */
    static String code(String secret, int stepsAhead) throws Exception {
        return new DefaultCodeGenerator().generate(secret, Instant.now().getEpochSecond() / 30 + stepsAhead);
    }

    private StaffMember newAgent() {
        String name = "tf-" + UUID.randomUUID().toString().substring(0, 8);
        return users.create(new UserService.NewStaffMember(name, "Tess", null, PASSWORD, EnumSet.of(Role.AGENT)));
    }

    /** Sets it up for {@code me} and returns the secret and the recovery codes. */
    private Enrolled enrol(StaffMember me) throws Exception {
        String page = mvc.perform(post("/profile/two-factor/start").with(user(me.username()).roles("AGENT"))
                        .with(csrf()).param("currentPassword", PASSWORD))
                .andExpect(status().isOk()).andExpect(header().string("Cache-Control", containsString("no-store")))
                .andReturn().getResponse().getContentAsString();
        Matcher secret = SECRET.matcher(page);
        assertThat(secret.find()).as("the secret is on the set-up page").isTrue();
        mvc.perform(get("/profile/two-factor/qr.png").with(user(me.username()).roles("AGENT")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/png"));
        String first = code(secret.group(1), 0);
        String confirmed = mvc.perform(post("/profile/two-factor/confirm").with(user(me.username()).roles("AGENT"))
                        .with(csrf()).param("code", first))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Two-factor authentication is on")))
                .andReturn().getResponse().getContentAsString();
        List<String> recovery = new ArrayList<>();
        Matcher codes = RECOVERY.matcher(confirmed);
        while (codes.find()) {
            recovery.add(codes.group(1));
        }
        assertThat(recovery).hasSize(10);
        return new Enrolled(secret.group(1), first, recovery);
    }

    record Enrolled(String secret, String confirmationCode, List<String> recoveryCodes) {
    }

    private CookieJar passwordStep(StaffMember me) throws Exception {
        CookieJar jar = new CookieJar();
        mvc.perform(get("/login").with(jar)).andDo(jar);
        mvc.perform(post("/login").with(jar).with(csrf()).param("username", me.username()).param("password", PASSWORD))
                .andDo(jar).andExpect(redirectedUrl("/login/code"));
        // The password alone is not a login: the desk still sends this browser to the login page.
        mvc.perform(get("/desk").with(jar)).andDo(jar).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login")));
        mvc.perform(get("/login/code").with(jar)).andDo(jar).andExpect(status().isOk())
                .andExpect(content().string(containsString("authenticator app")));
        return jar;
    }

    @Test
    void setUpNeedsThePasswordAndACodeAndTheSecretIsNeverShownAgain() throws Exception {
        StaffMember me = newAgent();
        mvc.perform(post("/profile/two-factor/start").with(user(me.username()).roles("AGENT")).with(csrf())
                        .param("currentPassword", "not the password"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(not(containsString("data-two-factor-secret"))));
        String page = mvc.perform(post("/profile/two-factor/start").with(user(me.username()).roles("AGENT"))
                        .with(csrf()).param("currentPassword", PASSWORD)).andReturn().getResponse().getContentAsString();
        Matcher secret = SECRET.matcher(page);
        assertThat(secret.find()).isTrue();
        mvc.perform(post("/profile/two-factor/confirm").with(user(me.username()).roles("AGENT")).with(csrf())
                        .param("code", "000000"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("That code is not right")));
        assertThat(jdbc.queryForObject("SELECT enabled FROM staff_totp WHERE user_id = ?", Boolean.class, me.id()))
                .isFalse();
        // Not on yet: the password alone still logs in.
        CookieJar jar = new CookieJar();
        mvc.perform(get("/login").with(jar)).andDo(jar);
        mvc.perform(post("/login").with(jar).with(csrf()).param("username", me.username()).param("password", PASSWORD))
                .andExpect(redirectedUrl("/desk"));

        mvc.perform(post("/profile/two-factor/confirm").with(user(me.username()).roles("AGENT")).with(csrf())
                        .param("code", code(secret.group(1), 0)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("data-recovery-codes")));
        mvc.perform(get("/profile").with(user(me.username()).roles("AGENT")))
                .andExpect(content().string(not(containsString(secret.group(1)))))
                .andExpect(content().string(containsString("Recovery codes left: 10")));
        mvc.perform(get("/profile/two-factor/qr.png").with(user(me.username()).roles("AGENT")))
                .andExpect(status().isNotFound());
        String stored = jdbc.queryForObject("SELECT secret_enc FROM staff_totp WHERE user_id = ?", String.class,
                me.id());
        assertThat(stored).doesNotContain(secret.group(1));
        assertThat(jdbc.queryForList("SELECT code_hash FROM staff_recovery_codes WHERE user_id = ?", String.class,
                me.id())).hasSize(10).allSatisfy(hash -> assertThat(hash).startsWith("{bcrypt}").doesNotContain("-"));
        assertThat(audit(me, "TWO_FACTOR_ON")).isEqualTo(1);
    }

    @Test
    void loginAsksForTheCodeAfterThePasswordAndACodeWorksOnce() throws Exception {
        StaffMember me = newAgent();
        Enrolled enrolled = enrol(me);

        CookieJar jar = passwordStep(me);
        mvc.perform(post("/login/code").with(jar).with(csrf()).param("code", "123456")).andDo(jar)
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("That code is not right")));
        // The code that confirmed the set-up is spent; the next period's is good.
        mvc.perform(post("/login/code").with(jar).with(csrf()).param("code", enrolled.confirmationCode()))
                .andDo(jar).andExpect(status().isUnprocessableContent());
        String next = code(enrolled.secret(), 1);
        mvc.perform(post("/login/code").with(jar).with(csrf()).param("code", next)).andDo(jar)
                .andExpect(header().string("Location", containsString("/desk")));
        mvc.perform(get("/desk").with(jar)).andExpect(status().isOk());

        // The same code in another browser (overheard): refused.
        CookieJar thief = passwordStep(me);
        mvc.perform(post("/login/code").with(thief).with(csrf()).param("code", next))
                .andDo(thief).andExpect(status().isUnprocessableContent());

        assertThat(audit(me, "SUCCESS", "TOTP")).isEqualTo(1);
        assertThat(audit(me, "FAILURE", "WRONG_CODE")).isEqualTo(3);
    }

    @Test
    void aRecoveryCodeLogsInOnceAndTheAdminResetTurnsTheFactorOff() throws Exception {
        StaffMember me = newAgent();
        Enrolled enrolled = enrol(me);
        String recovery = enrolled.recoveryCodes().get(3);

        CookieJar jar = passwordStep(me);
        mvc.perform(post("/login/code").with(jar).with(csrf()).param("code", recovery.toUpperCase())).andDo(jar)
                .andExpect(header().string("Location", containsString("/desk")));
        CookieJar again = passwordStep(me);
        mvc.perform(post("/login/code").with(again).with(csrf()).param("code", recovery)).andDo(again)
                .andExpect(status().isUnprocessableContent());
        assertThat(audit(me, "SUCCESS", "RECOVERY_CODE")).isEqualTo(1);
        mvc.perform(get("/profile").with(user(me.username()).roles("AGENT")))
                .andExpect(content().string(containsString("Recovery codes left: 9")));

        mvc.perform(get("/admin/users/" + me.id()).with(user("admin").roles("ADMIN")))
                .andExpect(content().string(containsString("9 recovery code(s) left")));
        mvc.perform(post("/admin/users/" + me.id() + "/two-factor/reset").with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + me.id()));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM staff_totp WHERE user_id = ?", Integer.class, me.id()))
                .isZero();
        assertThat(audit(me, "TWO_FACTOR_RESET", "BY:admin")).isEqualTo(1);
        // Agents cannot reset anyone's.
        mvc.perform(post("/admin/users/" + me.id() + "/two-factor/reset").with(user("x").roles("AGENT"))
                .with(csrf())).andExpect(status().isForbidden());

        CookieJar after = new CookieJar();
        mvc.perform(get("/login").with(after)).andDo(after);
        mvc.perform(post("/login").with(after).with(csrf()).param("username", me.username())
                .param("password", PASSWORD)).andExpect(redirectedUrl("/desk"));
    }

    @Test
    void wrongCodesCountInTheLoginThrottleAndLockTheAccount() throws Exception {
        StaffMember me = newAgent();
        Enrolled enrolled = enrol(me);
        CookieJar jar = passwordStep(me);
        for (int i = 0; i < 4; i++) {
            mvc.perform(post("/login/code").with(jar).with(csrf()).param("code", "00000" + i)).andDo(jar)
                    .andExpect(status().isUnprocessableContent());
        }
        mvc.perform(post("/login/code").with(jar).with(csrf()).param("code", "999999")).andDo(jar)
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
        // Locked: even the right code waits, and so does the password on the form.
        mvc.perform(post("/login/code").with(jar).with(csrf()).param("code", code(enrolled.secret(), 1))).andDo(jar)
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("Too many failed logins")));
        CookieJar other = new CookieJar();
        mvc.perform(get("/login").with(other)).andDo(other);
        mvc.perform(post("/login").with(other).with(csrf()).param("username", me.username())
                .param("password", PASSWORD)).andExpect(status().isTooManyRequests());
        assertThat(audit(me, "LOCKOUT")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT failures FROM login_throttle WHERE subject = ?", Integer.class,
                "account:" + me.username().toLowerCase())).isEqualTo(5);
    }

    @Test
    void httpBasicWithThePasswordAloneNoLongerOpensTheApiButAPersonalTokenDoes() throws Exception {
        StaffMember me = newAgent();
        mvc.perform(get("/api/v1/tickets").with(httpBasic(me.username(), PASSWORD))).andExpect(status().isOk());
        enrol(me);
        mvc.perform(get("/api/v1/tickets").with(httpBasic(me.username(), PASSWORD)))
                .andExpect(status().isUnauthorized())
                .andExpect(content().string(containsString("\"UNAUTHORIZED\"")));
        assertThat(audit(me, "FAILURE", "SECOND_FACTOR_REQUIRED")).isEqualTo(1);
        String token = users.issueToken(me.username(), "ci").rawToken();
        mvc.perform(get("/api/v1/tickets").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
    }

    @Test
    void turningItOffNeedsTheCurrentPassword() throws Exception {
        StaffMember me = newAgent();
        enrol(me);
        mvc.perform(post("/profile/two-factor/disable").with(user(me.username()).roles("AGENT")).with(csrf())
                        .param("currentPassword", "not the password"))
                .andExpect(status().isUnprocessableContent());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM staff_totp WHERE user_id = ?", Integer.class, me.id()))
                .isOne();
        mvc.perform(post("/profile/two-factor/disable").with(user(me.username()).roles("AGENT")).with(csrf())
                        .param("currentPassword", PASSWORD))
                .andExpect(redirectedUrl("/profile"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM staff_totp WHERE user_id = ?", Integer.class, me.id()))
                .isZero();
        assertThat(audit(me, "TWO_FACTOR_OFF")).isEqualTo(1);
    }

    @Test
    void theCodePageWithoutAPasswordStepSendsToLogin() throws Exception {
        mvc.perform(get("/login/code")).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/login/code").with(csrf()).param("code", "123456")).andExpect(redirectedUrl("/login"));
    }

    private int audit(StaffMember me, String outcome) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM login_audit WHERE username = ? AND outcome = ?",
                Integer.class, me.username(), outcome);
    }

    private int audit(StaffMember me, String outcome, String detail) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM login_audit WHERE username = ? AND outcome = ? AND detail = ?",
                Integer.class, me.username(), outcome, detail);
    }
}
