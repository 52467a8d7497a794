package io.gatedesk.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatedesk.secret.family.Alphabet;
import io.gatedesk.secret.family.KeyFamilies;
import io.gatedesk.secret.family.KeyFamily;
import io.gatedesk.secret.family.Shapes;
import io.gatedesk.secret.family.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How each shape reads a key body, at the edges of what it accepts: lengths, the character after the key, version
 * segments, channel suffixes, JWT segments, PEM armour, Zhipu's id.secret and DeepL's {@code :fx}. Each family is
 * asked directly, so what is tested here is the declaration, not the scanner's pass over a text.
 */
class FamilyShapesTest {

    private static final String ALNUM48 = "Qx7mR2vK9pLw3NcT8bZs5YhJ4fGd6AeUq1WoXiVn0MlPrCjB";

    private static KeyFamily family(String kind, String prefix) {
        return KeyFamilies.all().stream().filter(f -> f.kind().equals(kind) && f.prefix().equals(prefix))
                .findFirst().orElseThrow();
    }

    private static String key(KeyFamily family, String text) {
        int at = text.indexOf(family.anchorLiteral());
        if (family.shape() == Shapes.ID_DOT_SECRET || family.shape() == Shapes.UUID_FX) {
            at = text.indexOf(family.anchor());
        }
        Span span = family.match(text, at);
        return span == null ? null : text.substring(span.start(), span.end());
    }

    @Test
    void aPlainKeyHasALengthWithinItsFamilysLimitsAndEndsWhereKeyCharactersEnd() {
        KeyFamily aws = family("AWS_ACCESS_KEY_ID", "AKIA");

        assertThat(key(aws, "id=AKIAQX7MR2VK9PLW3NCT,")).isEqualTo("AKIAQX7MR2VK9PLW3NCT");
        assertThat(key(aws, "AKIAQX7MR2VK9PLW3NC ")).isNull();
        assertThat(key(aws, "AKIAQX7MR2VK9PLW3NCTZ")).isNull();
        assertThat(key(aws, "AKIAQX7MR2VK9PLW3NCt")).isNull();
        assertThat(key(aws, "xAKIAQX7MR2VK9PLW3NCT")).isNull();
        assertThat(key(aws, "AKIAQX7MR2VK9PLW3NCT")).isEqualTo("AKIAQX7MR2VK9PLW3NCT");
        Span span = aws.match("AKIAQX7MR2VK9PLW3NCT", 0);
        assertThat(span).isEqualTo(new Span(0, 4, 20, 20));
        assertThat(aws.anchor()).isEqualTo('A');
    }

    @Test
    void aGatewayKeyWithAChannelSuffixKeepsTheSuffixOutsideTheMaskedPart() {
        KeyFamily gateway = family("GATEWAY_KEY", "sk-");

        Span pinned = gateway.match("sk-" + ALNUM48 + "-12", 0);
        assertThat(pinned).isEqualTo(new Span(0, 3, 51, 51));
        assertThat(gateway.match("sk-" + ALNUM48, 0)).isEqualTo(new Span(0, 3, 51, 51));
        // Not a channel: letters after the dash, or more than nine digits, or a dash elsewhere.
        assertThat(gateway.match("sk-" + ALNUM48 + "-1a", 0)).isEqualTo(new Span(0, 3, 54, 54));
        assertThat(gateway.match("sk-" + ALNUM48 + "-9081726354", 0)).isEqualTo(new Span(0, 3, 62, 62));
        assertThat(gateway.match("sk-" + ALNUM48 + "-908172635", 0)).isEqualTo(new Span(0, 3, 51, 51));
        String dashInside = ALNUM48.substring(0, 47) + "-" + ALNUM48.substring(47);
        assertThat(gateway.match("sk-" + dashInside + "-12", 0)).isEqualTo(new Span(0, 3, 55, 55));
        assertThat(gateway.match("sk-" + ALNUM48 + "-", 0)).isEqualTo(new Span(0, 3, 52, 52));
    }

    @Test
    void aPlaceholderBeforeAChannelSuffixIsNoKey() {
        KeyFamily gateway = family("GATEWAY_KEY", "sk-");

        assertThat(gateway.match("sk-" + "x".repeat(48) + "-12", 0)).isNull();
        assertThat(gateway.match("sk-your-key", 0)).isNull();
    }

