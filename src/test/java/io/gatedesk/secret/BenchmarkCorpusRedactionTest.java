package io.gatedesk.secret;

import static io.gatedesk.secret.SecretScannerPropertiesTest.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatedesk.secret.SampleKeys.Sample;
import io.gatedesk.secret.bench.SupportTicketCorpus;
import org.junit.jupiter.api.Test;

/** The benchmark corpus doubles as a realistic test: exactly the planted secrets are found, nothing else. */
class BenchmarkCorpusRedactionTest {

    @Test
    void exactlyThePlantedSecretsAreMaskedInAMixedSupportCorpus() {
        SupportTicketCorpus.Corpus corpus = SupportTicketCorpus.generate(7L, 1024 * 1024, 20 * 1024);

        Redaction redaction = new SecretScanner().redact(corpus.text());

        assertThat(corpus.secrets()).hasSizeGreaterThan(40);
        assertThat(redaction.findings()).extracting(SecretFinding::fingerprint)
                .containsExactlyElementsOf(corpus.secrets().stream().map(Sample::secret).map(s -> sha256(s)).distinct().toList());
        for (Sample secret : corpus.secrets()) {
            assertThat(redaction.text()).doesNotContain(secret.secret()).contains(secret.expectedText());
        }
    }
}
