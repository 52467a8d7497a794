package io.gatedesk.secret;

import io.gatedesk.secret.SecretCorpus.Row;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The masks a client reports back (the public form's browser masking) are accepted only when they are masks. */
class IsMaskTest {

    private final SecretScanner scanner = new SecretScanner();

    @Test
    void everyMaskTheGuardMakesForEveryFamilyIsAcceptedAsAMask() {
        List<String> refused = new ArrayList<>();
        for (Row row : SecretCorpus.rows()) {
            for (SecretFinding finding : scanner.redact(row.text()).findings()) {
                if (!scanner.isMask(finding.masked())) {
                    refused.add(row.family().name() + ": " + finding.masked());
                }
            }
        }
        assertThat(SecretCorpus.rows()).hasSizeGreaterThan(100);
        assertThat(refused).isEmpty();
    }

    @Test
    void aKeyOrAnythingLongerThanAMaskIsNotAMask() {
        assertThat(scanner.isMask("sk-" + "Zq9".repeat(16))).isFalse();
        assertThat(scanner.isMask("sk-abcd…" + "Zq9".repeat(16))).isFalse();
        assertThat(scanner.isMask("sk-proj-" + "A1b2C3d4".repeat(6) + "…wxyz")).isFalse();
        assertThat(scanner.isMask("sk-abcd…wxyz…1234")).isFalse();
        assertThat(scanner.isMask("0123456789abcdef0123456789abcdef …53")).isFalse();
        assertThat(scanner.isMask("-----BEGIN PRIVATE KEY-----\n" + "MIIEvQ".repeat(8) + "…uoCg")).isFalse();
        assertThat(scanner.isMask(null)).isFalse();
        assertThat(scanner.isMask("sk-abcd…wxyz")).isTrue();
        assertThat(scanner.isMask("sk-ant-api03-0G6P…IJAA")).isTrue();
        assertThat(scanner.isMask("…53")).isTrue();
        assertThat(scanner.isMask("-----BEGIN PRIVATE KEY-----\nMIIN…uoCg\n-----END PRIVATE KEY-----")).isTrue();
    }
}
