package io.gatedesk.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.gatedesk.secret.SampleKeys.Sample;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SecretScannerPropertiesTest {

    private final SecretScanner scanner = new SecretScanner();

    /** Where a key can stand; {@code %s} is the key. Opaque tokens only count as secrets in a named place. */
    enum Place {
        ANYWHERE, BEARER, ASSIGNED, URL_QUERY
    }

    record Context(Place place, String template) {
    }

    record Placed(Sample sample, Context context) {

        String text() {
            return context.template().replace("%s", sample.written());
        }
    }

    record Scenario(String text, List<Sample> samples) {
    }

    private static final List<Context> CONTEXTS = List.of(
            new Context(Place.ANYWHERE, "Hi, since this morning every call with %s returns 401. Could you check?"),
            new Context(Place.ANYWHERE, "%s"),
            new Context(Place.ANYWHERE, "我的key是%s，请帮忙看看"),
            new Context(Place.ANYWHERE, "密钥：%s。谢谢！"),
            new Context(Place.ANYWHERE, "用%s调用一直报错（401）"),
            new Context(Place.ANYWHERE, "令牌%s请帮忙查一下"),
            new Context(Place.ANYWHERE, "key: %s\nmodel: gpt-4o-mini"),
            new Context(Place.ANYWHERE, "{\"error\":{\"message\":\"Incorrect API key provided: %s.\",\"code\":\"invalid_api_key\"}}"),
            new Context(Place.BEARER, "curl https://api.example.com/v1/chat/completions -H \"Authorization: Bearer %s\" "
                    + "-H \"Content-Type: application/json\" -d '{\"model\":\"gpt-4o\",\"stream\":true}'"),
            new Context(Place.BEARER, "POST /v1/chat/completions HTTP/1.1\r\nHost: api.example.com\r\nAuthorization: Bearer %s\r\n"
                    + "Content-Length: 120\r\n\r\n{\"model\":\"deepseek-chat\"}"),
            new Context(Place.BEARER, "{\"headers\":{\"Authorization\":\"Bearer %s\",\"X-Request-Id\":\"9f1c\"}}"),
            new Context(Place.BEARER, "fetch(url, { headers: { Authorization: `Bearer %s` } })"),
            new Context(Place.BEARER, "请求头 Authorization: Bearer %s，返回 401"),
            new Context(Place.ASSIGNED, "{\"api_key\": \"%s\", \"model\": \"claude-3-5-sonnet-20241022\"}"),
            new Context(Place.ASSIGNED, "client = OpenAI(api_key=\"%s\", base_url=\"https://api.example.com/v1\")"),
            new Context(Place.ASSIGNED, "const openai = new OpenAI({ apiKey: '%s', baseURL: 'https://api.example.com/v1' });"),
            new Context(Place.ASSIGNED, "OPENAI_BASE_URL=https://api.example.com/v1\nOPENAI_API_KEY=%s\nMODEL=gpt-4o"),
            new Context(Place.ASSIGNED, "llm:\n  api_key: %s\n  base_url: https://api.example.com"),
            new Context(Place.ASSIGNED, "openai.api_key = '%s'"),
            new Context(Place.URL_QUERY, "https://api.example.com/v1/models?key=%s"),
            new Context(Place.URL_QUERY, "GET https://api.example.com/v1/models?api_key=%s&limit=20 HTTP/1.1"),
            new Context(Place.URL_QUERY, "wss://api.example.com/v1/realtime?model=gpt-4o&access_token=%s"),
            new Context(Place.URL_QUERY, "打开 https://api.example.com/dashboard?token=%s，页面空白"));

    private static final List<String> FILLERS = List.of(
            "Hello, our Cursor setup stopped working after the upgrade.",
            "The base URL is https://api.example.com/v1 and the model is gpt-4o-mini.",
            "request id: 20240102150405123456789012345678",
            "[GIN] 2024/01/02 - 15:04:05 | 20240102150405123456789012345678 | 401 |   1.2ms | 10.0.0.1 | POST /v1/chat/completions",
            "您好，我们用 Cherry Studio 调用 deepseek-chat 一直报 429，请问是额度问题吗？",
            "当前分组 default 下对于模型 gpt-4o 无可用渠道（request id: 20240102150405123456789012345678）",
            "Trace 550e8400-e29b-41d4-a716-446655440000, response chatcmpl-9xQzB2c4D5e6F7g8H9i0J1k2L3m4.",
            "sha256 3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b matches the LiteLLM row.",
            "Our old key was sk-abcd…wxyz and the new one ends in 9Qz1.",
            "");

    @Provide
    Arbitrary<Placed> placedKeys() {
        Arbitrary<Long> seeds = Arbitraries.longs();
        Arbitrary<Context> contexts = Arbitraries.of(CONTEXTS);
        return Combinators.combine(seeds, contexts).as((seed, context) -> {
            SplittableRandom random = new SplittableRandom(seed);
            Sample sample = context.place() == Place.ANYWHERE || random.nextInt(3) > 0
                    ? SampleKeys.any(random)
                    : opaque(SampleKeys.opaqueToken(random), context.place());
            return new Placed(sample, context);
        });
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<String> fillers = Arbitraries.of(FILLERS);
        Arbitrary<String> separators = Arbitraries.of(" ", "\n", "\r\n", "\t", "\n\n");
        Arbitrary<String> piece = Combinators.combine(fillers, separators).as((f, s) -> f + s);
        return Combinators.combine(placedKeys().list().ofMinSize(1).ofMaxSize(4), piece.list().ofMaxSize(4), separators)
                .as((placed, filler, separator) -> {
                    StringBuilder text = new StringBuilder();
                    List<Sample> samples = new ArrayList<>();
                    for (int i = 0; i < placed.size(); i++) {
                        if (i < filler.size()) {
                            text.append(filler.get(i));
                        }
                        text.append(placed.get(i).text()).append(separator);
                        samples.add(placed.get(i).sample());
                    }
                    return new Scenario(text.toString(), samples);
                });
    }

    @Property
    void noFullKeySurvivesInAnySurroundingText(@ForAll("scenarios") Scenario scenario) {
        String redacted = scanner.redact(scenario.text()).text();

        for (Sample sample : scenario.samples()) {
            assertThat(redacted).doesNotContain(sample.secret());
            assertThat(redacted).contains(sample.expectedText());
        }
    }

    @Property
    void everyKeyIsReportedWithItsKindMaskAndTheSha256OfTheKey(@ForAll("placedKeys") Placed placed) {
        Redaction redaction = scanner.redact(placed.text());
        Sample sample = placed.sample();

        assertThat(redaction.findings()).containsExactly(
                new SecretFinding(sample.kind(), reportedMask(sample), sha256(sample.secret())));
    }

    @Property
    void redactingTwiceEqualsRedactingOnce(@ForAll("scenarios") Scenario scenario) {
        Redaction once = scanner.redact(scenario.text());
        Redaction twice = scanner.redact(once.text());

        assertThat(twice.text()).isEqualTo(once.text());
        assertThat(twice.findings()).isEmpty();
    }

    @Property
    void maskedFormsAreNeverMaskedAgain(@ForAll("maskedForms") String masked, @ForAll("placeTemplates") String template) {
        String text = template.replace("%s", masked);

        Redaction redaction = scanner.redact(text);

        assertThat(redaction.text()).isEqualTo(text);
        assertThat(redaction.findings()).isEmpty();
    }

    @Property
    void findingsAreDedupedByFingerprint(@ForAll("placedKeys") Placed placed) {
        // An opaque token is only a secret in a named place, so only prefixed keys are repeated bare.
        String bare = placed.sample().kind() == SecretKind.BEARER_TOKEN || placed.sample().kind() == SecretKind.ASSIGNED_SECRET
                || placed.sample().kind() == SecretKind.URL_QUERY_SECRET ? "" : placed.sample().written();
        String text = placed.text() + "\n" + placed.text() + "\n" + bare;

        Redaction redaction = scanner.redact(text);

        assertThat(redaction.findings()).hasSize(1);
        assertThat(redaction.text()).doesNotContain(placed.sample().secret());
    }

    @Provide
    Arbitrary<String> maskedForms() {
        Arbitrary<String> prefixes = Arbitraries.of("sk-", "sk-proj-", "sk-svcacct-", "sk-admin-", "sk-ant-api03-",
                "sk-or-v1-", "gsk_", "eyJ", "");
        Arbitrary<String> chunk4 = Arbitraries.strings().withChars("abcdefghijkmnpqrstuvwxyzABCDEFGH0123456789").ofLength(4);
        Arbitrary<String> chunk3 = Arbitraries.strings().withChars("abcdefghijkmnpqrstuvwxyz0123456789").ofLength(3);
        Arbitrary<String> chunk8 = Arbitraries.strings().withChars("abcdefghijkmnpqrstuvwxyzABCDEFGH0123456789").ofLength(8);
        return Combinators.combine(prefixes, chunk4, chunk3, chunk8, Arbitraries.integers().between(0, 4))
                .as((prefix, four, three, eight, form) -> switch (form) {
                    case 0 -> prefix + four + "\u2026" + four;
                    case 1 -> prefix + four + "************" + four;
                    case 2 -> prefix + three + "***" + three;
                    case 3 -> prefix + "..." + four;
                    default -> prefix + eight + "****" + eight;
                });
    }

    @Provide
    Arbitrary<String> placeTemplates() {
        return Arbitraries.of(CONTEXTS).map(Context::template);
    }

    private static Sample opaque(String token, Place place) {
        return switch (place) {
            case BEARER -> new Sample(SecretKind.BEARER_TOKEN, token, token, SampleKeys.mask(token), "");
            case URL_QUERY -> new Sample(SecretKind.URL_QUERY_SECRET, token, token, SampleKeys.mask(token), "");
            default -> new Sample(SecretKind.ASSIGNED_SECRET, token, token, SampleKeys.mask(token), "");
        };
    }

    private static String reportedMask(Sample sample) {
        return sample.kind() == SecretKind.BEARER_TOKEN ? "Bearer " + sample.expectedMask() : sample.expectedMask();
    }

    static String sha256(String value) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
