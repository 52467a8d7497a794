package io.gatedesk.gatewaylog;

import io.gatedesk.ticket.CallerType;
import io.gatedesk.ticket.ClientApp;
import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.TicketReceipt;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.user.Role;
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The gateway-log pages and API through the real security chain; htmx views as page and as fragment. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class GatewayLogWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketService tickets;
    @Autowired
    UserService users;
    @Autowired
    LogImportService imports;

    StaffMember agent;
    String marker;

    @BeforeEach
    void setUp() {
        marker = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        agent = users.create(new UserService.NewStaffMember("logs-" + marker, "Logs " + marker, null,
                "agent-password-1", EnumSet.of(Role.AGENT)));
    }

    <B extends AbstractMockHttpServletRequestBuilder<B>> B asAgent(B request, boolean htmx) {
        request.with(user(agent.username()).roles("AGENT"));
        return htmx ? request.header("HX-Request", "true") : request;
    }

    String line(String requestId, Instant at, int status, String message) {
        return "{\"source\":\"web-test\",\"request_id\":\"" + requestId + "\",\"created_at\":\"" + at
                + "\",\"log_type\":\"" + (status >= 400 ? "error" : "consume") + "\",\"model\":\"gpt-4o\","
                + "\"channel_name\":\"azure-eastus\",\"status_code\":" + status + ",\"error_message\":\"" + message
                + "\",\"latency_ms\":350,\"prompt_tokens\":12,\"completion_tokens\":0}\n";
    }

    // ------------------------------------------------------------------------------------------------ upload

    @Test
    void importIsForAgentsAndAdmins() throws Exception {
        mvc.perform(get("/desk/logs/import").with(user("eng").roles("ENGINEER"))).andExpect(status().isForbidden());
        mvc.perform(get("/desk/logs/import").with(user("adm").roles("ADMIN"))).andExpect(status().isOk());
        mvc.perform(asAgent(get("/desk/logs/import"), false)).andExpect(status().isOk())
                .andExpect(content().string(containsString("enctype=\"multipart/form-data\"")))
                .andExpect(content().string(containsString("value=\"UTC\"")));
    }

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void anUploadRunsInTheBackgroundAndEndsWithItsSummary(boolean htmx) throws Exception {
        String content = line(marker + "-1", Instant.parse("2031-02-01T10:00:00Z"), 429, "busy")
                + "{broken\n" + line(marker + "-2", Instant.parse("2031-02-01T10:01:00Z"), 200, "");
        MvcResult upload = mvc.perform(asAgent(multipart("/desk/logs/import")
                        .file(new MockMultipartFile("file", "gateway.jsonl", "application/json",
                                content.getBytes(StandardCharsets.UTF_8)))
                        .param("format", "auto").param("timeZone", "Asia/Shanghai"), false).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = upload.getResponse().getRedirectedUrl();
        assertThat(location).matches("/desk/logs/imports/\\d+");

        String body = "";
        for (int i = 0; i < 100 && !body.contains("data-import-status=\"DONE\""); i++) {
            body = mvc.perform(asAgent(get(location), htmx)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            if (!body.contains("DONE")) {
                Thread.sleep(100);
            }
        }
        assertThat(body).contains("data-import-status=\"DONE\"").contains("data-imported>2<")
                .contains("data-rejected>1<").contains("errors.csv").doesNotContain("hx-trigger");
        assertThat(body.contains("<html")).isEqualTo(!htmx);

        mvc.perform(asAgent(get(location + "/errors.csv"), false)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(content().string(containsString("2,BAD_JSON")));
    }

    @Test
    void aRunningImportPollsEverySecond() throws Exception {
        long id = imports.submit(java.nio.file.Files.writeString(java.nio.file.Files.createTempFile("gd-", ".jsonl"),
                line(marker, Instant.parse("2031-02-01T10:00:00Z"), 200, "")), "x.jsonl", "CANONICAL", "UTC", "t");
        String body = mvc.perform(asAgent(get("/desk/logs/imports/" + id), true)).andReturn().getResponse()
                .getContentAsString();
        if (!body.contains("DONE")) {
            assertThat(body).contains("hx-trigger=\"every 1s\"").contains("<progress");
        }
    }

    @Test
    void badUploadsAreExplainedInTheUsersLanguage() throws Exception {
        mvc.perform(asAgent(multipart("/desk/logs/import").file(new MockMultipartFile("file", "empty.csv", "text/csv",
                        new byte[0])), false).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("The file is empty")));
        mvc.perform(asAgent(multipart("/desk/logs/import").file(new MockMultipartFile("file", "logs.gz",
                        "application/gzip", new byte[]{0x1f, (byte) 0x8b, 8, 0, 0, 0})), false).with(csrf())
                        .locale(Locale.SIMPLIFIED_CHINESE).header("Accept-Language", "zh-CN"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("这不是文本文件")));
        mvc.perform(asAgent(multipart("/desk/logs/import").file(new MockMultipartFile("file", "notes.txt", "text/plain",
                        "hello\n".getBytes(StandardCharsets.UTF_8))), false).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("pick the format by hand")));
        mvc.perform(asAgent(multipart("/desk/logs/import").file(new MockMultipartFile("file", "a.jsonl", "text/plain",
                        line(marker, Instant.now(), 200, "").getBytes(StandardCharsets.UTF_8)))
                        .param("format", "SPLUNK").param("timeZone", "UTC"), false).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Unknown format")));
        mvc.perform(asAgent(multipart("/desk/logs/import").file(new MockMultipartFile("file", "a.jsonl", "text/plain",
                        line(marker, Instant.now(), 200, "").getBytes(StandardCharsets.UTF_8)))
                        .param("timeZone", "Moon/Base"), false).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Unknown time zone")))
                .andExpect(content().string(containsString("Moon/Base")));
    }

    // ------------------------------------------------------------------------------------------------ search

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void theLogSearchFiltersNewestFirst(boolean htmx) throws Exception {
        imports.ingest(new java.io.ByteArrayInputStream((line(marker + "-old", Instant.parse("2031-03-01T10:00:00Z"), 429, "x")
                + line(marker + "-new", Instant.parse("2031-03-01T11:00:00Z"), 429, "y")
                + line(marker + "-ok", Instant.parse("2031-03-01T11:30:00Z"), 200, "")).getBytes(StandardCharsets.UTF_8)), "t");
        String body = mvc.perform(asAgent(get("/desk/logs").param("source", "web-test").param("statusCode", "429")
                        .param("from", "2031-03-01T00:00").param("to", "2031-03-02"), htmx))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body.indexOf(marker + "-new")).isPositive().isLessThan(body.indexOf(marker + "-old"));
        assertThat(body).doesNotContain(marker + "-ok");
        assertThat(body.contains("<html")).isEqualTo(!htmx);

        mvc.perform(asAgent(get("/desk/logs").param("statusCode", "four-oh-four"), htmx)).andExpect(status().isOk())
                .andExpect(content().string(containsString("A filter could not be read")));
    }

    @Test
    void staffSeeTheLogsLinkAndCustomersDoNot() throws Exception {
        mvc.perform(asAgent(get("/desk"), false)).andExpect(content().string(containsString("href=\"/desk/logs\"")));
        mvc.perform(get("/")).andExpect(content().string(not(containsString("href=\"/desk/logs\""))));
        mvc.perform(get("/desk/logs")).andExpect(status().is3xxRedirection());
    }

    // ------------------------------------------------------------------------------------------------ ticket panel

    TicketReceipt ticketWith(String requestId) {
        return tickets.submit(new NewTicket("Rate limited " + marker, "Got 429 (request id: " + requestId + ")", "Ann",
                "ann@example.com", ClientApp.CURSOR, null, null, "gpt-4o", null, List.of(), 429, null, null, null,
                true, CallerType.PRODUCTION), Locale.ENGLISH);
    }

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void theTicketPageLoadsItsMatchingLogRowsLazily(boolean htmx) throws Exception {
        String id = "20310301100000123456789" + marker.substring(0, 8).replaceAll("[^0-9]", "7");
        imports.ingest(new java.io.ByteArrayInputStream(line(id, Instant.parse("2031-03-01T10:00:00Z"), 429,
                "当前分组上游负载已饱和").getBytes(StandardCharsets.UTF_8)), "t");
        TicketReceipt receipt = ticketWith(id);

        mvc.perform(asAgent(get("/desk/tickets/" + receipt.number()), false))
                .andExpect(content().string(containsString("hx-get=\"/desk/tickets/" + receipt.number() + "/logs\"")))
                .andExpect(content().string(containsString("hx-trigger=\"load\"")));

        String panel = mvc.perform(asAgent(get("/desk/tickets/" + receipt.number() + "/logs"), htmx))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(panel).contains("data-log-match").contains("data-reason=\"REQUEST_ID\"").contains("当前分组上游负载已饱和")
                .contains("azure-eastus").contains("350 ms").contains("Same request ID");
        assertThat(panel.contains("<html")).isEqualTo(!htmx);
    }

    @Test
    void agentsPinEntriesAndEditRequestIdsInPlace() throws Exception {
        String id = "chatcmpl-" + marker;
        imports.ingest(new java.io.ByteArrayInputStream(line(id, Instant.parse("2031-03-02T10:00:00Z"), 504, "timeout")
                .getBytes(StandardCharsets.UTF_8)), "t");
        TicketReceipt receipt = ticketWith(id);
        String base = "/desk/tickets/" + receipt.number() + "/logs";
        long entryId = findEntry();

        mvc.perform(asAgent(post(base + "/pins").param("entryId", String.valueOf(entryId)), true).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("data-pin")));
        mvc.perform(asAgent(post(base + "/request-ids").param("requestId", "manual-" + marker), true).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("manual-" + marker)));
        mvc.perform(asAgent(post(base + "/request-ids").param("requestId", "two words"), true).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("one word of at most 128")));
        mvc.perform(asAgent(post(base + "/request-ids/remove").param("requestId", id), false).with(csrf()))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/api/v1/tickets/" + receipt.number()).with(httpBasic(agent.username(), "agent-password-1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.requestIds", hasItem("manual-" + marker)))
                .andExpect(jsonPath("$.requestIds", not(hasItem(id))))
                .andExpect(jsonPath("$.pinnedLogEntries[0].requestId").value(id))
                .andExpect(jsonPath("$.subject").value("Rate limited " + marker));
        mvc.perform(asAgent(get("/desk/tickets/" + receipt.number()), false))
                .andExpect(content().string(containsString("pinned a log entry")));
    }

    long findEntry() throws Exception {
        String json = mvc.perform(get("/api/v1/gateway-logs/matches").param("requestId", "chatcmpl-" + marker)
                        .with(httpBasic(agent.username(), "agent-password-1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(json);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    // ------------------------------------------------------------------------------------------------ API

    @Test
    void staffImportFilesAndQueryMatchesOverTheApi() throws Exception {
        var personal = users.issueToken(agent.username(), "cli");
        String content = line(marker + "-api", Instant.parse("2031-05-01T10:00:00Z"), 429, "busy");
        mvc.perform(multipart("/api/v1/gateway-logs/import").file(new MockMultipartFile("file", "x.jsonl",
                        "application/json", content.getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", "Bearer " + personal.rawToken()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DONE"))
                .andExpect(jsonPath("$.format").value("CANONICAL")).andExpect(jsonPath("$.imported").value(1));
        mvc.perform(multipart("/api/v1/gateway-logs/import").file(new MockMultipartFile("file", "x.jsonl",
                        "application/json", content.getBytes(StandardCharsets.UTF_8))).param("timeZone", "Nowhere/Land")
                        .header("Authorization", "Bearer " + personal.rawToken()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.error.code").value("BAD_TIME_ZONE"));

        mvc.perform(get("/api/v1/gateway-logs/matches").param("requestId", marker + "-api")
                        .header("Authorization", "Bearer " + personal.rawToken()))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].reason").value("REQUEST_ID"))
                .andExpect(jsonPath("$[0].entry.statusCode").value(429));
        mvc.perform(get("/api/v1/gateway-logs/matches").param("maskedKey", "sk-abcd…wxyz")
                        .header("Authorization", "Bearer " + personal.rawToken()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error.code").value("BAD_PARAMETER"));
        mvc.perform(get("/api/v1/gateway-logs").param("source", "web-test").param("from", "2031-05-01T09:00:00Z")
                        .param("to", "2031-05-01T11:00:00Z").header("Authorization", "Bearer " + personal.rawToken()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].requestId").value(marker + "-api"));
        mvc.perform(get("/api/v1/gateway-logs").param("from", "yesterday")
                        .header("Authorization", "Bearer " + personal.rawToken()))
                .andExpect(status().isBadRequest());
    }
}
