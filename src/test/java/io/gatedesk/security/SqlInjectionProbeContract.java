package io.gatedesk.security;

import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.QueueFilter;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.user.Role;
import io.gatedesk.user.UserService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * SQL-injection probes through every search and filter parameter of the queue, the log search and the API lists:
 * never a 500, never a filter that suddenly matches everything, and every table still there afterwards. Run on H2
 * ({@link H2SqlInjectionProbeTest}) and on a real PostgreSQL ({@link PostgresSqlInjectionProbeTest}), whose parser,
 * escaping and errors (a NUL byte, an out-of-range number) differ.
 */
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SqlInjectionProbeContract {

    static final List<String> PROBES = List.of("' OR '1'='1", "' OR 1=1 --", "\" OR \"\"=\"", "') OR ('a'='a",
            "1; DROP TABLE ticket; --", "1' UNION SELECT username, password FROM user_account --", "%' OR '%'='",
            "\\'; SELECT pg_sleep(1); --", "'||(SELECT version())||'", "99999999999999999999", "\u0000");

    /** Every GET that searches or filters, with the parameters it reads. */
    static final Map<String, List<String>> SEARCHES = Map.of(
            "/desk", queueParameters(),
            "/desk/export.csv", queueParameters(),
            "/api/v1/tickets", List.of("status", "q", "priority", "assignee", "category", "sla", "page"),
            "/desk/logs", List.of("from", "to", "statusCode", "model", "key", "user", "clientIp", "source",
                    "requestId", "page"),
            "/api/v1/gateway-logs", List.of("from", "to", "statusCode", "model", "key", "user", "clientIp", "source",
                    "requestId", "page"),
            "/api/v1/gateway-logs/matches", List.of("requestId", "maskedKey", "from", "to", "at", "model"),
            "/api/v1/answers", List.of("category", "lang"),
            "/admin/rules/new", List.of("category"));

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    TicketService tickets;
    @Autowired
    UserService users;

    @BeforeAll
    void fileTickets() {
        users.create(new UserService.NewStaffMember("probe-admin", "Admin", null, "probe-password-1",
                EnumSet.of(Role.ADMIN, Role.AGENT)));
        for (int i = 0; i < 3; i++) {
            tickets.submit(new NewTicket("Probe target " + i, "Cursor answers 401", "Ann Customer",
                    "probe@example.com", null, null, null, "gpt-4o", null, null, 401, null, null, null, null, null),
                    Locale.ENGLISH);
        }
    }

    /**
     * Each search with each probe in each parameter. The queue and the log search are asked as htmx fragments, which
     * run the same query as their pages; the full queue page is asked once per probe with {@code q}.
     */
    @Test
    void noProbeInAnySearchParameterCausesA500AndEveryTableIsStillThere() throws Exception {
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<String, List<String>> search : SEARCHES.entrySet()) {
            boolean htmx = search.getKey().equals("/desk") || search.getKey().equals("/desk/logs");
            for (String parameter : search.getValue()) {
                for (String probe : PROBES) {
                    var request = get(search.getKey()).param(parameter, probe).with(staff());
                    if (htmx) {
                        request.header("HX-Request", "true");
                    }
                    if (search.getKey().equals("/api/v1/gateway-logs/matches") && !parameter.equals("requestId")) {
                        request.param("requestId", "probe-request");
                    }
                    int status = mvc.perform(request).andReturn().getResponse().getStatus();
                    calls++;
                    if (status >= 500) {
                        failures.add(search.getKey() + "?" + parameter + "=" + probe + " -> " + status);
                    }
                }
            }
        }
        for (String probe : PROBES) {
            int status = mvc.perform(get("/desk").param("q", probe).with(staff())).andReturn().getResponse().getStatus();
            if (status >= 500) {
                failures.add("/desk?q=" + probe + " (page) -> " + status);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(calls).isGreaterThan(500);
        assertThat(total("/api/v1/tickets", "q", "Probe target")).isEqualTo(3);
        assertThat(users.exists("probe-admin")).isTrue();
    }

    @Test
    void aProbeInTheQueueSearchMatchesNothingInsteadOfEverything() throws Exception {
        assertThat(total("/api/v1/tickets", "q", "Probe target")).isEqualTo(3);
        for (String probe : PROBES) {
            if (probe.contains("'") || probe.contains("\"")) {
                assertThat(total("/api/v1/tickets", "q", probe)).as(probe).isZero();
                assertThat(total("/api/v1/tickets", "category", probe)).as(probe).isZero();
            }
        }
        for (String probe : List.of("' OR '1'='1", "' OR 1=1 --", "%' OR '%'='")) {
            String html = mvc.perform(get("/desk").param("q", probe).with(staff())).andReturn().getResponse()
                    .getContentAsString();
            assertThat(html).as(probe).doesNotContain("Probe target");
        }
    }

    @Test
    void aProbeInTheLogSearchMatchesNothing() throws Exception {
        for (String parameter : List.of("model", "user", "source", "requestId", "key", "clientIp")) {
            for (String probe : List.of("' OR '1'='1", "' OR 1=1 --", "%' OR '%'='")) {
                MockHttpServletResponse response = mvc.perform(get("/api/v1/gateway-logs").param(parameter, probe)
                        .with(staff())).andReturn().getResponse();
                if (response.getStatus() == 200) {
                    assertThat(json.readTree(response.getContentAsString()).get("items")).as(parameter + "=" + probe)
                            .isEmpty();
                }
            }
        }
    }

    private long total(String path, String parameter, String value) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).param(parameter, value).param("status", "all")
                .with(staff())).andReturn().getResponse();
        assertThat(response.getStatus()).as(parameter + "=" + value).isLessThan(500);
        if (response.getStatus() != 200) {
            return 0;
        }
        JsonNode body = json.readTree(response.getContentAsString());
        return body.get("totalElements").asLong();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor staff() {
        return user("probe-admin").roles("ADMIN", "AGENT");
    }

    private static List<String> queueParameters() {
        return Arrays.stream(QueueFilter.class.getRecordComponents()).map(RecordComponent::getName).toList();
    }
}