    @Test
    void anthropicKeysKeepTheirVersionSegmentVisible() {
        KeyFamily anthropic = family("ANTHROPIC_KEY", "sk-ant-");
        String body = ALNUM48 + "AA";

        assertThat(anthropic.match("sk-ant-api03-" + body, 0)).isEqualTo(new Span(0, 13, 63, 63));
        assertThat(anthropic.match("sk-ant-admin01-" + body, 0)).isEqualTo(new Span(0, 15, 65, 65));
        assertThat(anthropic.match("sk-ant-03-" + body, 0)).isNull();
        assertThat(anthropic.match("sk-ant-api-" + body, 0)).isNull();
        assertThat(anthropic.match("sk-ant-api03" + body, 0)).isNull();
        assertThat(anthropic.match("sk-ant-api03", 0)).isNull();
        assertThat(anthropic.match("sk-ant-Api03-" + body, 0)).isNull();
    }

    @Test
    void legacyOpenAiKeysMustCarryTheirMarker() {
        KeyFamily legacy = family("OPENAI_LEGACY_KEY", "sk-");
        String marked = "sk-Qx7mR2vK9pLw3NcT8bZsT3Blbk" + "FJ5YhJ4fGd6AeUq1WoXiVn0Ml";

        assertThat(legacy.match(marked, 0)).isEqualTo(new Span(0, 3, marked.length(), marked.length()));
        assertThat(legacy.match("sk-" + ALNUM48, 0)).isNull();
        assertThat(legacy.match("sk-short", 0)).isNull();
    }

    @Test
    void aJwtHasAHeaderAndPayloadThatAreJsonObjectsAndASignature() {
        KeyFamily jwt = family("JWT", "eyJ");
        String header = "eyJhbGciOiJIUzI1NiJ9";
        String payload = "eyJzdWIiOiIxMjM0NSJ9";
        String token = header + "." + payload + ".Qx7mR2vK";

        assertThat(key(jwt, "Bearer " + token + " ok")).isEqualTo(token);
        assertThat(key(jwt, header + "." + payload + ".Qx7mR2v")).isNull();
        assertThat(key(jwt, header + "." + payload)).isNull();
        assertThat(key(jwt, header + "." + payload + "Qx7mR2vK")).isNull();
        assertThat(key(jwt, "eyJhbGciO." + payload + ".Qx7mR2vK")).isNull();
        assertThat(key(jwt, "eyJhbGciOi." + payload + ".Qx7mR2vK")).isEqualTo("eyJhbGciOi." + payload + ".Qx7mR2vK");
        assertThat(key(jwt, header + ".eyJzdWIiO.Qx7mR2vK")).isNull();
        assertThat(key(jwt, header + ".abJzdWIiOiIxMjM0NSJ9.Qx7mR2vK")).isNull();
        assertThat(key(jwt, header + "-" + payload + ".Qx7mR2vK")).isNull();
        // The payload of another token's segment is not a token of its own.
        assertThat(jwt.match("a." + token, 2)).isNull();
    }

    @Test
    void shortPrefixesThatStartOrdinaryWordsNeedABodyThatMixesLettersAndDigits() {
        KeyFamily dify = family("DIFY_KEY", "app-");

        assertThat(key(dify, "app-Qx7mR2vK9pLw3NcT8bZs5YhJ")).isEqualTo("app-Qx7mR2vK9pLw3NcT8bZs5YhJ");
        assertThat(key(dify, "app-settingsconfigurationpanel")).isNull();
        assertThat(key(dify, "app-" + "123456789012345678901234")).isNull();
    }

    @Test
    void aPrivateKeyBlockMasksItsBodyAndKeepsItsArmourAlsoInEscapedJson() {
        KeyFamily pem = family("PRIVATE_KEY", "-----BEGIN ");
        String body = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC".repeat(3);
        String block = "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----";

        Span span = pem.match(block, 0);
        assertThat(block.substring(span.maskFrom(), span.maskTo())).isEqualTo(body);
        assertThat(span.end()).isEqualTo(block.length());

        String json = "\"-----BEGIN RSA PRIVATE KEY-----\\n" + body + "\\n\\n-----END RSA PRIVATE KEY-----\\n\"";
        Span escaped = pem.match(json, 1);
        assertThat(json.substring(escaped.maskFrom(), escaped.maskTo())).isEqualTo(body);
        assertThat(json.substring(escaped.maskTo(), escaped.end())).isEqualTo("\\n\\n-----END RSA PRIVATE KEY-----");

        assertThat(pem.match("-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----", 0)).isNull();
        assertThat(pem.match("-----BEGIN PRIVATE KEY-----\n" + body, 0)).isNull();
        assertThat(pem.match("-----BEGIN PRIVATE KEY-----\nMIIEvQ\n-----END PRIVATE KEY-----", 0)).isNull();
        assertThat(pem.match("-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY", 0)).isNull();
        assertThat(pem.match("-----BEGIN " + "A".repeat(40) + " PRIVATE KEY-----\n" + body + "\n-----END-----", 0))
                .isNull();
    }

