package io.gatedesk.secret;

import static io.gatedesk.secret.SecretScannerPropertiesTest.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** One exact example per kind. Keys are assembled from parts so no literal key sits in the source. */
class SecretScannerTest {

    private static final String SK = "s" + "k-";
    private static final String BODY_48 = "Qx7mR2vK9pLw3NcT" + "8bZs5YhJ4fGd6AeU" + "q1WoXiVn0MlPrCjB";
    private static final String ALNUM_20 = "Lk4nBv7cXz2mQw9eRt5y";
    private static final String ALNUM_20_B = "Hg3fDs8aPo1iUy6tRe4w";
    private static final String URL_SAFE_74 = "Ab1_Cd2-Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2Yz3aB4cD5eF6gH7iJ8kL9mN0oP1qR2sT3uV4w";
    private static final String HEX_64 = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

    private final SecretScanner scanner = new SecretScanner();

    @Test
    void gatewayKeyInChineseTextIsMaskedUpToFullWidthComma() {
        String key = SK + BODY_48;

        Redaction redaction = scanner.redact("我的key是" + key + "，请帮忙");

        assertThat(redaction.text()).isEqualTo("我的key是sk-Qx7m…rCjB，请帮忙");
        assertThat(redaction.findings()).containsExactly(
                new SecretFinding(SecretKind.GATEWAY_KEY, "sk-Qx7m…rCjB", sha256(key)));
    }

    @Test
    void gatewayKeyFollowedDirectlyByChineseCharactersEndsAtTheFirstOne() {
        assertThat(scanner.redact("令牌" + SK + BODY_48 + "请帮忙查一下").text()).isEqualTo("令牌sk-Qx7m…rCjB请帮忙查一下");
    }

    @Test
    void newApiKeyWithChannelSuffixKeepsTheChannelAndFingerprintsTheKeyAlone() {
        String key = SK + BODY_48;

        Redaction redaction = scanner.redact("key " + key + "-12 fails");

        assertThat(redaction.text()).isEqualTo("key sk-Qx7m…rCjB-12 fails");
        assertThat(redaction.findings()).extracting(SecretFinding::fingerprint).containsExactly(sha256(key));
    }

    @Test
    void oneApiKeyOfSixteenAlnumAndThirtyTwoHexIsMasked() {
        String key = SK + "Ab3De5Gh7Jk9Mn1P" + HEX_64.substring(0, 32);

        assertThat(scanner.redact(key).text()).isEqualTo("sk-Ab3D…e1f0");
    }

    @Test
    void liteLlmKeyWithUrlSafeCharactersIsMasked() {
        String key = SK + "aB3_dE5-gH7jK9mN1pQ2rS";

        Redaction redaction = scanner.redact("LiteLLM says " + key + " is not in the DB");

        assertThat(redaction.text()).isEqualTo("LiteLLM says sk-aB3_…Q2rS is not in the DB");
        assertThat(redaction.findings()).singleElement().extracting(SecretFinding::kind).isEqualTo(SecretKind.GATEWAY_KEY);
    }

    @Test
    void openAiLegacyKeyIsRecognisedByItsMarker() {
        String key = SK + ALNUM_20 + "T3Blbk" + "FJ" + ALNUM_20_B;

        Redaction redaction = scanner.redact(key);

        assertThat(redaction.text()).isEqualTo("sk-Lk4n…Re4w");
        assertThat(redaction.findings()).singleElement()
                .isEqualTo(new SecretFinding(SecretKind.OPENAI_LEGACY_KEY, "sk-Lk4n…Re4w", sha256(key)));
    }

    @Test
    void openAiProjectServiceAccountAndAdminKeysKeepTheirPrefix() {
        String body = URL_SAFE_74 + "T3Blbk" + "FJ" + URL_SAFE_74;

        assertThat(scanner.redact(SK + "proj-" + body).findings()).singleElement()
                .isEqualTo(new SecretFinding(SecretKind.OPENAI_PROJECT_KEY, "sk-proj-Ab1_…uV4w", sha256(SK + "proj-" + body)));
        assertThat(scanner.redact(SK + "svcacct-" + body).text()).isEqualTo("sk-svcacct-Ab1_…uV4w");
        assertThat(scanner.redact(SK + "admin-" + body).text()).isEqualTo("sk-admin-Ab1_…uV4w");
        assertThat(scanner.redact(SK + "svcacct-" + body).findings().get(0).kind())
                .isEqualTo(SecretKind.OPENAI_SERVICE_ACCOUNT_KEY);
        assertThat(scanner.redact(SK + "admin-" + body).findings().get(0).kind()).isEqualTo(SecretKind.OPENAI_ADMIN_KEY);
    }

