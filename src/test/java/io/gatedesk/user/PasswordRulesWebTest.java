package io.gatedesk.user;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Password rules on the profile and admin pages, and the throttle with its shipped numbers (60 s first lock), in
 * the application most web tests share.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PasswordRulesWebTest {

    static final String PASSWORD = "first good passphrase";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;

    private StaffMember newAgent() {
        String name = "pw-" + UUID.randomUUID().toString().substring(0, 8);
        return users.create(new UserService.NewStaffMember(name, "Pat", null, PASSWORD, EnumSet.of(Role.AGENT)));
    }

    @Test
    void aUserChangesTheirPasswordWithTheCurrentOneAndTheRulesHold() throws Exception {
        StaffMember me = newAgent();
        String[][] refused = {
                {"short pass", "at least 12 characters"},
                {"1qaz2wsx3edc", "common or breached"},
                {"Q1W2E3R4T5Y6", "common or breached"},
                {"x".repeat(65), "at most 64 characters"},
                {"我的密码".repeat(7), "at most 64 characters"},
                {"best " + me.username() + " ever", "must not contain your user name"},
        };
        for (String[] attempt : refused) {
            mvc.perform(post("/profile/password").with(user(me.username()).roles("AGENT")).with(csrf())
                            .param("currentPassword", PASSWORD).param("newPassword", attempt[0]))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().string(containsString(attempt[1])));
        }
        mvc.perform(post("/profile/password").with(user(me.username()).roles("AGENT")).with(csrf())
                        .param("currentPassword", "not my password").param("newPassword", "a perfectly fine one"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("current password is wrong")));

        // No composition rules: spaces, one case, no digits, and a full 64 characters are all fine.
        String longest = "all lower case words and spaces only, sixty-four characters long";
        assertThat(longest).hasSize(64);
        mvc.perform(post("/profile/password").with(user(me.username()).roles("AGENT")).with(csrf())
                        .param("currentPassword", PASSWORD).param("newPassword", longest))
                .andExpect(redirectedUrl("/profile"));
        mvc.perform(formLogin().user(me.username()).password(longest)).andExpect(authenticated());
        mvc.perform(formLogin().user(me.username()).password(PASSWORD)).andExpect(unauthenticated());
    }

    @Test
    void theRulesSpeakChineseToo() throws Exception {
        StaffMember me = newAgent();
        String page = mvc.perform(post("/profile/password").with(user(me.username()).roles("AGENT")).with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("currentPassword", PASSWORD).param("newPassword", "1qaz2wsx3edc"))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("该密码在常见或已泄露密码列表中");
    }

    @Test
    void anAdminResetsAPasswordUnderTheSameRules() throws Exception {
        StaffMember member = newAgent();
        mvc.perform(post("/admin/users/" + member.id()).with(user("admin").roles("ADMIN")).with(csrf())
                        .param("username", member.username()).param("displayName", "Pat").param("roles", "AGENT").param("enabled", "true")
                        .param("password", "qwertyuiop123"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("common or breached")));
        mvc.perform(post("/admin/users/" + member.id()).with(user("admin").roles("ADMIN")).with(csrf())
                        .param("username", member.username()).param("displayName", "Pat").param("roles", "AGENT").param("enabled", "true")
                        .param("password", "reset by the admin today"))
                .andExpect(redirectedUrl("/admin/users"));
        mvc.perform(formLogin().user(member.username()).password("reset by the admin today")).andExpect(authenticated());
    }

    @Test
    void withTheShippedNumbersTheSixthLoginWithTheRightPasswordWaitsAboutAMinute() throws Exception {
        StaffMember member = newAgent();
        for (int i = 1; i <= 5; i++) {
            mvc.perform(post("/login").with(csrf()).param("username", member.username()).param("password", "no-" + i))
                    .andExpect(unauthenticated());
        }
        mvc.perform(post("/login").with(csrf()).param("username", member.username()).param("password", PASSWORD))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", org.hamcrest.Matchers.matchesPattern("(5[0-9]|60)")))
                .andExpect(unauthenticated());
        // Another account from the same address is not held up by this one's lock.
        mvc.perform(formLogin().user("admin").password("test-admin-password")).andExpect(authenticated());
    }

    @Test
    void theDocumentedLoginsStillWork() throws Exception {
        mvc.perform(formLogin().user("admin").password("test-admin-password")).andExpect(authenticated());
        mvc.perform(post("/login").with(csrf()).param("username", "admin").param("password", "wrong"))
                .andExpect(redirectedUrl("/login?error"))
                .andExpect(content().string(not(containsString("test-admin-password"))));
    }
}