    @Test
    void zhipuKeysAreAThirtyTwoHexIdADotAndAMixedSecret() {
        KeyFamily zhipu = family("ZHIPU_KEY", "");
        String id = "0123456789abcdef0123456789abcdef";

        assertThat(key(zhipu, "key=" + id + ".Qx7mR2vK9pLw3NcT")).isEqualTo(id + ".Qx7mR2vK9pLw3NcT");
        assertThat(zhipu.match(id + ".Qx7mR2vK9pLw3NcT", 32)).isEqualTo(new Span(0, 0, 49, 49));
        assertThat(key(zhipu, "0" + id + ".Qx7mR2vK9pLw3NcT")).isNull();
        assertThat(key(zhipu, id.substring(1) + ".Qx7mR2vK9pLw3NcT")).isNull();
        assertThat(key(zhipu, id + ".QxmRvKpLwNcTbZsY")).isNull();
        assertThat(key(zhipu, id + ".Qx7mR2vK9pL")).isNull();
        assertThat(key(zhipu, id + ".Qx7mR2vK9pLw3NcT-x")).isNull();
        assertThat(key(zhipu, id + ".")).isNull();
        assertThat(key(zhipu, "0123456789abcdef0123456789abcdeg.Qx7mR2vK9pLw3NcT")).isNull();
        assertThat(key(zhipu, "g123456789abcdef0123456789abcdef.Qx7mR2vK9pLw3NcT")).isNull();
        assertThat(key(zhipu, id + "..Qx7mR2vK9pLw3NcT")).isNull();
        assertThat(zhipu.anchorLiteral()).isEqualTo(".");
    }

    @Test
    void deeplFreeKeysAreAUuidWithFx() {
        KeyFamily deepl = family("DEEPL_KEY", "");
        String uuid = "9f2c4e6a-8b0d-1f3e-5a7c-9e1b3d5f7a9c";

        assertThat(key(deepl, "DeepL-Auth-Key " + uuid + ":fx")).isEqualTo(uuid + ":fx");
        assertThat(key(deepl, uuid.toUpperCase() + ":fx")).isEqualTo(uuid.toUpperCase() + ":fx");
        assertThat(key(deepl, uuid + ":fxy")).isNull();
        assertThat(key(deepl, uuid + ":f")).isNull();
        assertThat(key(deepl, "a" + uuid + ":fx")).isNull();
        assertThat(key(deepl, uuid.replace("-1f3e-", "11f3e1").substring(0, 36) + ":fx")).isNull();
        assertThat(key(deepl, uuid.replace('a', 'g') + ":fx")).isNull();
        assertThat(key(deepl, uuid.substring(1) + ":fx")).isNull();
        assertThat(deepl.anchorLiteral()).isEqualTo(":fx");
    }

    @Test
    void gitHubTokensMustPassTheirChecksum() {
        KeyFamily github = family("GITHUB_TOKEN", "ghp_");
        String random = "Qx7mR2vK9pLw3NcT8bZs5YhJ4fGd6A";
        String token = "ghp_" + random + io.gatedesk.secret.family.Checksum.base62(
                io.gatedesk.secret.family.Checksum.crc32(random), 6);

        assertThat(key(github, token)).isEqualTo(token);
        String wrongChecksum = token.substring(0, 39) + (token.endsWith("0") ? "1" : "0");
        assertThat(key(github, wrongChecksum)).isNull();
    }

    @Test
    void aFamilyDeclarationRefusesImpossibleLengthsAndCopiesItsContextWords() {
        assertThatThrownBy(() -> KeyFamily.prefixed("X", "x-", Alphabet.ALNUM, 3, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3..10");
        assertThatThrownBy(() -> KeyFamily.prefixed("X", "x-", Alphabet.ALNUM, 10, 9))
                .isInstanceOf(IllegalArgumentException.class);
        KeyFamily exact = KeyFamily.prefixed("X", "x-", Alphabet.ALNUM, 5, 5).context("X_KEY").source("https://x");
        assertThat(exact.contextWords()).isEqualTo(List.of("X_KEY"));
        assertThat(exact.source()).isEqualTo("https://x");
        assertThat(exact.match("x-Q7k2m", 0)).isEqualTo(new Span(0, 2, 7, 7));
        assertThat(exact.match("x-Q7k2", 0)).isNull();
        assertThat(exact.match("x-Q7k2m9", 0)).isNull();
        assertThat(exact.checksum(body -> false).match("x-Q7k2m", 0)).isNull();
        assertThat(exact.checksum(body -> body.equals("Q7k2m")).match("x-Q7k2m", 0)).isNotNull();
    }
}
