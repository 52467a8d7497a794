package io.gatedesk.ticket;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Anonymous callers of public endpoints are held to the configured bucket; staff are not. */
@SpringBootTest(properties = {"gatedesk.rate-limit.capacity=2", "gatedesk.rate-limit.refill-tokens=2",
        "gatedesk.rate-limit.check-capacity=4", "gatedesk.rate-limit.check-refill-tokens=4",
        "gatedesk.rate-limit.refill-period=1h"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RateLimitTest {

    @Autowired
    MockMvc mvc;

    @Test
    void publicApiCallsBeyondTheLimitGet429WithRetryAfter() throws Exception {
        String body = "{\"subject\":\"s\",\"description\":\"d\",\"name\":\"n\",\"email\":\"n@example.com\"}";
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/v1/tickets").with(remote("10.1.0.1")).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isCreated());
        }
        mvc.perform(post("/api/v1/tickets").with(remote("10.1.0.1")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.error.code").value("RATE_LIMITED"));
        mvc.perform(post("/api/v1/tickets").with(remote("10.1.0.2")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated());
    }

    @Test
    void theDiagnoseApiIsPublicButRateLimitedToo() throws Exception {
        for (int i = 0; i < 4; i++) {
            mvc.perform(post("/api/v1/diagnose").with(remote("10.4.0.1")).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"statusCode\":429}"))
                    .andExpect(status().isOk());
        }
        mvc.perform(post("/api/v1/diagnose").with(remote("10.4.0.1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"statusCode\":429}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.error.code").value("RATE_LIMITED"));
    }

    @Test
    void checksTakeFromTheirOwnBucketSoTypingNeverBlocksFiling() throws Exception {
        for (int i = 0; i < 4; i++) {
            mvc.perform(post("/api/v1/config-check").with(remote("10.5.0.1")).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"client\":\"cursor\",\"baseUrl\":\"https://api.example.com/v1\"}"))
                    .andExpect(status().isOk());
        }
        mvc.perform(post("/api/v1/config-check").with(remote("10.5.0.1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"client\":\"cursor\",\"baseUrl\":\"https://api.example.com/v1\"}"))
                .andExpect(status().isTooManyRequests());
        mvc.perform(post("/api/v1/tickets").with(remote("10.5.0.1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\":\"s\",\"description\":\"d\",\"name\":\"n\",\"email\":\"n@example.com\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void theFormBeyondTheLimitKeepsWhatWasTyped() throws Exception {
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/").with(remote("10.2.0.1")).with(csrf()).param("subject", "x"))
                    .andExpect(status().isUnprocessableContent());
        }
        mvc.perform(post("/").with(remote("10.2.0.1")).with(csrf()).param("subject", "Please keep this subject"))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("Please keep this subject")))
                .andExpect(content().string(containsString("Too many requests")));
    }

    @Test
    void authenticatedStaffAreNotHeldByThePublicLimit() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 4; i++) {
            mvc.perform(post("/api/v1/tickets").with(remote("10.3.0.1")).header("Authorization", basic)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"subject\":\"s\",\"description\":\"d\",\"name\":\"n\",\"email\":\"n@example.com\"}"))
                    .andExpect(status().isCreated());
        }
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor remote(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
