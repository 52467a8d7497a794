package io.gatedesk.secret;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Forms of a credential that name it by position rather than by a secret name: an HTTP authentication scheme other
 * than Bearer and Basic, a key passed first to an SDK's client or credential constructor, and an
 * {@code <id>:<secret>} value. Each text went through the whole scanner; {@code %s} is where the secret stands.
 * Sources: RFC 7235 (schemes), Replicate's and Discord's API docs ({@code Token}, {@code Bot}), fal's client docs
 * ({@code Key <id>:<secret>}), Okta ({@code SSWS}); the README of openai-java's community client (TheoKanning
 * {@code OpenAiService}), sashabaranov/go-openai ({@code openai.DefaultConfig}), openai-php/client
 * ({@code OpenAI::client}), Azure.AI.OpenAI ({@code AzureKeyCredential}); Telegram's Bot API (bot tokens).
 */
class ContextFormsTest {

    private static final String TOKEN = "Jq7Vb2Nx9Lm4Kt8Wr3Hs6Pd";
    private static final String HEX = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    private final SecretScanner scanner = new SecretScanner();

    @ParameterizedTest
    @ValueSource(strings = {
            "curl -H \"Authorization: Token %s\" https://api.replicate.com/v1/predictions",
            "headers = {\"Authorization\": \"Bot %s\"}",
            "Authorization: SSWS %s",
            "authorization: Api-Key %s",
            "-H 'Authorization: Key 86e4d3ce-a27d-4693-8b48-4e73cf575dca:%s'",
            "OpenAiService service = new OpenAiService(\"%s\", Duration.ofSeconds(60));",
            "config := openai.DefaultConfig(\"%s\")",
            "$client = OpenAI::client('%s');",
            "new OpenAIClient(new Uri(endpoint), new AzureKeyCredential(\"%s\"));",
            "client = anthropic.Anthropic( \"%s\" )",
            "TELEGRAM_BOT_TOKEN=4026140141:%s",
    })
    void aSecretNamedByItsPlaceIsMasked(String template) {
        for (String secret : new String[] {TOKEN, HEX}) {
            String text = template.formatted(secret);
            Redaction redaction = scanner.redact(text);
            assertThat(redaction.text()).as(text).doesNotContain(secret.substring(4, secret.length() - 4));
            assertThat(redaction.findings()).as(text).isNotEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "client.files.retrieve(\"file-Ab12Cd34Ef56Gh78Ij90Kl\")",
            "client.chat.completions.create(model=\"gpt-4o\", messages=messages)",
            "llm = ChatOpenAI(\"gpt-4o-mini-2024-07-18\")",
            "OpenAiService service = new OpenAiService(\"your-api-key-here\");",
            "OpenAiService service = new OpenAiService(token);",
            "config := openai.DefaultConfig(os.Getenv(\"OPENAI_API_KEY\"))",
            "Authorization: Token $REPLICATE_API_TOKEN",
            "api_key: Please rotate this before Friday",
            "service.lookup(\"20261205101010123456789\")",
            "time: 12:30:45, token usage: 1234:5678",
    })
    void namesModelsPlaceholdersAndVariablesStayUntouched(String text) {
        assertThat(scanner.redact(text).text()).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Authorization: Token %s|Authorization: Token ",
            "headers = {\"Authorization\": \"Bot %s\"}|\"Authorization\": \"Bot ",
    })
    void theSchemeWordStaysReadable(String template, String kept) {
        assertThat(scanner.redact(template.formatted(TOKEN)).text()).contains(kept);
    }

    /**
     * Tokens of issuers no family declares, in the prefix_random shape (formats from gitleaks' rules for Shippo,
     * Duffel, Typeform, ReadMe, Infracost and Adobe); the bodies are random, the prefixes the issuers'.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "shippo_live_1bce79793a67c9e2ed829af48d9d59ce6ca6b0b9",
            "duffel_live_92m5QQkYOqQAVW3ToA33wQzahGImaHt8RVkGYZC7nqV",
            "tfp_2SSyAJ9TlxqnrDK24Syl067EK5O46EQkeIpDHahvYFevPUaKRIrOaLuAqki",
            "rdme_dzcdv6o9sk2d0omh5krrxe9m9lw8fhiij8fc6ykwokvdv1mtlhj57aoygp2fkk2xquczbt",
            "ico-Vb3Nm6Kl9Jh2Gf5Ds8Aq1Wz4Xs7Ed0Rc",
            "p8e-GiZGoNwMHeoJBYjKavUYUzLYfaBfBDgf",
    })
    void aPrefixedTokenOfAnUndeclaredIssuerIsMaskedKeepingItsPrefix(String token) {
        String text = "our integration uses " + token + "，上线后报错";
        Redaction redaction = scanner.redact(text);
        assertThat(redaction.text()).doesNotContain(token.substring(token.length() - 12, token.length() - 4));
        assertThat(redaction.findings()).extracting(SecretFinding::kind).containsExactly(SecretKind.PREFIXED_TOKEN);
        assertThat(redaction.findings().get(0).masked()).startsWith(token.substring(0, token.indexOf(
                token.charAt(3) == '-' || token.charAt(3) == '_' ? token.charAt(3) : '_') + 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "chatcmpl-9fQ2kLmN3pR5sT7vX9zB1dF3hJ5",
            "msg_01XFDUDYJgAACzvnptvVoYELqwerty",
            "req_011CSHoEeqs5C35K2UUqR7Fy9Lk",
            "gen-1733445566-Ab12Cd34Ef56Gh78Ij90",
            "pi_3OqK8L2eZvKYlo2C0a1b2c3dXyZ",
            "pk_live_51HxYzAbCdEfGhIjKlMnOpQrStUvWxYz0123456789",
            "sha512-v2kDEe57lecTulaDIuNTPy3Ry4gLGJ6Z1O3vE1krgXZNrsQ",
            "task-7c2b9e14-3a5d-4f6e-8b1c-2d3e4f5a6b7c",
            "claude-3-5-sonnet-20241022",
            "gpt-4o-mini-2024-07-18",
            "new_api_error",
            "x_request_id_for_the_upstream_channel_retry",
            "build-20261205101010123456789",
            "commit_9fceb02d0ae598e95dc970b74767f19372d61af8",
            "dpl_8VbX3kLm9Qw2ErTy5UiOp7AsDf",
            "vs_67a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5",
    })
    void identifiersModelNamesAndDigestsOfThePrefixedShapeStayUntouched(String text) {
        String line = "see " + text + " in the log";
        assertThat(scanner.redact(line).text()).isEqualTo(line);
    }
}
