package io.gatedesk.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatedesk.secret.family.Alphabet;
import io.gatedesk.secret.family.Checksum;
import io.gatedesk.secret.family.KeyText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The character rules every family and context rule shares: what a mask keeps, what a placeholder is, where a key may
 * start and end, which characters an alphabet holds, and GitHub's checksum.
 */
class KeyTextTest {

    @Test
    void aMaskKeepsTheFirstFourAndTheLastFourAroundOneEllipsis() {
        assertThat(KeyText.mask("Qx7mR2vK9pLw3NcT")).isEqualTo("Qx7m\u20263NcT");
        assertThat(KeyText.mask("abcdefgh")).isEqualTo("abcd\u2026efgh");
    }

    @ParameterizedTest
    @ValueSource(strings = {"your-api-key-here", "YOUR_KEY_0123", "sk.example.value1", "abc-Placeholder-key9",
            "REPLACE_ME_9f3k", "changeme42Zq", "dummy-token-7Kq", "insert_key_here", "redacted-9Kq2", "sample_key_7Kq2",
            "xxxxxxxxxxxxQ7k2", "XXXX**XXxx9k", "abc...xyz0Q7", "1234567890abcdef", "abcdefghQ7k2m9", "aaaabbbbaaaabbbb",
            "abababababababab"})
    void documentationPlaceholdersAreNotKeys(String placeholder) {
        assertThat(KeyText.isPlaceholder(placeholder)).as(placeholder).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Qx7mR2vK9pLw3NcT8bZs", "9f2c4e6a8b0d1f3e5a7c", "abcdefgQx7mR2vK9", "ab-cd-Qx7mR2vK9pLw",
            "youQx7mR2vK9pLw3", "x9yourQ7k2m5Lw3N", "xxxxxxQ7k2m5Lw3N8b", "abcde", "aXbXcXdXeQ7k2m5Lw3"})
    void randomKeysIncludingOnesThatContainAPlaceholderWordInsideAreKeys(String key) {
        assertThat(KeyText.isPlaceholder(key)).as(key).isFalse();
    }

    @Test
    void keyCharactersAreAsciiLettersDigitsDashAndUnderscore() {
        for (char c : "azAZ09-_".toCharArray()) {
            assertThat(KeyText.isKeyChar(c)).as("%s", c).isTrue();
        }
        for (char c : "`{@[/:.+= \u00e9\u5bc6\uff21".toCharArray()) {
            assertThat(KeyText.isKeyChar(c)).as("%s", c).isFalse();
        }
        assertThat(KeyText.isAsciiLetterOrDigit('_')).isFalse();
        assertThat(KeyText.isDigit('0')).isTrue();
        assertThat(KeyText.isDigit('9')).isTrue();
        assertThat(KeyText.isDigit('/')).isFalse();
        assertThat(KeyText.isDigit(':')).isFalse();
        assertThat(KeyText.skipKeyChars("ab-c_9.rest", 0)).isEqualTo(6);
        assertThat(KeyText.skipKeyChars("abc", 1)).isEqualTo(3);
    }

    @Test
    void aKeyStartsAtTheTextsStartAfterANonKeyCharacterOrAfterAUrlEncodedSeparator() {
        assertThat(KeyText.startsAtBoundary("key", 0)).isTrue();
        assertThat(KeyText.startsAtBoundary(" key", 1)).isTrue();
        assertThat(KeyText.startsAtBoundary("akey", 1)).isFalse();
        for (String separator : new String[]{"%20", "%22", "%27", "%2C", "%2c", "%3A", "%3a", "%3D", "%3d"}) {
            assertThat(KeyText.startsAtBoundary("x" + separator + "key", 4)).as(separator).isTrue();
            assertThat(KeyText.startsAtBoundary(separator + "key", 3)).as(separator).isTrue();
        }
        for (String other : new String[]{"%21", "%2F", "%3B", "%41", "x20", "%200"}) {
            assertThat(KeyText.startsAtBoundary("x" + other + "key", 1 + other.length())).as(other).isFalse();
        }
        assertThat(KeyText.startsAtBoundary("20key", 2)).isFalse();
    }

    @Test
    void aKeyMayBeGluedToANameThatAnnouncesItAsChineseTextWritesIt() {
        assertThat(KeyText.followsGluedName("新key" + "Qx7m", 4)).isTrue();
        assertThat(KeyText.followsGluedName("我的TOKEN" + "Qx7m", 7)).isTrue();
        assertThat(KeyText.followsGluedName("apikey" + "Qx7m", 6)).isTrue();
        assertThat(KeyText.followsGluedName("key" + "Qx7m", 3)).isTrue();
        assertThat(KeyText.followsGluedName("monkey" + "Qx7m", 6)).isFalse();
        assertThat(KeyText.followsGluedName("ke", 2)).isFalse();
        assertThat(KeyText.mayStartKey("新key" + "Qx7m", 4)).isTrue();
        assertThat(KeyText.mayStartKey("monkeyQx7m", 6)).isFalse();
        assertThat(KeyText.mayStartKey("a Qx7m", 2)).isTrue();
    }

    @Test
    void anAlphabetHoldsExactlyItsCharactersAndNothingBeyondAscii() {
        assertThat(Alphabet.HEX.contains('0')).isTrue();
        assertThat(Alphabet.HEX.contains('f')).isTrue();
        assertThat(Alphabet.HEX.contains('F')).isFalse();
        assertThat(Alphabet.HEX.contains('g')).isFalse();
        assertThat(Alphabet.URL_SAFE.contains('-')).isTrue();
        assertThat(Alphabet.URL_SAFE.contains('_')).isTrue();
        assertThat(Alphabet.URL_SAFE.contains('+')).isFalse();
        assertThat(Alphabet.BASE64.contains('+')).isTrue();
        assertThat(Alphabet.BASE64.contains('=')).isTrue();
        assertThat(Alphabet.ALNUM.contains('\u00c0')).isFalse();
        assertThat(Alphabet.ALNUM.contains((char) ('a' + 128))).isFalse();
        assertThat(Alphabet.UPPER_ALNUM.contains('a')).isFalse();
        assertThat(Alphabet.DIGITS.skip("0123abc", 0)).isEqualTo(4);
        assertThat(Alphabet.DIGITS.skip("0123", 2)).isEqualTo(4);
        Alphabet more = Alphabet.DIGITS.plus("digits and ~", "~");
        assertThat(more.name()).isEqualTo("digits and ~");
        assertThat(more.contains('~')).isTrue();
        assertThat(more.contains('5')).isTrue();
        assertThatThrownBy(() -> Alphabet.of("bad", "a\u00e9")).isInstanceOf(IllegalArgumentException.class);
        Alphabet edges = Alphabet.of("edges", "?@\u007f");
        for (char c : "?@\u007f".toCharArray()) {
            assertThat(edges.contains(c)).as("%d", (int) c).isTrue();
        }
        for (char c : "\u0000>A\u007e\u0080\u00c0".toCharArray()) {
            assertThat(edges.contains(c)).as("%d", (int) c).isFalse();
        }
    }

    @Test
    void gitHubsChecksumIsTheCrc32OfTheRandomPartInSixBase62Digits() {
        String random = "Qx7mR2vK9pLw3NcT8bZs5YhJ4fGd6AeU";
        String body = random + Checksum.base62(Checksum.crc32(random), 6);

        assertThat(Checksum.GITHUB_CRC32.valid(body)).isTrue();
        assertThat(Checksum.GITHUB_CRC32.valid(random + "000000")).isFalse();
        assertThat(Checksum.GITHUB_CRC32.valid(body.substring(30))).isFalse();
        assertThat(Checksum.base62(0, 6)).isEqualTo("000000");
        assertThat(Checksum.base62(61, 3)).isEqualTo("00z");
        assertThat(Checksum.base62(62, 3)).isEqualTo("010");
        assertThat(Checksum.base62(10 + 62 * 36, 3)).isEqualTo("0aA");
        assertThat(Checksum.crc32("123456789")).isEqualTo(0xCBF43926L);
    }
}
