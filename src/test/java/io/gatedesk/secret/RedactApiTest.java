package io.gatedesk.secret;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RedactApiTest {

    @Autowired
    MockMvc mvc;

    @Test
    void redactMasksAndFingerprintsWithoutEchoingTheKey() throws Exception {
        SampleKeys.Sample sample = SampleKeys.newApi(new SplittableRandom(7));
        String body = mvc.perform(post("/api/v1/redact").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"我的 key 是" + sample.written() + "，帮我看看\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.findings[0].kind").value("GATEWAY_KEY"))
                .andExpect(jsonPath("$.findings[0].masked").value(sample.expectedMask()))
                .andExpect(jsonPath("$.findings[0].fingerprint").value(SecretScanner.fingerprint(sample.secret())))
                .andExpect(jsonPath("$.text").value("我的 key 是" + sample.expectedMask() + "，帮我看看"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).doesNotContain(sample.secret());
    }

    @Test
    void redactRejectsBadBodiesWithJsonErrors() throws Exception {
        mvc.perform(post("/api/v1/redact").contentType(MediaType.APPLICATION_JSON).content("not json"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error.code").value("MALFORMED_REQUEST"));
        mvc.perform(post("/api/v1/redact").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"" + "a".repeat(1_000_001) + "\"}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void inlineCheckWarnsWithTheMaskedFormOnly() throws Exception {
        SampleKeys.Sample sample = SampleKeys.openAiProject(new SplittableRandom(9));
        mvc.perform(post("/secret-check").with(csrf()).param("description", "key: " + sample.written())
                        .param("subject", "hello").header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-secret-warning")))
                .andExpect(content().string(containsString("这看起来是一个完整的 API Key")))
                .andExpect(content().string(containsString(sample.expectedMask())))
                .andExpect(content().string(not(containsString(sample.secret()))));
        mvc.perform(post("/secret-check").with(csrf()).param("description", "sk-abcd…wxyz is my masked key"))
                .andExpect(content().string(not(containsString("data-secret-warning"))));
    }

    @Test
    void ticketJsonListsMaskedKeysWithHeadTailAndFingerprint() throws Exception {
        SampleKeys.Sample sample = SampleKeys.oneApi(new SplittableRandom(11));
        String created = mvc.perform(post("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON).content("""
                        {"subject":"401","description":"curl -H 'Authorization: Bearer %s' fails; also tried sk-abc***xyz",
                         "name":"Ann","email":"ann@example.com","maskedKey":"sk-9f2e************a1b2"}"""
                        .formatted(sample.written())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.maskedSecrets[0].masked").value(sample.expectedMask()))
                .andReturn().getResponse().getContentAsString();
        String number = created.replaceAll(".*\"number\":\"(GD-\\d+)\".*", "$1");
        String basic = "Basic " + Base64.getEncoder().encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8));
        mvc.perform(get("/api/v1/tickets/" + number).header("Authorization", basic))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.maskedKeys[?(@.masked == '" + sample.expectedMask() + "')].fingerprint")
                        .value(SecretScanner.fingerprint(sample.secret())))
                .andExpect(jsonPath("$.maskedKeys[?(@.masked == 'sk-abc…xyz')].head").value("abc"))
                .andExpect(jsonPath("$.maskedKeys[?(@.masked == 'sk-abc…xyz')].tail").value("xyz"))
                .andExpect(jsonPath("$.maskedKeys[?(@.masked == 'sk-9f2e…a1b2')].tail").value("a1b2"));
    }
}
