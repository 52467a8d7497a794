package io.gatedesk.ticket;

import io.gatedesk.support.CookieJar;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Sending a ticket twice (a double click, a retry after a timeout, a replayed request) files it once. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SubmissionKeyWebTest {

    private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyRenderedFormCarriesItsOwnRandomKey() throws Exception {
        String first = keyOn(mvc.perform(get("/")).andReturn().getResponse().getContentAsString());
        String second = keyOn(mvc.perform(get("/")).andReturn().getResponse().getContentAsString());
        assertThat(UUID.fromString(first)).isNotEqualTo(UUID.fromString(second));
    }

    @Test
    void sendingTheSameFormTwiceShowsTheSameTicketAndFilesOne() throws Exception {
        String subject = "Twice " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String firstReceipt = fileAndConfirm(subject, key);
        String secondReceipt = fileAndConfirm(subject, key);

        assertThat(secondReceipt).isEqualTo(firstReceipt);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tickets WHERE subject = ?", Integer.class, subject))
                .isEqualTo(1);
    }

    @Test
    void theSameKeyWithOtherTextIsRefusedKeepsTheTextAndOffersANewKey() throws Exception {
        String key = UUID.randomUUID().toString();
        fileAndConfirm("Original " + key, key);

        String page = mvc.perform(form("Edited " + key, key))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("already sent once with different content")))
                .andExpect(content().string(containsString("Edited " + key)))
                .andExpect(content().string(not(containsString("/t/"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(keyOn(page)).isNotEqualTo(key);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tickets WHERE subject = ?", Integer.class,
                "Edited " + key)).isZero();
    }

    @Test
    void theApiAnswersARetriedKeyWithTheFirstTicketAndAnotherBodyWith409() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = apiBody("API retry " + key);
        String first = mvc.perform(api(body, key)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String again = mvc.perform(api(body, key)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        assertThat(again).isEqualTo(first).contains("\"followUrl\"");

        mvc.perform(api(apiBody("API replay " + key), key)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.error.code").value("IDEMPOTENCY_KEY_REUSED"))
                .andExpect(content().string(not(containsString("/t/"))));
        mvc.perform(api(body, "short")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.code").value("BAD_IDEMPOTENCY_KEY"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tickets WHERE subject LIKE ?", Integer.class,
                "API % " + key)).isEqualTo(1);
    }

    /** Files the form and returns the confirmation page's number and follow link. */
    private String fileAndConfirm(String subject, String key) throws Exception {
        CookieJar visitor = new CookieJar();
        mvc.perform(form(subject, key).with(visitor)).andExpect(redirectedUrl("/submitted")).andDo(visitor);
        String page = mvc.perform(get("/submitted").with(visitor)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Matcher receipt = Pattern.compile("(GD-\\d+).*?(/t/[A-Za-z0-9_-]{43})", Pattern.DOTALL).matcher(page);
        assertThat(receipt.find()).isTrue();
        return receipt.group(1) + " " + receipt.group(2);
    }

    private static MockHttpServletRequestBuilder form(String subject, String key) {
        return post("/").with(csrf()).param("idempotencyKey", key).param("subject", subject)
                .param("description", "Sent twice").param("customerName", "Ann")
                .param("customerEmail", "ann@example.com");
    }

    private static MockHttpServletRequestBuilder api(String body, String key) {
        return post("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", key)
                .content(body);
    }

    private static String apiBody(String subject) {
        return "{\"subject\":\"" + subject + "\",\"description\":\"d\",\"name\":\"Lin\",\"email\":\"lin@example.com\"}";
    }

    private static String keyOn(String page) {
        Matcher key = KEY.matcher(page);
        assertThat(key.find()).as("hidden idempotency key").isTrue();
        return key.group(1);
    }
}
