package io.gatedesk.attachment;

import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.TicketReceipt;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.user.Role;
import io.gatedesk.user.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Attachments through the real security chain: the public form, the follow page, the desk and the API. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AttachmentWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketService tickets;
    @Autowired
    UserService users;
    @Autowired
    JdbcClient jdbc;

    String agent;
    TicketReceipt ticket;

    @BeforeEach
    void setUp() {
        agent = "att-agent-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new UserService.NewStaffMember(agent, "张伟", null, "agent-password-1", EnumSet.of(Role.AGENT)));
        ticket = tickets.submit(new NewTicket("Files", "401 from Cursor", "Ann", "ann@example.com", null, null, null,
                null, null, null, 401, null, null, null, null, null), Locale.ENGLISH);
    }

    private MockMultipartFile har() {
        return new MockMultipartFile("files", "session.har", "application/json", Samples.har());
    }

    private String stored(long ticketId) {
        return jdbc.sql("SELECT content FROM attachments WHERE ticket_id = ?").param(ticketId)
                .query((rs, n) -> new String(rs.getBytes("content"), StandardCharsets.UTF_8)).list().toString();
    }

    @Test
    void aCustomerFilesATicketWithAHarFileAndTheKeyIsMaskedBeforeItIsStored() throws Exception {
        String location = mvc.perform(multipart("/").file(har()).with(csrf())
                        .param("subject", "401 with a HAR").param("description", "See the HAR")
                        .param("customerName", "Ann").param("customerEmail", "ann@example.com"))
                .andExpect(redirectedUrlPattern("/submitted*")).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).isNotNull();
        long id = jdbc.sql("SELECT MAX(ticket_id) FROM attachments WHERE file_name = 'session.har'")
                .query(Long.class).single();

        assertThat(stored(id)).doesNotContain(Samples.KEY).contains("Bearer sk-");
        mvc.perform(get("/api/v1/tickets/" + io.gatedesk.ticket.TicketNumber.format(id)).with(user(agent).roles("AGENT")))
                .andExpect(jsonPath("$.attachments[0].fileName").value("session.har"))
                .andExpect(jsonPath("$.attachments[0].maskedSecrets").value(org.hamcrest.Matchers.greaterThan(0)))
                .andExpect(jsonPath("$.requestIds", hasItem(Samples.REQUEST_ID)));
    }

    @Test
    void aRefusedFileKeepsWhatTheCustomerTypedAndFilesNothing() throws Exception {
        long before = jdbc.sql("SELECT COUNT(*) FROM tickets").query(Long.class).single();
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        mvc.perform(multipart("/").file(new MockMultipartFile("files", "fix.exe", "text/plain", exe)).with(csrf())
                        .param("subject", "Kept subject").param("description", "Kept description")
                        .param("customerName", "Ann").param("customerEmail", "ann@example.com"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("fix.exe cannot be attached")))
                .andExpect(content().string(containsString("Kept subject")))
                .andExpect(content().string(containsString("Kept description")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM tickets").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void anOversizedFileGetsALocalizedMessageNotAnError() throws Exception {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        mvc.perform(multipart("/desk/tickets/" + ticket.number() + "/attachments")
                        .file(new MockMultipartFile("files", "huge.log", "text/plain", big))
                        .with(user(agent).roles("AGENT")).with(csrf()).header("HX-Request", "true")
                        .locale(Locale.SIMPLIFIED_CHINESE).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("huge.log 超过了 10 MB")));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anAgentUploadsAScreenshotAndSeesItsThumbnail(boolean htmx) throws Exception {
        MockMultipartHttpServletRequestBuilder upload = multipart("/desk/tickets/" + ticket.number() + "/attachments");
        upload.file(new MockMultipartFile("files", "screen.png", "image/png", Samples.png(1200, 800)))
                .with(user(agent).roles("AGENT")).with(csrf());
        if (htmx) {
            upload.header("HX-Request", "true");
            mvc.perform(upload).andExpect(status().isOk())
                    .andExpect(content().string(containsString("data-attachment-thumbnail")))
                    .andExpect(content().string(containsString("张伟")));
        } else {
            mvc.perform(upload).andExpect(redirectedUrl("/desk/tickets/" + ticket.number()));
        }
        long id = jdbc.sql("SELECT id FROM attachments WHERE ticket_id = ?").param(ticket.id()).query(Long.class).single();
        mvc.perform(get("/desk/tickets/" + ticket.number() + "/attachments/" + id + "/thumbnail")
                        .with(user(agent).roles("AGENT")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        // A staff upload is staff-only: the customer's link does not reach it.
        mvc.perform(get("/t/" + ticket.followToken() + "/attachments/" + id)).andExpect(status().isNotFound());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void thePanelAnswersHtmxWithAFragmentAndABrowserWithTheTicketPage(boolean htmx) throws Exception {
        var request = get("/desk/tickets/" + ticket.number() + "/attachments").with(user(agent).roles("AGENT"));
        if (htmx) {
            mvc.perform(request.header("HX-Request", "true")).andExpect(status().isOk())
                    .andExpect(content().string(containsString("data-attachments-panel")))
                    .andExpect(content().string(not(containsString("<html"))));
        } else {
            mvc.perform(request).andExpect(redirectedUrl("/desk/tickets/" + ticket.number()));
        }
    }

    @Test
    void htmlIsOnlyEverADownloadAndTextIsPlainText() throws Exception {
        mvc.perform(multipart("/t/" + ticket.followToken() + "/attachments")
                        .file(new MockMultipartFile("files", "page.html", "text/plain",
                                "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8)))
                        .file(new MockMultipartFile("files", "gateway.log", "text/html", Samples.log()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/t/" + ticket.followToken()));
        List<Long> ids = jdbc.sql("SELECT id FROM attachments WHERE ticket_id = ? ORDER BY file_name")
                .param(ticket.id()).query(Long.class).list();
        mvc.perform(get("/t/" + ticket.followToken() + "/attachments/" + ids.get(1)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/octet-stream"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        mvc.perform(get("/t/" + ticket.followToken() + "/attachments/" + ids.get(0)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/plain;charset=UTF-8"))
                .andExpect(content().string(not(containsString(Samples.OTHER_KEY))));
        mvc.perform(get("/t/" + ticket.followToken() + "/attachments").header("HX-Request", "true"))
                .andExpect(content().string(containsString("gateway.log")))
                .andExpect(content().string(containsString("data-attachment-text")));
        mvc.perform(get("/t/not-the-token-at-all-0000000000000000000/attachments/" + ids.get(0)))
                .andExpect(status().isNotFound());
    }

    @Test
    void anAgentAttachesALogToAnInternalNote() throws Exception {
        long version = tickets.detail(ticket.id()).version();
        mvc.perform(multipart("/desk/tickets/" + ticket.number() + "/messages")
                        .file(new MockMultipartFile("files", "gateway.log", "text/plain", Samples.log()))
                        .param("body", "Log from the gateway").param("visibility", "INTERNAL")
                        .param("version", String.valueOf(version))
                        .with(user(agent).roles("AGENT")).with(csrf()).header("HX-Request", "true"))
                .andExpect(status().isOk()).andExpect(header().string("HX-Trigger", "ticketUpdated"));
        var row = jdbc.sql("SELECT internal, message_id FROM attachments WHERE ticket_id = ?").param(ticket.id())
                .query((rs, n) -> List.of(rs.getBoolean("internal"), rs.getObject("message_id") != null)).single();
        assertThat(row).containsExactly(true, true);
        assertThat(stored(ticket.id())).doesNotContain(Samples.OTHER_KEY);
    }

    @Test
    void aRefusedFileOnAReplyKeepsTheDraft() throws Exception {
        long version = tickets.detail(ticket.id()).version();
        mvc.perform(multipart("/desk/tickets/" + ticket.number() + "/messages")
                        .file(new MockMultipartFile("files", "empty.log", "text/plain", new byte[0]))
                        .param("body", "My careful draft").param("visibility", "PUBLIC")
                        .param("version", String.valueOf(version))
                        .with(user(agent).roles("AGENT")).with(csrf()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("empty.log is empty")))
                .andExpect(content().string(containsString("My careful draft")));
        assertThat(tickets.detail(ticket.id()).messages()).isEmpty();
    }

    @Test
    void theApiStoresFilesAndRefusesBadOnes() throws Exception {
        mvc.perform(multipart("/api/v1/tickets/" + ticket.number() + "/attachments")
                        .file(new MockMultipartFile("files", "gateway.log", "text/plain", Samples.log()))
                        .with(user(agent).roles("AGENT")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.attachments[0].kind").value("TEXT"))
                .andExpect(jsonPath("$.maskedSecrets[0]", containsString("…")));
        long id = jdbc.sql("SELECT id FROM attachments WHERE ticket_id = ?").param(ticket.id()).query(Long.class).single();
        mvc.perform(get("/api/v1/tickets/" + ticket.number() + "/attachments/" + id).with(user(agent).roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")));
        mvc.perform(multipart("/api/v1/tickets/" + ticket.number() + "/attachments")
                        .with(user(agent).roles("AGENT")))
                .andExpect(status().is(422)).andExpect(jsonPath("$.error.code").value("ATTACHMENT_REFUSED"));
    }
}
