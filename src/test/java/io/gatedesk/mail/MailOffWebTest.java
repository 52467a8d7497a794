package io.gatedesk.mail;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** With no SMTP host (the default) the admin page says mail is off, and a test mail is refused, not queued. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class MailOffWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theAdminPageSaysMailIsOffAndATestMailIsRefused() throws Exception {
        mvc.perform(get("/admin/mail").with(user("root").roles("ADMIN")).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Off: no SMTP server is configured")));
        mvc.perform(get("/admin/mail").with(user("root").roles("ADMIN")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("未配置 SMTP 服务器")));

        mvc.perform(post("/admin/mail/test").param("to", "ops@example-gw.com").with(csrf())
                        .with(user("root").roles("ADMIN")).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Mail is off: there is no SMTP server")));
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where recipient = 'ops@example-gw.com'",
                Long.class)).isZero();
    }

    @Test
    void anAgentCannotOpenTheAdminPage() throws Exception {
        mvc.perform(get("/admin/mail").with(user("ann").roles("AGENT"))).andExpect(status().isForbidden());
    }
}
