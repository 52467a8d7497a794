package io.gatedesk.user;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import java.util.EnumSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AdminAndProfileWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void adminCreatesAnAgentWhoCanThenLogIn() throws Exception {
        String name = "new-" + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/admin/users").with(user("admin").roles("ADMIN")).with(csrf())
                        .param("username", name).param("displayName", "New Agent").param("email", "new@example.com")
                        .param("password", "long-enough-pw").param("roles", "AGENT").param("enabled", "true"))
                .andExpect(redirectedUrl("/admin/users"));

        assertThat(users.findByUsername(name)).hasValueSatisfying(member -> assertThat(member.roles())
                .containsExactly(Role.AGENT));
        String hash = jdbc.queryForObject("SELECT password_hash FROM users WHERE username = ?", String.class, name);
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("long-enough-pw");
        mvc.perform(formLogin().user(name).password("long-enough-pw")).andExpect(authenticated());
    }

    @Test
    void disabledAccountsCannotLogIn() throws Exception {
        String name = "off-" + UUID.randomUUID().toString().substring(0, 6);
        StaffMember member = users.create(new UserService.NewStaffMember(name, "Off", null, "long-enough-pw",
                EnumSet.of(Role.AGENT)));
        mvc.perform(post("/admin/users/" + member.id()).with(user("admin").roles("ADMIN")).with(csrf())
                        .param("username", name).param("displayName", "Off").param("roles", "AGENT")
                        .param("_roles", "on").param("_enabled", "on"))
                .andExpect(redirectedUrl("/admin/users"));

        assertThat(users.find(member.id())).hasValueSatisfying(m -> assertThat(m.enabled()).isFalse());
        mvc.perform(formLogin().user(name).password("long-enough-pw")).andExpect(unauthenticated());
    }

    @Test
    void badAccountFormComesBackWithMessagesAndTheTypedValues() throws Exception {
        mvc.perform(post("/admin/users").with(user("admin").roles("ADMIN")).with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("username", "bad name!").param("displayName", "Typed Name").param("password", "short")
                        .param("_roles", "on"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Typed Name")))
                .andExpect(content().string(containsString("密码至少需要 12 个字符")))
                .andExpect(content().string(containsString("请至少选择一个角色")));
    }

    @Test
    void anAdminCannotLockThemselvesOut() throws Exception {
        StaffMember admin = users.findByUsername("admin").orElseThrow();
        mvc.perform(post("/admin/users/" + admin.id()).with(user("admin").roles("ADMIN")).with(csrf())
                        .param("username", "admin").param("displayName", "Administrator").param("roles", "AGENT")
                        .param("_roles", "on").param("enabled", "true"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("cannot disable your own account")));
        assertThat(users.findByUsername("admin").orElseThrow().roles()).contains(Role.ADMIN);
    }

    @Test
    void theInitialAdminExistsAndItsPasswordComesFromTheEnvironment() throws Exception {
        assertThat(users.findByUsername("admin")).hasValueSatisfying(member -> assertThat(member.roles())
                .contains(Role.ADMIN));
        mvc.perform(formLogin().user("admin").password("test-admin-password")).andExpect(authenticated());
    }

    @Test
    void personalTokenIsShownOnceAndOnlyItsEndingAfterwards() throws Exception {
        String name = "tok-" + UUID.randomUUID().toString().substring(0, 6);
        users.create(new UserService.NewStaffMember(name, "Tok", null, "long-enough-pw", EnumSet.of(Role.AGENT)));

        String page = mvc.perform(post("/profile/tokens").with(user(name).roles("AGENT")).with(csrf())
                        .param("name", "nightly export"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String token = page.replaceAll("(?s).*data-issued-token>(gdp_[A-Za-z0-9_-]+)<.*", "$1");
        assertThat(token).startsWith("gdp_").hasSizeGreaterThan(40);

        String later = mvc.perform(get("/profile").with(user(name).roles("AGENT")))
                .andReturn().getResponse().getContentAsString();
        assertThat(later).contains("nightly export", token.substring(token.length() - 4)).doesNotContain(token);
    }

    @Test
    void loginPageAndLogout() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(containsString("Staff login")));
        mvc.perform(post("/logout").with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(redirectedUrl("/login?logout"));
    }
}
