package io.gatedesk.gatewaylog.ingest;

import io.gatedesk.gatewaylog.LogImportService;
import io.gatedesk.user.Role;
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import java.util.EnumSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Gateways pushing logs with an ingest token, and admins issuing those tokens, through the real security chain. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class IngestWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    IngestTokenService ingestTokens;

    StaffMember agent;
    String marker;

    @BeforeEach
    void setUp() {
        marker = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        agent = users.create(new UserService.NewStaffMember("ingest-" + marker, "Ingest " + marker, null,
                "agent-password-1", EnumSet.of(Role.AGENT)));
    }

    /** One canonical JSON line of a failed request, as a gateway pushes it. */
    static String failedRequest(String requestId) {
        return "{\"source\":\"ingest-test\",\"request_id\":\"" + requestId + "\",\"created_at\":\"2031-04-01T10:00:00Z\","
                + "\"log_type\":\"error\",\"status_code\":401,\"error_message\":\"Invalid token\"}\n";
    }

    @Test
    void ingestNeedsALiveIngestToken() throws Exception {
        String body = failedRequest(marker + "-ingest") + "nope\n";
        mvc.perform(post("/api/v1/gateway-logs").content(body)).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error.code").value("UNAUTHORIZED"));

        var issued = ingestTokens.issue("gateway-" + marker, "admin");
        mvc.perform(post("/api/v1/gateway-logs").header("Authorization", "Bearer " + issued.rawToken()).content(body)
                        .contentType("application/x-ndjson"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(1)).andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.errors[0].lineNumber").value(2))
                .andExpect(jsonPath("$.errors[0].code").value("BAD_JSON"));
        mvc.perform(post("/api/v1/gateway-logs").header("Authorization", "Bearer " + issued.rawToken()).content(body))
                .andExpect(jsonPath("$.imported").value(0)).andExpect(jsonPath("$.duplicates").value(1));
        // An ingest token opens nothing else.
        mvc.perform(get("/api/v1/gateway-logs").header("Authorization", "Bearer " + issued.rawToken()))
                .andExpect(status().isForbidden());

        ingestTokens.revoke(issued.token().id());
        mvc.perform(post("/api/v1/gateway-logs").header("Authorization", "Bearer " + issued.rawToken()).content(body))
                .andExpect(status().isUnauthorized());

        var personal = users.issueToken(agent.username(), "laptop");
        mvc.perform(post("/api/v1/gateway-logs").header("Authorization", "Bearer " + personal.rawToken()).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/gateway-logs").with(httpBasic(agent.username(), "agent-password-1")).content(body))
                .andExpect(status().isForbidden());
    }

    @Test
    void ingestRefusesOversizedAndEmptyBodiesClearly() throws Exception {
        var issued = ingestTokens.issue("big-" + marker, "admin");
        String many = "{}\n".repeat(LogImportService.MAX_INGEST_LINES + 1);
        mvc.perform(post("/api/v1/gateway-logs").header("Authorization", "Bearer " + issued.rawToken()).content(many))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.error.code").value("TOO_MANY_LINES"))
                .andExpect(jsonPath("$.error.message").value(containsString("10000")));
        mvc.perform(post("/api/v1/gateway-logs").header("Authorization", "Bearer " + issued.rawToken()).content(" \n"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.code").value("EMPTY_BODY"));
    }

    @Test
    void adminsCreateIngestTokensThatAreShownOnce() throws Exception {
        mvc.perform(get("/admin/ingest-tokens").with(user(agent.username()).roles("AGENT"))).andExpect(status().isForbidden());
        String page = mvc.perform(post("/admin/ingest-tokens").param("name", "edge-" + marker)
                        .with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("data-issued-token")))
                .andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher raw = java.util.regex.Pattern.compile("gdi_[A-Za-z0-9_-]{43}").matcher(page);
        assertThat(raw.find()).isTrue();
        mvc.perform(get("/admin/ingest-tokens").with(user("admin").roles("ADMIN")))
                .andExpect(content().string(containsString("edge-" + marker)))
                .andExpect(content().string(not(containsString(raw.group()))));
        mvc.perform(post("/admin/ingest-tokens").param("name", " ").with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(status().isUnprocessableContent());
    }
}
