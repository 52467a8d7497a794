package io.gatedesk.selfservice;

import io.gatedesk.secret.SampleKeys;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public diagnose page: pasted errors in, the kind of problem and the next step out, nothing stored. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DiagnosePageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DeflectionCounter deflection;

    MockHttpServletRequestBuilder diagnose(boolean htmx) {
        MockHttpServletRequestBuilder request = post("/help/diagnose").with(csrf());
        return htmx ? request.header("HX-Request", "true") : request;
    }

    @ParameterizedTest(name = "htmx={0}")
    @ValueSource(booleans = {false, true})
    void aPastedQuotaErrorIsRecognisedAndTheTicketLinkCarriesItOver(boolean htmx) throws Exception {
        String page = mvc.perform(diagnose(htmx).param("statusCode", "429").param("client", "OPENAI_PYTHON")
                        .param("errorMessage", "openai.RateLimitError: Error code: 429 - {'error': {'message': "
                                + "'You exceeded your current quota, please check your plan and billing details.', "
                                + "'type': 'insufficient_quota', 'code': 'insufficient_quota'}} (request id: "
                                + "20241128093015123456789012345678)"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-category=\"INSUFFICIENT_QUOTA\"", "Top up", "data-file-ticket",
                "requestIds=20241128093015123456789012345678", "category=INSUFFICIENT_QUOTA",
                "/help/clients/openai-python");
        // Pasted JSON must come out percent-encoded: a raw brace or quote in a query is refused by Tomcat.
        String link = page.replaceAll("(?s).*data-file-ticket href=\"([^\"]*)\".*", "$1");
        assertThat(link).startsWith("/?").matches("[A-Za-z0-9%&;=/?._~+-]*").contains("%7B%27error%27");
        assertThat(page.contains("<html")).isEqualTo(!htmx);
    }

    @Test
    void aWrongBaseUrlSymptomPointsAtTheConfigurationCheckInChinese() throws Exception {
        String page = mvc.perform(diagnose(true).header("Accept-Language", "zh-CN")
                        .param("errorMessage", "invalid character '<' looking for beginning of value"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-category=\"WRONG_BASE_URL\"", "检查我的配置", "/help/config-check");
    }

    @Test
    void aPastedKeyIsMaskedAndNeverEchoed() throws Exception {
        SampleKeys.Sample sample = SampleKeys.newApi(new SplittableRandom(3));
        String page = mvc.perform(diagnose(false).param("errorMessage", "401 无效的令牌 key=" + sample.written()))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain(sample.secret()).contains(sample.expectedMask(), "data-secret-warning",
                "data-category=\"INVALID_KEY\"");
    }

    @Test
    void nothingPastedSaysWhatToDoAndCountsNothing() throws Exception {
        long before = diagnoses();
        mvc.perform(diagnose(true).param("errorMessage", "  ").param("statusCode", "abc"))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("Paste an error message").doesNotContain("data-diagnosis"));
        assertThat(diagnoses()).isEqualTo(before);
    }

    @Test
    void aDiagnosisCountsAsDeflectedUntilATicketIsFiled() throws Exception {
        long before = diagnoses();
        mvc.perform(diagnose(true).param("errorMessage", "context_length_exceeded"))
                .andExpect(status().isOk());
        assertThat(diagnoses()).isEqualTo(before + 1);
    }

    @Test
    void theTicketFormOpensFilledInFromADiagnosis() throws Exception {
        String page = mvc.perform(get("/").param("statusCode", "429").param("client", "CURSOR").param("model", "gpt-4o")
                        .param("errorMessage", "insufficient_quota").param("requestIds", "chatcmpl-abc123")
                        .param("category", "INSUFFICIENT_QUOTA"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"429\"", "value=\"gpt-4o\"", "chatcmpl-abc123", "insufficient_quota",
                "value=\"Insufficient balance or quota\"");
    }

    private long diagnoses() {
        return deflection.summary().rows().stream().filter(row -> row.kind() == DeflectionKind.DIAGNOSIS)
                .mapToLong(DeflectionSummary.Row::checks).sum();
    }
}
