package io.gatedesk.ticket;

import io.gatedesk.user.Role;
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The JSON API through the real security chain: public filing, staff reads and writes, one error shape. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class TicketApiTest {

    static final String PASSWORD = "api-password-1";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    TicketService tickets;

    StaffMember agent;
    String basic;

    @BeforeEach
    void setUp() {
        String name = "api-" + UUID.randomUUID().toString().substring(0, 8);
        agent = users.create(new UserService.NewStaffMember(name, "Api Agent", null, PASSWORD, EnumSet.of(Role.AGENT)));
        basic = "Basic " + Base64.getEncoder().encodeToString((name + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    String create(String subject) throws Exception {
        String body = """
                {"subject":"%s","description":"LobeChat says 429","name":"Lin","email":"lin@example.com",
                 "client":"LOBECHAT","baseUrl":"https://api.example.com/v1","model":"gpt-4o","statusCode":429,
                 "requestIds":["20241128093015123456789012345678"],"requestTime":"2024-11-28T09:30:00+08:00",
                 "requestTimeZone":"Asia/Shanghai","stream":true,"callerType":"HIGH_COST"}""".formatted(subject);
        String response = mvc.perform(post("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.number").value(matchesPattern("GD-\\d+")))
                .andExpect(jsonPath("$.followUrl").value(matchesPattern("http://localhost/t/[A-Za-z0-9_-]{43}")))
                .andExpect(header().string("Location", startsWith("http://localhost/api/v1/tickets/GD-")))
                .andReturn().getResponse().getContentAsString();
        return response.replaceAll(".*\"number\":\"(GD-\\d+)\".*", "$1");
    }

    @Test
    void anyoneCanFileATicketAndStaffCanReadIt() throws Exception {
        String number = create("Rate limited " + agent.username());

        mvc.perform(get("/api/v1/tickets/" + number).header("Authorization", basic))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.number").value(number))
                .andExpect(jsonPath("$.client").value("LOBECHAT"))
                .andExpect(jsonPath("$.requestIds[0]").value("20241128093015123456789012345678"))
                .andExpect(jsonPath("$.requestTimeZone").value("Asia/Shanghai"))
                .andExpect(jsonPath("$.status").value("NEW"));
    }

    @Test
    void aFullKeyInTheMaskedKeyFieldIsStoredAndReturnedOnlyMasked() throws Exception {
        String azureKey = "9f2c4e6a8b0d1f3e" + "5a7c9e1b3d5f7a9c";
        String body = """
                {"subject":"Masked %s","description":"Azure returns 401","name":"Lin","email":"lin@example.com",
                 "maskedKey":"%s"}""".formatted(agent.username(), azureKey);
        String response = mvc.perform(post("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String number = response.replaceAll(".*\"number\":\"(GD-\\d+)\".*", "$1");

        String stored = mvc.perform(get("/api/v1/tickets/" + number).header("Authorization", basic))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.maskedKey").value("9f2c\u20267a9c"))
                .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(response + stored).doesNotContain(azureKey);
    }

    @Test
    void staffEndpointsNeedCredentialsAndAnswerInJson() throws Exception {
        String number = create("Private " + agent.username());
        mvc.perform(get("/api/v1/tickets/" + number))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error.code").value("UNAUTHORIZED"));
        mvc.perform(get("/api/v1/tickets/" + number).header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((agent.username() + ":wrong").getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/tickets/" + number).header("Authorization", "Bearer gdp_not-a-token"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error.code").value("UNAUTHORIZED"));
    }

    @Test
    void theListFindsATicketByRequestIdEmailAndTheKeysLastFour() throws Exception {
        String marker = agent.username().substring(4);
        String body = """
                {"subject":"Evidence only %1$s","description":"Nothing to see in the text","name":"Zhao Lei",
                 "email":"zhao.%1$s@example.com","maskedKey":"sk-9f3a…K%2$s","requestIds":["req%1$sX42"]}"""
                .formatted(marker, marker.substring(0, 3));
        String number = mvc.perform(post("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()
                .replaceAll(".*\"number\":\"(GD-\\d+)\".*", "$1");
        create("Decoy " + marker);

        for (String q : List.of("req" + marker + "X42", "ZHAO." + marker + "@example.com", "K" + marker.substring(0, 3))) {
            mvc.perform(get("/api/v1/tickets").param("status", "all").param("q", q).header("Authorization", basic))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[*].number").value(org.hamcrest.Matchers.contains(number)));
        }
    }

    @Test
    void personalTokenAuthenticatesUntilRevoked() throws Exception {
        var issued = users.issueToken(agent.username(), "script");
        String number = create("Token " + agent.username());
        mvc.perform(get("/api/v1/tickets").param("q", "Token " + agent.username())
                        .header("Authorization", "Bearer " + issued.rawToken()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].number", hasItem(number)))
                .andExpect(jsonPath("$.totalElements").value(1));

        users.revokeToken(agent.username(), issued.token().id());
        mvc.perform(get("/api/v1/tickets").header("Authorization", "Bearer " + issued.rawToken()))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void staffPostReplyAndInternalNote() throws Exception {
        String number = create("Messages " + agent.username());
        mvc.perform(post("/api/v1/tickets/" + number + "/messages").header("Authorization", basic)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"Your group has no channel for gpt-4o\",\"visibility\":\"PUBLIC\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.visibility").value("PUBLIC"));
        mvc.perform(post("/api/v1/tickets/" + number + "/messages").header("Authorization", basic)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"Check channel 7\",\"visibility\":\"INTERNAL\"}"))
                .andExpect(status().isCreated());

        long id = TicketNumber.parse(number).orElseThrow();
        assertThat(tickets.detail(id).messages()).extracting(MessageView::visibility)
                .containsExactly(Visibility.PUBLIC, Visibility.INTERNAL);
        assertThat(tickets.detail(id).status()).isEqualTo(TicketStatus.OPEN);
    }

    @Test
    void invalidTicketIsA422NamingEachFieldInTheCallersLanguage() throws Exception {
        mvc.perform(post("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "zh-CN")
                        .content("{\"subject\":\"\",\"description\":\"x\",\"name\":\"A\",\"email\":\"nope\",\"statusCode\":999}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.error.fields[?(@.field == 'email')].message").value("邮箱地址格式不正确。"))
                .andExpect(jsonPath("$.error.fields[*].field", hasItem("subject")))
                .andExpect(jsonPath("$.error.fields[*].field", hasItem("statusCode")));
    }

    @Test
    void malformedOrMistypedBodiesAre400NotServerErrors() throws Exception {
        mvc.perform(post("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON).content("{\"subject\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.code").value("MALFORMED_REQUEST"));
        mvc.perform(post("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\":\"a\",\"statusCode\":\"four hundred\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\":\"a\",\"client\":\"NETSCAPE\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/tickets").contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.error.code").value("UNSUPPORTED_MEDIA_TYPE"));
        mvc.perform(get("/api/v1/tickets/GD-999999999").header("Authorization", basic))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error.code").value("NOT_FOUND"));
    }

    @Test
    void staleVersionOnTheApiIsAConflict() throws Exception {
        String number = create("Stale api " + agent.username());
        mvc.perform(post("/api/v1/tickets/" + number + "/messages").header("Authorization", basic)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"late\",\"version\":99}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error.code").value("CONFLICT"));
    }
}
