package io.gatedesk.gatewaydb;

import io.gatedesk.triage.TriageService;
import io.gatedesk.user.Role;
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The contract end to end: started with a new-api SQLite source, a ticket naming {@code sk-abcd****wxyz}
 * answers with that key's account in its JSON, the sources list their health, and no raw key from the gateway
 * database appears in any answer, page, GateDesk table or log line.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class GatewayDbWebTest {

    static final String PASSWORD = "gwdb-password-1";
    static Path gatewayDb;

    @DynamicPropertySource
    static void gatewaySource(DynamicPropertyRegistry registry) throws Exception {
        gatewayDb = Files.createTempDirectory("gatedesk-newapi").resolve("one-api.db");
        NewApiDatabase.create("jdbc:sqlite:" + gatewayDb, null, null, false);
        NewApiDatabase.createTasks("jdbc:sqlite:" + gatewayDb, null, null, false);
        NewApiDatabase.createLogs("jdbc:sqlite:" + gatewayDb, null, null, false, true);
        registry.add("gatedesk.gateway.sources.main.kind", () -> "new-api");
        registry.add("gatedesk.gateway.sources.main.url", () -> "jdbc:sqlite:" + gatewayDb);
        registry.add("gatedesk.gateway.sources.down.kind", () -> "new-api");
        registry.add("gatedesk.gateway.sources.down.url",
                () -> "jdbc:sqlite:" + gatewayDb.getParent().resolve("missing/none.db"));
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate gatedeskDb;
    @Autowired
    TriageService triage;

    StaffMember agent;
    String basic;

    @BeforeEach
    void setUp() {
        String name = "gwdb-" + UUID.randomUUID().toString().substring(0, 8);
        agent = users.create(new UserService.NewStaffMember(name, "Gw Agent", null, PASSWORD, EnumSet.of(Role.AGENT)));
        basic = "Basic " + Base64.getEncoder().encodeToString((name + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    String file(String description, String model) throws Exception {
        String body = """
                {"subject":"Key problem %s","description":"%s","name":"Lin","email":"lin@example.com",
                 "model":"%s","statusCode":401}""".formatted(agent.username(), description, model);
        String response = mvc.perform(post("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return response.replaceAll(".*\"number\":\"(GD-\\d+)\".*", "$1");
    }

    @Test
    void theTicketJsonCarriesTheKeysAccountAndNoRawKeyAppearsAnywhere(CapturedOutput output) throws Exception {
        String number = file("My key sk-abcd****wxyz stopped working", "gpt-4o");

        String json = mvc.perform(get("/api/v1/tickets/" + number).header("Authorization", basic))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.maskedKeys[0].masked").value("sk-abcd…wxyz"))
                .andExpect(jsonPath("$.maskedKeys[0].account.source").value("main"))
                .andExpect(jsonPath("$.maskedKeys[0].account.username").value("zhangwei"))
                .andExpect(jsonPath("$.maskedKeys[0].account.userId").value(7))
                .andExpect(jsonPath("$.maskedKeys[0].account.group").value("vip"))
                .andExpect(jsonPath("$.maskedKeys[0].account.keyName").value("prod"))
                .andExpect(jsonPath("$.maskedKeys[0].account.status").value("enabled"))
                .andExpect(jsonPath("$.maskedKeys[0].account.remainQuota").value(6_200_000))
                .andExpect(jsonPath("$.maskedKeys[0].account.usedQuota").value(1_550_000))
                .andExpect(jsonPath("$.maskedKeys[0].account.unlimitedQuota").value(false))
                .andExpect(jsonPath("$.maskedKeys[0].account.expiresAt").doesNotExist())
                .andExpect(jsonPath("$.maskedKeys[0].account.models[0]").value("gpt-4o"))
                .andExpect(jsonPath("$.maskedKeys[0].sources[1].source").value("main"))
                .andExpect(jsonPath("$.maskedKeys[0].sources[0].source").value("down"))
                .andExpect(jsonPath("$.maskedKeys[0].sources[0].error").isNotEmpty())
                .andReturn().getResponse().getContentAsString();

        String sources = mvc.perform(get("/api/v1/gateway/sources").header("Authorization", basic))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].name").value("down"))
                .andExpect(jsonPath("$.items[0].status").value("DOWN"))
                .andExpect(jsonPath("$.items[0].lastError").isNotEmpty())
                .andExpect(jsonPath("$.items[1].name").value("main"))
                .andExpect(jsonPath("$.items[1].status").value("UP"))
                .andReturn().getResponse().getContentAsString();
        String panel = mvc.perform(get("/desk/tickets/" + number + "/accounts").with(user(agent.username()).roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("zhangwei")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("data-source-down")))
                .andReturn().getResponse().getContentAsString();
        String admin = mvc.perform(get("/admin/gateway-sources").with(user("root").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        StringBuilder everything = new StringBuilder(json).append(sources).append(panel).append(admin)
                .append(output.getAll());
        for (Map<String, Object> row : gatedeskDb.queryForList("SCRIPT NODATA")) {
            everything.append(row.values());
        }
        for (String table : gatedeskDb.queryForList("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = 'public'", String.class)) {
            gatedeskDb.queryForList("SELECT * FROM \"" + table + "\"").forEach(row -> everything.append(row.values()));
        }
        for (String key : NewApiDatabase.ALL_KEYS) {
            assertThat(everything.toString()).as("no raw gateway key anywhere").doesNotContain(key)
                    .doesNotContain(key.substring(4, 44));
        }
    }

    /** Issue 19 item 3: the evidence bundle engineers paste into an issue carries the account rows and the tasks. */
    @Test
    void theEvidenceBundleCarriesTheAccountAndTheTasksAsLines() throws Exception {
        String number = file("Key sk-abcd****wxyz: video " + NewApiDatabase.FAILED_VIDEO_TASK + " failed", "kling-v1");
        mvc.perform(post("/api/v1/tickets/" + number + "/escalation").header("Authorization", basic)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Upstream refuses the video\",\"severity\":\"S2\"}"))
                .andExpect(status().is2xxSuccessful());

        String json = mvc.perform(get("/api/v1/tickets/" + number + "/bundle").header("Authorization", basic))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sections[0].heading").value("Gateway account"))
                .andExpect(jsonPath("$.sections[0].lines[0]").value(containsString("down")))
                .andExpect(jsonPath("$.sections[0].lines[1]").value(allOf(startsWith("sk-abcd…wxyz — User: 张伟 · zhangwei (#7)"),
                        containsString("$12.40 left (6,200,000 units)"), containsString("Key: prod (enabled)"), containsString("Group: vip"),
                        containsString("Models: gpt-4o, claude"), containsString("Allowed IPs: 203.0.113.*"),
                        containsString("Source: main"))))
                .andExpect(jsonPath("$.sections[1].heading").value("Tasks"))
                .andExpect(jsonPath("$.sections[1].lines[0]").value(containsString(NewApiDatabase.FAILED_VIDEO_TASK)))
                .andExpect(jsonPath("$.sections[1].lines[2]").value(allOf(containsString("kling · generate"),
                        containsString("failed (FAILURE)"), containsString("content policy violation"))))
                .andReturn().getResponse().getContentAsString();
        String markdown = mvc.perform(get("/api/v1/tickets/" + number + "/bundle.md").header("Authorization", basic)
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(markdown).contains("- sk-abcd…wxyz — 用户").contains("kling · generate");
        String page = mvc.perform(get("/engineering/tickets/" + number)
                        .with(user(agent.username()).roles("ENGINEER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-bundle-section").contains("Key: prod (enabled)");
        for (String key : NewApiDatabase.ALL_KEYS) {
            assertThat(json + markdown + page).doesNotContain(key).doesNotContain(key.substring(4, 44));
        }
        assertThat(json + markdown + page).doesNotContain(NewApiDatabase.PROMPT)
                .doesNotContain(NewApiDatabase.UPSTREAM_KEY);
    }

    @Test
    void anExhaustedKeyIsTriagedAsInsufficientQuota() throws Exception {
        String exhausted = file("requests fail with sk-efgh****1111, no idea why", "gpt-4o");
        String outsideLimits = file("requests fail with sk-abcd****wxyz, no idea why", "o3-pro");

        assertThat(triage.reclassify(Long.parseLong(exhausted.substring(3))).inferredCategory())
                .isEqualTo(io.gatedesk.triage.ErrorCategory.INSUFFICIENT_QUOTA);
        assertThat(triage.reclassify(Long.parseLong(outsideLimits.substring(3))).inferredCategory())
                .isEqualTo(io.gatedesk.triage.ErrorCategory.MODEL_NOT_AVAILABLE);
    }

    @Test
    void theTicketJsonAndPanelShowTheTasksItsTextNames() throws Exception {
        String number = file("Video " + NewApiDatabase.FAILED_VIDEO_TASK + " failed and Midjourney task id: "
                + NewApiDatabase.FAILED_MJ_TASK + " too; request id: 20250615123456789012345678901234", "kling-v1");

        mvc.perform(get("/api/v1/tickets/" + number).header("Authorization", basic))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.taskIds[0]").value(NewApiDatabase.FAILED_VIDEO_TASK))
                .andExpect(jsonPath("$.taskIds[1]").value(NewApiDatabase.FAILED_MJ_TASK))
                .andExpect(jsonPath("$.taskIds.length()").value(2))
                .andExpect(jsonPath("$.tasks[0].taskId").value(NewApiDatabase.FAILED_VIDEO_TASK))
                .andExpect(jsonPath("$.tasks[0].source").value("main"))
                .andExpect(jsonPath("$.tasks[0].platform").value("kling"))
                .andExpect(jsonPath("$.tasks[0].action").value("generate"))
                .andExpect(jsonPath("$.tasks[0].status").value("FAILURE"))
                .andExpect(jsonPath("$.tasks[0].progress").value("100%"))
                .andExpect(jsonPath("$.tasks[0].failReason").value(containsString("content policy violation")))
                .andExpect(jsonPath("$.tasks[0].submittedAt").isNotEmpty())
                .andExpect(jsonPath("$.tasks[0].finishedAt").isNotEmpty())
                .andExpect(jsonPath("$.tasks[0].quota").value(250_000))
                .andExpect(jsonPath("$.tasks[0].quotaUsd").value(0.5))
                .andExpect(jsonPath("$.tasks[1].platform").value("midjourney"))
                .andExpect(jsonPath("$.tasks[1].failReason").value("Banned prompt detected"))
                .andExpect(jsonPath("$.taskSources[0].source").value("down"))
                .andExpect(jsonPath("$.taskSources[0].error").isNotEmpty())
                .andExpect(jsonPath("$.taskSources[1].found").value(2));

        for (boolean htmx : new boolean[]{false, true}) {
            var request = get("/desk/tickets/" + number + "/accounts").with(user(agent.username()).roles("AGENT"));
            if (htmx) {
                request = request.header("HX-Request", "true");
            }
            String panel = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            assertThat(panel).contains("data-task-panel").contains("data-task=\"" + NewApiDatabase.FAILED_MJ_TASK + "\"")
                    .contains("Banned prompt detected").contains("kling · generate").contains("failed")
                    .doesNotContain(NewApiDatabase.PROMPT).doesNotContain(NewApiDatabase.RESULT_URL)
                    .doesNotContain(NewApiDatabase.UPSTREAM_KEY);
        }
        mvc.perform(get("/desk/tickets/" + number + "/accounts").with(user(agent.username()).roles("AGENT"))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("失败原因")));
        mvc.perform(get("/desk/tickets/" + number + "/accounts")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/desk/tickets/GD-999999/accounts").with(user(agent.username()).roles("AGENT")))
                .andExpect(status().isNotFound());
    }

    @Test
    void anAdminTestsASourceAndOthersMayNot() throws Exception {
        mvc.perform(post("/admin/gateway-sources/main/test").with(csrf()).with(user("root").roles("ADMIN")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/gateway-sources").with(user("root").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("data-test-source")));
        mvc.perform(post("/admin/gateway-sources/main/test").with(csrf()).with(user(agent.username()).roles("AGENT")))
                .andExpect(status().isForbidden());
    }

    /** Issue 19: the public form's task ID box; a bare Midjourney number there is a task, as it is not in the text. */
    @Test
    void aTaskIdTypedInTheFormsBoxIsLookedUpWithAndWithoutHtmx() throws Exception {
        for (boolean htmx : new boolean[]{false, true}) {
            String subject = "Image job failed " + UUID.randomUUID();
            var form = post("/").with(csrf()).param("subject", subject)
                    .param("description", "My image never arrived, order 1712205491372955")
                    .param("customerName", "Lin").param("customerEmail", "lin@example.com")
                    .param("taskIds", " " + NewApiDatabase.FAILED_MJ_TASK + ", " + NewApiDatabase.QUOTA_FAILED_TASK);
            if (htmx) {
                form = form.header("HX-Request", "true");
            }
            mvc.perform(form).andExpect(status().is3xxRedirection());
            Long id = gatedeskDb.queryForObject("SELECT id FROM tickets WHERE subject = ?", Long.class, subject);
            String number = io.gatedesk.ticket.TicketNumber.format(id);

            mvc.perform(get("/api/v1/tickets/" + number).header("Authorization", basic))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.taskIds.length()").value(2))
                    .andExpect(jsonPath("$.taskIds[0]").value(NewApiDatabase.FAILED_MJ_TASK))
                    .andExpect(jsonPath("$.taskIds[1]").value(NewApiDatabase.QUOTA_FAILED_TASK))
                    .andExpect(jsonPath("$.tasks[?(@.taskId == '" + NewApiDatabase.FAILED_MJ_TASK + "')].failReason")
                            .value(org.hamcrest.Matchers.contains("Banned prompt detected")));
            String panel = mvc.perform(get("/desk/tickets/" + number + "/accounts")
                            .with(user(agent.username()).roles("AGENT")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(panel).contains("data-task=\"" + NewApiDatabase.FAILED_MJ_TASK + "\"")
                    .contains("data-task=\"" + NewApiDatabase.QUOTA_FAILED_TASK + "\"")
                    .doesNotContain("1712205491372955");
            mvc.perform(get("/desk/tickets/" + number).with(user(agent.username()).roles("AGENT")))
                    .andExpect(status().isOk())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                            .string(allOf(containsString("data-task-ids"),
                                    containsString(NewApiDatabase.FAILED_MJ_TASK))));
        }
    }

    @Test
    void aTaskIdThatIsNotOneComesBackWithAClearMessageAndWhatWasTyped() throws Exception {
        for (boolean htmx : new boolean[]{false, true}) {
            String subject = "Bad task id " + UUID.randomUUID();
            var form = post("/").with(csrf()).header("Accept-Language", "zh-CN").param("subject", subject)
                    .param("description", "视频生成失败").param("customerName", "林")
                    .param("customerEmail", "lin@example.com").param("taskIds", "任务#42 abc");
            if (htmx) {
                form = form.header("HX-Request", "true");
            }
            String page = mvc.perform(form).andExpect(status().isUnprocessableContent())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains("任务 ID 由 8 到 64 个字母").contains("任务#42 abc").contains("视频生成失败");
        }
        mvc.perform(post("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON).content("""
                        {"subject":"x","description":"y","name":"Lin","email":"lin@example.com",
                         "taskIds":["a","b","c","d","e","f"]}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content -> assertThat(content.getResponse().getContentAsString())
                        .contains("taskIds").contains("at most 5 task IDs"));
        mvc.perform(post("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON).content("""
                        {"subject":"x","description":"y","name":"Lin","email":"lin@example.com",
                         "taskId":"has spaces in it"}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content -> assertThat(content.getResponse().getContentAsString())
                        .contains("taskIds").contains("A task ID is 8 to 64"));
    }

    /** A key pasted into the task ID field is masked like anywhere else, and then is no task ID. */
    @Test
    void aKeyPastedAsTaskIdIsMaskedAndRefused() throws Exception {
        String key = "sk-" + "Zq8Wm3Xn7Rt2Yp5Ls9Kd4Hf6Jg1Vb0Nc3Qe8Ua2Io";
        String page = mvc.perform(post("/").with(csrf()).param("subject", "pasted " + UUID.randomUUID())
                        .param("description", "d").param("customerName", "Lin")
                        .param("customerEmail", "lin@example.com").param("taskIds", key))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain(key).contains("A task ID is 8 to 64");
    }

    /** Issue 19: the API's taskId/taskIds fields, and a failed task's reason as triage evidence. */
    @Test
    void aFailedTasksReasonTriagesTheTicketAndShowsAsTheReason() throws Exception {
        String quota = fileWithTasks("{\"taskId\":\"" + NewApiDatabase.QUOTA_FAILED_TASK + "\"}");
        String upstream = fileWithTasks("{\"taskIds\":[\"" + NewApiDatabase.UPSTREAM_FAILED_TASK + "\"]}");
        String running = fileWithTasks("{\"taskIds\":[\"" + NewApiDatabase.RUNNING_VIDEO_TASK + "\"]}");

        var byQuota = triage.reclassify(Long.parseLong(quota.substring(3)));
        assertThat(byQuota.inferredCategory()).isEqualTo(io.gatedesk.triage.ErrorCategory.INSUFFICIENT_QUOTA);
        assertThat(byQuota.reasons().get(0).source()).isEqualTo("LOG");
        assertThat(byQuota.reasons().get(0).matched()).containsIgnoringCase("insufficient credits");
        var byUpstream = triage.reclassify(Long.parseLong(upstream.substring(3)));
        assertThat(byUpstream.inferredCategory()).isEqualTo(io.gatedesk.triage.ErrorCategory.UPSTREAM_ERROR);
        assertThat(byUpstream.reasons().get(0).source()).isEqualTo("LOG");
        assertThat(triage.reclassify(Long.parseLong(running.substring(3))).inferredCategory())
                .as("a task still running says nothing").isEqualTo(io.gatedesk.triage.ErrorCategory.OTHER);
    }

    String fileWithTasks(String taskFields) throws Exception {
        String body = "{\"subject\":\"Generation did not finish\",\"description\":\"The job never came back.\","
                + "\"name\":\"Lin\",\"email\":\"lin@example.com\"," + taskFields.substring(1);
        String response = mvc.perform(post("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return response.replaceAll(".*\"number\":\"(GD-\\d+)\".*", "$1");
    }

    /** Issue 19: the gateway's own log rows for the ticket, beside the imported ones, with a down source said so. */
    @Test
    void theTicketPageShowsTheGatewaysOwnLogRowsWithAndWithoutHtmx() throws Exception {
        String number = file("Calls with sk-abcd****wxyz fail since a few minutes", "gpt-4o");

        for (boolean htmx : new boolean[]{false, true}) {
            var request = get("/desk/tickets/" + number + "/live-logs").with(user(agent.username()).roles("AGENT"));
            if (htmx) {
                request = request.header("HX-Request", "true");
            }
            String panel = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            assertThat(panel).contains("data-live-logs").contains("data-source-down").contains("From main (new-api)")
                    .contains("data-reason=\"KEY_ID\"").contains("upstream_error: bad response status code 503")
                    .contains("sk-abcd…wxyz → prod #1")
                    .doesNotContain(NewApiDatabase.LOGGED_UPSTREAM_KEY).doesNotContain(NewApiDatabase.CONSUME_CONTENT);
            assertThat(panel.split("data-live-log ", -1)).as("two rows of that key in the window").hasSize(3);
        }
        mvc.perform(get("/desk/tickets/" + number + "/live-logs").with(user(agent.username()).roles("AGENT"))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("网关日志（实时）")));
        mvc.perform(get("/desk/tickets/" + number).with(user(agent.username()).roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("/desk/tickets/" + number + "/live-logs")));
        mvc.perform(get("/desk/tickets/" + number + "/live-logs")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/desk/tickets/GD-999999/live-logs").with(user(agent.username()).roles("AGENT")))
                .andExpect(status().isNotFound());
    }
}
