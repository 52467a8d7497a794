package io.gatedesk.escalation;

import io.gatedesk.common.Hashing;
import io.gatedesk.gatewaylog.LogImportService;
import io.gatedesk.secret.SampleKeys;
import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.CallerType;
import io.gatedesk.ticket.ClientApp;
import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.TicketReceipt;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.ticket.Visibility;
import io.gatedesk.user.Role;
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Keys of every kind planted in every field a bundle shows (the ticket's evidence, replies and notes, a gateway log
 * row, the escalation reason, the findings), then the bundle page, its Markdown download and both API exports are
 * searched for them. Run on H2 and on PostgreSQL.
 */
abstract class EvidenceBundleNoKeyContract {

    static final String PASSWORD = "bundle-password-1";

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketService tickets;
    @Autowired
    EscalationService escalations;
    @Autowired
    UserService users;
    @Autowired
    LogImportService imports;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EvidenceBundleService bundles;

    final SplittableRandom random = new SplittableRandom(20261205L);
    final List<String> rawKeys = new ArrayList<>();

    String key() {
        SampleKeys.Sample sample = SampleKeys.STANDALONE.get(rawKeys.size() % SampleKeys.STANDALONE.size())
                .apply(random);
        rawKeys.add(sample.secret());
        return sample.written();
    }

    @Test
    void noKeyLeaksIntoTheBundleItsPageOrEitherExport() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        StaffMember agent = users.create(new UserService.NewStaffMember("bundle-agent-" + marker, "Agent " + marker,
                null, PASSWORD, EnumSet.of(Role.AGENT)));
        StaffMember engineer = users.create(new UserService.NewStaffMember("bundle-eng-" + marker, "Eng " + marker,
                null, PASSWORD, EnumSet.of(Role.ENGINEER)));
        String requestId = "2031120510000012345678" + marker;
        SampleKeys.Sample customerKey = SampleKeys.newApi(random);
        rawKeys.add(customerKey.secret());

        TicketReceipt ticket = tickets.submit(new NewTicket("Subject " + key(),
                "Description " + key() + " curl -H \"Authorization: Bearer " + key() + "\" request " + requestId,
                "Name " + key(), "ann@example.com", ClientApp.CHERRY_STUDIO, "1.2 " + key(),
                "https://api.example.com/v1?key=" + key(), "gpt-4o " + key(), customerKey.written(),
                List.of(requestId), 429, "Incorrect API key provided: " + key(), null, null, true,
                CallerType.PRODUCTION), Locale.ENGLISH);
        Actor agentActor = new Actor(agent.id(), agent.displayName());
        Actor engineerActor = new Actor(engineer.id(), engineer.displayName());
        tickets.addStaffMessage(ticket.id(), "Internal: pasted " + key(), Visibility.INTERNAL, null, agentActor);
        tickets.addStaffMessage(ticket.id(), "Please rotate " + key(), Visibility.PUBLIC, null, agentActor);

        imports.ingest(new ByteArrayInputStream(("{\"source\":\"bundle-" + marker + "\",\"request_id\":\"" + requestId
                + "\",\"created_at\":\"2031-12-05T10:00:00Z\",\"log_type\":\"error\",\"model\":\"gpt-4o\","
                + "\"upstream_model\":\"gpt-4o-2024-08-06\",\"channel_name\":\"azure " + key() + "\","
                + "\"status_code\":429,\"error_code\":\"rate_limit_exceeded\",\"error_message\":\"key " + key()
                + " limited\",\"latency_ms\":350,\"client_ip\":\"203.0.113.7\",\"request_path\":\"/v1/chat/completions\"}\n")
                .getBytes(StandardCharsets.UTF_8)), "test");
        String raw = customerKey.secret();
        jdbc.update("INSERT INTO key_inventory (dedupe_key, source, key_id, key_name, user_id, username, group_name,"
                        + " key_hash_sha256, masked_head, masked_tail, status, imported_at)"
                        + " VALUES (?, 'bundle-test', '42', 'cursor', '7', ?, 'vip', ?, ?, ?, 'enabled', ?)",
                "bundle-" + marker, "alice-" + marker, Hashing.sha256Hex(raw), raw.substring(3, 7),
                raw.substring(raw.length() - 4), Timestamp.from(Instant.now()));

        escalations.escalate(ticket.id(), new EscalationRequest("First round " + key(), "S2", null), agentActor);
        escalations.recordFindings(ticket.id(), new FindingsRequest("KEY_QUOTA_PERMISSION", "Summary " + key(),
                "Actions " + key(), "Reply " + key(), "HAND_BACK"), engineerActor);
        escalations.escalate(ticket.id(), new EscalationRequest("Second round " + key(), "S1",
                engineer.username()), agentActor);

        List<String> shown = new ArrayList<>();
        shown.add(mvc.perform(get("/engineering/tickets/" + ticket.number())
                        .with(user(engineer.username()).roles("ENGINEER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        shown.add(mvc.perform(get("/engineering/tickets/" + ticket.number() + "/bundle.md")
                        .with(user(agent.username()).roles("AGENT")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        String json = mvc.perform(get("/api/v1/tickets/" + ticket.number() + "/bundle")
                        .with(httpBasic(engineer.username(), PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        shown.add(json);
        String markdown = mvc.perform(get("/api/v1/tickets/" + ticket.number() + "/bundle.md")
                        .with(httpBasic(agent.username(), PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        shown.add(markdown);

        // The bundle holds what it should, so the searches below search something.
        assertThat(json).contains(requestId, "alice-" + marker, "\"group\":\"vip\"", "First round", "Second round",
                "203.0.113.7", "rate_limit_exceeded", "\"kind\":\"log\"", "…");
        assertThat(markdown).contains("Summary", "```bash", "$GATEWAY_API_KEY", requestId);
        assertThat(rawKeys).hasSizeGreaterThanOrEqualTo(18);
        for (String text : shown) {
            for (String key : rawKeys) {
                assertThat(text).as("a bundle view or export").doesNotContain(key);
            }
        }
        EvidenceBundle bundle = bundles.bundle(ticket.id(), Locale.ENGLISH);
        assertThat(bundle.reproduction()).contains("$GATEWAY_API_KEY").doesNotContain("sk-", "…", "***", "key=")
                .contains("https://api.example.com/v1/chat/completions");
    }
}
