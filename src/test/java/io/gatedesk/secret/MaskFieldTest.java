package io.gatedesk.secret;

import static io.gatedesk.secret.SecretScannerPropertiesTest.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MaskFieldTest {

    private final SecretGuard guard = new SecretScanner();

    @ParameterizedTest
    @ValueSource(strings = {"sk-abcd\u2026wxyz", "sk-abcd************wxyz", "sk-abc***xyz", "sk-...wxyz",
            "sk-abcdefgh****12345678", "sk-proj-abcd\u2026wxyz", "sk-ant-api03-abcd\u2026wxAA", "wxyz", "\u2026wxyz",
            "abcd\u2026wxyz", "尾号 wxyz", "key ending in wxyz", "gsk_abcd...wxyz"})
    void aMaskStaysAsTyped(String mask) {
        List<SecretFinding> findings = new ArrayList<>();

        assertThat(guard.redactMaskFieldInto(mask, findings)).isEqualTo(mask);
        assertThat(findings).isEmpty();
    }

    @Test
    void anOpaqueKeyWithoutAnyKnownShapeIsMaskedAndFingerprinted() {
        List<SecretFinding> findings = new ArrayList<>();
        String azureKey = "9f2c4e6a8b0d1f3e" + "5a7c9e1b3d5f7a9c";

        assertThat(guard.redactMaskFieldInto(" " + azureKey + " ", findings)).isEqualTo(" 9f2c\u20267a9c ");
        assertThat(findings).containsExactly(new SecretFinding(SecretKind.KEY_IN_MASK_FIELD, "9f2c\u20267a9c", sha256(azureKey)));
    }

    @Test
    void aKnownKeyIsMaskedByItsFamilyAndAShortFragmentIsMaskedToo() {
        List<SecretFinding> findings = new ArrayList<>();
        String key = "s" + "k-" + "Qx7mR2vK9pLw3NcT8bZs5YhJ4fGd6AeUq1WoXiVn0MlPrCjB";

        assertThat(guard.redactMaskFieldInto(key, findings)).isEqualTo("sk-Qx7m\u2026rCjB");
        assertThat(guard.redactMaskFieldInto("sk-Qx7mR2vK9", findings)).isEqualTo("sk-Q\u20262vK9");
        assertThat(findings).extracting(SecretFinding::kind)
                .containsExactly(SecretKind.GATEWAY_KEY, SecretKind.KEY_IN_MASK_FIELD);
    }

    @Test
    void nullAndShortValuesPassThrough() {
        List<SecretFinding> findings = new ArrayList<>();

        assertThat(guard.redactMaskFieldInto(null, findings)).isNull();
        assertThat(guard.redactMaskFieldInto("abcdefghijk", findings)).isEqualTo("abcdefghijk");
        assertThat(findings).isEmpty();
    }
}
