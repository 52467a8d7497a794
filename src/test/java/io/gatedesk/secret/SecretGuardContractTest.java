package io.gatedesk.secret;

import static io.gatedesk.secret.SecretScannerPropertiesTest.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SecretGuard} does on top of its own {@code redact}: collecting findings over many fields, telling a
 * mask from a forged one, and keeping the masked-key field to a mask. The guard here masks only the word "SECRET", so
 * these rules are seen apart from the scanner's families.
 */
class SecretGuardContractTest {

    private static final SecretFinding FOUND = new SecretFinding(SecretKind.ASSIGNED_SECRET, "SE\u2026ET", "f");

    private final SecretGuard guard = text -> text.contains("SECRET")
            ? new Redaction(text.replace("SECRET", "SE\u2026ET"), List.of(FOUND))
            : Redaction.unchanged(text);

    @Test
    void redactIntoCollectsTheFindingsOfEveryFieldAndLeavesNullAlone() {
        List<SecretFinding> findings = new ArrayList<>();

        assertThat(guard.redactInto("a SECRET here", findings)).isEqualTo("a SE\u2026ET here");
        assertThat(guard.redactInto("nothing", findings)).isEqualTo("nothing");
        assertThat(guard.redactInto(null, findings)).isNull();
        assertThat(guard.redactInto("SECRET again", findings)).isEqualTo("SE\u2026ET again");

        assertThat(findings).containsExactly(FOUND, FOUND);
    }

    @Test
    void aRedactionKnowsWhetherItMaskedAnythingAndItsFindingsCannotChangeAfterwards() {
        List<SecretFinding> findings = new ArrayList<>(List.of(FOUND));
        Redaction redaction = new Redaction("x", findings);
        findings.clear();

        assertThat(redaction.masked()).isTrue();
        assertThat(redaction.findings()).containsExactly(FOUND);
        assertThatThrownBy(() -> redaction.findings().add(FOUND)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(Redaction.unchanged("x").masked()).isFalse();
        assertThat(Redaction.unchanged("x").text()).isEqualTo("x");
    }

    @Test
    void aMaskHasOneEllipsisAHeadOfAtMostTwentyFourAndATailOfAtMostEight() {
        assertThat(guard.isMask("sk-abcd\u2026wxyz")).isTrue();
        assertThat(guard.isMask("\u2026wxyz")).isTrue();
        assertThat(guard.isMask("a".repeat(24) + "\u2026" + "b".repeat(8))).isTrue();
        assertThat(guard.isMask("a".repeat(25) + "\u2026wxyz")).isFalse();
        assertThat(guard.isMask("sk-abcd\u2026" + "b".repeat(9))).isFalse();
        assertThat(guard.isMask("sk-abcd\u2026wxyz\u2026")).isFalse();
        assertThat(guard.isMask("sk-abcd...wxyz")).isFalse();
        assertThat(guard.isMask(null)).isFalse();
    }

    @Test
    void wordsBesideTheMaskMayBeAsLongAsAMasksVisiblePartAndEscapedLineBreaksSeparateWords() {
        assertThat(guard.isMask("key sk-abcd\u2026wxyz " + "w".repeat(11))).isTrue();
        assertThat(guard.isMask("key sk-abcd\u2026wxyz " + "w".repeat(12))).isFalse();
        assertThat(guard.isMask("-----BEGIN\\n" + "MIIE\u2026uoCg\\n-----END")).isTrue();
        assertThat(guard.isMask("  sk-abcd\u2026wxyz  ")).isTrue();
    }

    @Test
    void aMaskIsAtMostTwoHundredCharactersAndHidesNoSecret() {
        String words = "abc ".repeat(49);
        assertThat(words + "\u2026wxy").hasSize(200);
        assertThat(guard.isMask(words + "\u2026wxy")).isTrue();
        assertThat(guard.isMask(words + "\u2026wxyz")).isFalse();
        assertThat(guard.isMask("SECRET \u2026wxyz")).isFalse();
    }

    @Test
    void theMaskedKeyFieldKeepsMasksAndMasksAnyRunLongerThanElevenCharacters() {
        List<SecretFinding> findings = new ArrayList<>();

        assertThat(guard.redactMaskFieldInto("abcdefghijk", findings)).isEqualTo("abcdefghijk");
        assertThat(guard.redactMaskFieldInto("abcdefghijkl", findings)).isEqualTo("abcd\u2026ijkl");
        assertThat(findings).containsExactly(
                new SecretFinding(SecretKind.KEY_IN_MASK_FIELD, "abcd\u2026ijkl", sha256("abcdefghijkl")));
    }

    @Test
    void runsNextToAMaskOrDottedAreAMasksOwnAndSlashesPlusesAndColonsJoinARun() {
        List<SecretFinding> findings = new ArrayList<>();

        assertThat(guard.redactMaskFieldInto("abcdefghijklmn\u2026wxyz", findings))
                .isEqualTo("abcdefghijklmn\u2026wxyz");
        assertThat(guard.redactMaskFieldInto("wxyz*abcdefghijklmn", findings)).isEqualTo("wxyz*abcdefghijklmn");
        assertThat(guard.redactMaskFieldInto("sk-abcdefghij...wxyz", findings)).isEqualTo("sk-abcdefghij...wxyz");
        assertThat(findings).isEmpty();

        assertThat(guard.redactMaskFieldInto("AKIA/abc+def:ghi=", findings)).isEqualTo("AKIA\u2026ghi=");
        assertThat(guard.redactMaskFieldInto("key: 0123456789abcdef, 尾号 wxyz", findings))
                .isEqualTo("key: 0123\u2026cdef, 尾号 wxyz");
        assertThat(guard.redactMaskFieldInto("0123456789abcdef 0123456789abcdeg", findings))
                .isEqualTo("0123\u2026cdef 0123\u2026cdeg");
        assertThat(findings).extracting(SecretFinding::masked)
                .containsExactly("AKIA\u2026ghi=", "0123\u2026cdef", "0123\u2026cdef", "0123\u2026cdeg");
    }

    @Test
    void theMaskedKeyFieldIsGuardedByTheGuardFirst() {
        List<SecretFinding> findings = new ArrayList<>();

        assertThat(guard.redactMaskFieldInto("SECRET", findings)).isEqualTo("SE\u2026ET");
        assertThat(guard.redactMaskFieldInto(null, findings)).isNull();
        assertThat(findings).containsExactly(FOUND);
    }
}