    @Test
    void anthropicApiAndAdminKeysKeepTheirVersionedPrefix() {
        String body = URL_SAFE_74 + "Xy9_Zw8-Vu7Ts6Rq5Po4N" + "AA";
        String apiKey = SK + "ant-api03-" + body;
        String adminKey = SK + "ant-admin01-" + body;

        Redaction redaction = scanner.redact("x-api-key: " + apiKey + "\nadmin: " + adminKey);

        assertThat(redaction.text()).isEqualTo("x-api-key: sk-ant-api03-Ab1_…4NAA\nadmin: sk-ant-admin01-Ab1_…4NAA");
        assertThat(redaction.findings()).extracting(SecretFinding::kind)
                .containsExactly(SecretKind.ANTHROPIC_KEY, SecretKind.ANTHROPIC_KEY);
    }

    @Test
    void openRouterKeyOfSixtyFourHexIsMasked() {
        String key = SK + "or-v1-" + HEX_64;

        assertThat(scanner.redact("OPENROUTER_API_KEY=" + key).text()).isEqualTo("OPENROUTER_API_KEY=sk-or-v1-0f1e…e1f0");
        assertThat(scanner.redact(key).findings().get(0).kind()).isEqualTo(SecretKind.OPENROUTER_KEY);
    }

    @Test
    void groqKeyIsMaskedWithItsUnderscorePrefix() {
        String key = "gs" + "k_" + BODY_48 + "Zz91";

        Redaction redaction = scanner.redact("GROQ_API_KEY=\"" + key + "\"");

        assertThat(redaction.text()).isEqualTo("GROQ_API_KEY=\"gsk_Qx7m…Zz91\"");
        assertThat(redaction.findings()).singleElement()
                .isEqualTo(new SecretFinding(SecretKind.GROQ_KEY, "gsk_Qx7m…Zz91", sha256(key)));
    }

    @Test
    void jwtIsMaskedFromItsHeaderToTheEndOfItsSignature() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String jwt = b64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString("{\"sub\":\"42\",\"exp\":1893456000}".getBytes(StandardCharsets.UTF_8)) + "."
                + "Qw3rTy7uI9oP1aS2dF4gH6jK8lZ0xC5vB";

        Redaction redaction = scanner.redact("session=" + jwt + "; Path=/");

