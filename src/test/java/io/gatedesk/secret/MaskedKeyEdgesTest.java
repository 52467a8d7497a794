package io.gatedesk.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The edges of reading one typed mask and of matching masks and keys: wrappers, lengths, placeholders, fingerprints. */
class MaskedKeyEdgesTest {

    @Test
    void aMaskTypedInBracketsParenthesesQuotesOrBackticksIsReadWithoutThem() {
        MaskedKey expected = MaskedKey.of("sk-", "abc", "xyz");
        for (String typed : new String[]{"[sk-abc***xyz]", "(sk-abc***xyz)", "\"sk-abc***xyz\"", "'sk-abc***xyz'",
                "`sk-abc***xyz`", "( sk-abc***xyz )"}) {
            assertThat(MaskedKeyParser.parse(typed)).as(typed).contains(expected);
        }
        // Mismatched wrappers stay, and the mask is still found inside them; a bare tail is not.
        assertThat(MaskedKeyParser.parse("[sk-abc***xyz)")).contains(expected);
        assertThat(MaskedKeyParser.parse("(wxyz]")).isEmpty();
        assertThat(MaskedKeyParser.parse("'")).isEmpty();
    }

    @Test
    void aBareTailIsThreeToEightLettersOrDigits() {
        assertThat(MaskedKeyParser.parse("xyz")).contains(MaskedKey.of("", "", "xyz"));
        assertThat(MaskedKeyParser.parse("abcd1234")).contains(MaskedKey.of("", "", "abcd1234"));
        assertThat(MaskedKeyParser.parse("yz")).isEmpty();
        assertThat(MaskedKeyParser.parse("abcd12345")).isEmpty();
        assertThat(MaskedKeyParser.parse("ab-cd")).isEmpty();
    }

    @Test
    void aValueWithExactlyOneMaskInItsTextIsThatMaskAndTwoAreNone() {
        assertThat(MaskedKeyParser.parse("my key: sk-abc***xyz")).contains(MaskedKey.of("sk-", "abc", "xyz"));
        assertThat(MaskedKeyParser.parse("sk-abc***xyz and sk-def***uvw")).isEmpty();
        assertThat(MaskedKeyParser.parse("")).isEmpty();
    }

    @Test
    void onlyAHeadAndTailOfNothingButXIsAPlaceholder() {
        assertThat(MaskedKeyParser.parse("sk-XXXX\u2026xxxx")).isEmpty();
        assertThat(MaskedKeyParser.parse("sk-xxxx\u2026xxx1")).contains(MaskedKey.of("sk-", "xxxx", "xxx1"));
        assertThat(MaskedKeyParser.parse("sk-xxx1\u2026xxxx")).contains(MaskedKey.of("sk-", "xxx1", "xxxx"));
        assertThat(MaskedKeyParser.findAll("old sk-xxxx***xxxx new sk-abcd***wxyz"))
                .containsExactly(MaskedKey.of("sk-", "abcd", "wxyz"));
    }

    @Test
    void groqMasksAreFoundInTextEvenWithoutAnSkDash() {
        assertThat(MaskedKeyParser.findAll("groq gsk_abcd...wxyz fails")).containsExactly(MaskedKey.of("gsk_", "abcd", "wxyz"));
        assertThat(MaskedKeyParser.findAll(null)).isEmpty();
        assertThat(MaskedKeyParser.findAll("")).isEmpty();
        assertThat(MaskedKeyParser.findAll("xsk-abc***xyz")).isEmpty();
    }

    @Test
    void aMaskFitsAFullKeyOnlyWhenTheKeyIsLongEnoughToHoldBothEnds() {
        MaskedKey mask = MaskedKey.of("sk-", "abcd", "cdef");

        assertThat(mask.fitsKey("sk-abcdXcdef")).isTrue();
        assertThat(mask.fitsKey("sk-abcdcdef")).isTrue();
        assertThat(mask.fitsKey("sk-abcdef")).isFalse();
        assertThat(mask.fitsKey("sk-abcdXcdeX")).isFalse();
        assertThat(mask.fitsKey("sk-Xbcdcdef")).isFalse();
        assertThat(mask.fitsKey(null)).isFalse();
        assertThat(mask.withFingerprint("00").fitsKey("sk-abcdXcdef")).isFalse();
        assertThat(mask.withFingerprint(SecretScanner.fingerprint("sk-abcdXcdef")).fitsKey("sk-abcdXcdef")).isTrue();
    }

    @Test
    void oneKnownFingerprintDoesNotDecideAloneTheVisibleCharactersDo() {
        MaskedKey known = MaskedKey.of("sk-", "abcd", "wxyz").withFingerprint("aa");

        assertThat(known.fits(MaskedKey.of("sk-", "ab", "yz"))).isTrue();
        assertThat(MaskedKey.of("sk-", "ab", "yz").fits(known)).isTrue();
        assertThat(known.fits(MaskedKey.of("sk-", "abce", "wxyz"))).isFalse();
        assertThat(known.fits(MaskedKey.of("sk-", "abcd", "vxyz"))).isFalse();
        assertThat(known.knownFingerprint()).contains("aa");
        assertThat(MaskedKey.of("", "", "wxyz").knownFingerprint()).isEmpty();
        assertThat(MaskedKey.of("sk-", "ab", "yz").masked()).isEqualTo("sk-ab\u2026yz");
    }

    @Test
    void everyPartOfAMaskedKeyIsRequired() {
        assertThatThrownBy(() -> new MaskedKey(null, "", "", "", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("prefix");
        assertThatThrownBy(() -> new MaskedKey("", null, "", "", null)).hasMessage("head");
        assertThatThrownBy(() -> new MaskedKey("", "", null, "", null)).hasMessage("tail");
        assertThatThrownBy(() -> new MaskedKey("", "", "", null, null)).hasMessage("masked");
    }
}