        assertThat(redaction.text()).isEqualTo("session=eyJhbGc…C5vB; Path=/");
        assertThat(redaction.findings()).singleElement()
                .isEqualTo(new SecretFinding(SecretKind.JWT, "eyJhbGc…C5vB", sha256(jwt)));
    }

    @Test
    void bearerTokenInCurlHeaderKeepsBearerAndFingerprintsOnlyTheToken() {
        String token = "Zt7Kq2Wm9Rp4Xv8Nc3Lb6Hy1";

        Redaction redaction = scanner.redact("curl https://api.example.com/v1/models -H \"Authorization: Bearer " + token + "\"");

        assertThat(redaction.text()).isEqualTo("curl https://api.example.com/v1/models -H \"Authorization: Bearer Zt7K…6Hy1\"");
        assertThat(redaction.findings()).singleElement()
                .isEqualTo(new SecretFinding(SecretKind.BEARER_TOKEN, "Bearer Zt7K…6Hy1", sha256(token)));
    }

    @Test
    void bearerGatewayKeyIsReportedAsAGatewayKey() {
        String key = SK + BODY_48;

        Redaction redaction = scanner.redact("Authorization: Bearer " + key);

        assertThat(redaction.text()).isEqualTo("Authorization: Bearer sk-Qx7m…rCjB");
        assertThat(redaction.findings()).singleElement()
                .isEqualTo(new SecretFinding(SecretKind.GATEWAY_KEY, "sk-Qx7m…rCjB", sha256(key)));
    }

    @Test
    void assignedValuesInCodeAndEnvFilesAreMasked() {
        String token = "Zt7Kq2Wm9Rp4Xv8Nc3Lb6Hy1";

        assertThat(scanner.redact("api_key=\"" + token + "\"").text()).isEqualTo("api_key=\"Zt7K…6Hy1\"");
        assertThat(scanner.redact("{\"api_key\": \"" + token + "\"}").text()).isEqualTo("{\"api_key\": \"Zt7K…6Hy1\"}");
        assertThat(scanner.redact("const c = { apiKey: '" + token + "' }").text()).isEqualTo("const c = { apiKey: 'Zt7K…6Hy1' }");
        assertThat(scanner.redact("MY_SERVICE_TOKEN=" + token + "\n").text()).isEqualTo("MY_SERVICE_TOKEN=Zt7K…6Hy1\n");
        assertThat(scanner.redact("client_secret: " + token).findings()).singleElement()
                .isEqualTo(new SecretFinding(SecretKind.ASSIGNED_SECRET, "Zt7K…6Hy1", sha256(token)));
    }

    @Test
    void keysInUrlQueryStringsAreMasked() {
        String token = "Zt7Kq2Wm9Rp4Xv8Nc3Lb6Hy1";

        Redaction redaction = scanner.redact("https://api.example.com/v1/models?key=" + token + "&limit=5");

        assertThat(redaction.text()).isEqualTo("https://api.example.com/v1/models?key=Zt7K…6Hy1&limit=5");
        assertThat(redaction.findings()).singleElement()
                .isEqualTo(new SecretFinding(SecretKind.URL_QUERY_SECRET, "Zt7K…6Hy1", sha256(token)));
        assertThat(scanner.redact("wss://h/realtime?access_token=" + token).text()).isEqualTo("wss://h/realtime?access_token=Zt7K…6Hy1");
    }

    @Test
    void escapedJsonInsideALogLineIsMasked() {
        String token = "Zt7Kq2Wm9Rp4Xv8Nc3Lb6Hy1";

        assertThat(scanner.redact("body=\"{\\\"api_key\\\": \\\"" + token + "\\\"}\"").text())
                .isEqualTo("body=\"{\\\"api_key\\\": \\\"Zt7K…6Hy1\\\"}\"");
    }

    @Test
    void nullStaysNullAndTextWithoutSecretsIsReturnedAsIs() {
        assertThat(scanner.redact(null).text()).isNull();
        assertThat(scanner.redact(null).masked()).isFalse();
        String plain = "Cursor says 404 on https://api.example.com/v1/v1/chat/completions";
        assertThat(scanner.redact(plain).text()).isSameAs(plain);
    }

    @Test
    void oneRedactionReportsEachDistinctKeyOnceInOrderOfAppearance() {
        String first = SK + BODY_48;
        String second = "gs" + "k_" + BODY_48 + "Zz91";

        Redaction redaction = scanner.redact(first + " " + second + " " + first);

        assertThat(redaction.findings()).extracting(SecretFinding::fingerprint).containsExactly(sha256(first), sha256(second));
        assertThat(redaction.masked()).isTrue();
    }

    @Test
    void aKeyTheCustomerHalfMaskedStillHasItsVisibleHeadMasked() {
        Redaction redaction = scanner.redact(SK + BODY_48.substring(0, 30) + "****WoXi");

        assertThat(redaction.text()).isEqualTo("sk-Qx7m…Gd6A****WoXi");
    }

    @Test
    void whatMayStartAtACharacterDependsOnTheOneAfterIt() {
        // The scan reads each character with the next one: a flag needs "--" or "-u ", Bearer needs "be", a
        // separator and URL userinfo need nothing after them, even a Chinese character or the end of the text.
        String key = ALNUM_20 + ALNUM_20_B;
        assertThat(scanner.redact("run --api-key " + key).text()).isEqualTo("run --api-key Lk4n…Re4w");
        assertThat(scanner.redact("curl -u admin:" + key + " https://gw.example.com").text())
                .isEqualTo("curl -u admin:Lk4n…Re4w https://gw.example.com");
        assertThat(scanner.redact("authorization: BEARER " + key).text()).isEqualTo("authorization: BEARER Lk4n…Re4w");
        assertThat(scanner.redact("api_key=“" + key + "”").text()).isEqualTo("api_key=“Lk4n…Re4w”");
        assertThat(scanner.redact("https://bot:" + key + "@gw.example.com/v1").text())
                .isEqualTo("https://bot:Lk4n…Re4w@gw.example.com/v1");
        assertThat(scanner.redact("一个 - 两个 a: 密钥").text()).isEqualTo("一个 - 两个 a: 密钥");
    }

    @Test
    void aKeyAtTheVeryEndOrRightBeforeAChineseCharacterIsFound() {
        String key = SK + BODY_48;
        assertThat(scanner.redact("key " + key).text()).isEqualTo("key sk-Qx7m…rCjB");
        assertThat(scanner.redact(key + "是我的").text()).isEqualTo("sk-Qx7m…rCjB是我的");
        assertThat(scanner.redact("DeepL " + "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0" + ":fx").text())
                .doesNotContain("4b5a-6978-8796");
    }
}
