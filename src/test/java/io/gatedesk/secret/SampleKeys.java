package io.gatedesk.secret;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Realistic random credentials of every family the scanner knows, drawn from a seeded random source so a failing
 * property or a benchmark corpus can be reproduced. Keys are built from parts at run time so this file holds no
 * literal key that another scanner would flag.
 */
public final class SampleKeys {

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String URL_SAFE = ALNUM + "-_";
    private static final String HEX = "0123456789abcdef";
    private static final String ELLIPSIS = "\u2026";
    private static final String SK = "s" + "k-";

    /**
     * @param kind         what the scanner should report
     * @param written      how the key appears in text (a one-api channel suffix included)
     * @param secret       the value whose SHA-256 is the fingerprint
     * @param expectedMask the identifier the scanner should put in its place
     * @param remainder    what stays after the mask in the text (the channel suffix), usually empty
     */
    public record Sample(SecretKind kind, String written, String secret, String expectedMask, String remainder) {

        public String expectedText() {
            return expectedMask + remainder;
        }
    }

    /** The families that are recognisable on their own, anywhere in a text. */
    public static final List<Function<SplittableRandom, Sample>> STANDALONE = List.of(
            SampleKeys::oneApi, SampleKeys::newApi, SampleKeys::newApiWithChannel, SampleKeys::liteLlm,
            SampleKeys::openAiLegacy, SampleKeys::openAiProject, SampleKeys::openAiServiceAccount,
            SampleKeys::openAiAdmin, SampleKeys::anthropic, SampleKeys::anthropicAdmin, SampleKeys::openRouter,
            SampleKeys::groq, SampleKeys::jwt);

    private SampleKeys() {
    }

    public static Sample any(SplittableRandom random) {
        return STANDALONE.get(random.nextInt(STANDALONE.size())).apply(random);
    }

    public static Sample oneApi(SplittableRandom random) {
        return sk(SecretKind.GATEWAY_KEY, "", random(random, ALNUM, 16) + random(random, HEX, 32));
    }

    public static Sample newApi(SplittableRandom random) {
        return sk(SecretKind.GATEWAY_KEY, "", random(random, ALNUM, 48));
    }

    public static Sample newApiWithChannel(SplittableRandom random) {
        Sample key = newApi(random);
        String channel = "-" + (1 + random.nextInt(999));
        return new Sample(key.kind(), key.written() + channel, key.secret(), key.expectedMask(), channel);
    }

    public static Sample liteLlm(SplittableRandom random) {
        return sk(SecretKind.GATEWAY_KEY, "", random(random, ALNUM, 1) + random(random, URL_SAFE, 21));
    }

    public static Sample openAiLegacy(SplittableRandom random) {
        return sk(SecretKind.OPENAI_LEGACY_KEY, "", random(random, ALNUM, 20) + "T3Blbk" + "FJ" + random(random, ALNUM, 20));
    }

    public static Sample openAiProject(SplittableRandom random) {
        return sk(SecretKind.OPENAI_PROJECT_KEY, "proj-", openAiBody(random));
    }

    public static Sample openAiServiceAccount(SplittableRandom random) {
        return sk(SecretKind.OPENAI_SERVICE_ACCOUNT_KEY, "svcacct-", openAiBody(random));
    }

    public static Sample openAiAdmin(SplittableRandom random) {
        return sk(SecretKind.OPENAI_ADMIN_KEY, "admin-", openAiBody(random));
    }

    public static Sample anthropic(SplittableRandom random) {
        return sk(SecretKind.ANTHROPIC_KEY, "ant-" + "api03-", random(random, ALNUM, 1) + random(random, URL_SAFE, 92) + "AA");
    }

    public static Sample anthropicAdmin(SplittableRandom random) {
        return sk(SecretKind.ANTHROPIC_KEY, "ant-" + "admin01-", random(random, ALNUM, 1) + random(random, URL_SAFE, 92) + "AA");
    }

    public static Sample openRouter(SplittableRandom random) {
        return sk(SecretKind.OPENROUTER_KEY, "or-" + "v1-", random(random, HEX, 64));
    }

    public static Sample groq(SplittableRandom random) {
        String keyChars = random(random, ALNUM, 52);
        String key = "gs" + "k_" + keyChars;
        return new Sample(SecretKind.GROQ_KEY, key, key, "gsk_" + mask(keyChars), "");
    }

    public static Sample jwt(SplittableRandom random) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"sub\":\"" + random(random, ALNUM, 8) + "\",\"iat\":"
                + (1_700_000_000 + random.nextInt(50_000_000)) + "}").getBytes(StandardCharsets.UTF_8));
        byte[] signature = new byte[32];
        random.nextBytes(signature);
        String token = header + "." + payload + "." + b64.encodeToString(signature);
        return new Sample(SecretKind.JWT, token, token,
                "eyJ" + token.substring(3, 7) + ELLIPSIS + token.substring(token.length() - 4), "");
    }

    /** An opaque token as issued by most APIs: mixed case and digits. Only recognisable by its context. */
    public static String opaqueToken(SplittableRandom random) {
        int length = 24 + random.nextInt(24);
        return random(random, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", 1) + random(random, "0123456789", 1)
                + random(random, "abcdefghijklmnopqrstuvwxyz", 1) + random(random, ALNUM, length - 3);
    }

    public static String mask(String keyChars) {
        return keyChars.substring(0, 4) + ELLIPSIS + keyChars.substring(keyChars.length() - 4);
    }

    public static String random(SplittableRandom random, String alphabet, int length) {
        while (true) {
            StringBuilder out = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                out.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            // A random key that happens to spell a placeholder word is left alone by design; do not draw one.
            if (!spellsPlaceholder(out.toString())) {
                return out.toString();
            }
        }
    }

    private static String openAiBody(SplittableRandom random) {
        int half = random.nextBoolean() ? 58 : 74;
        return random(random, ALNUM, 1) + random(random, URL_SAFE, half - 1) + "T3Blbk" + "FJ"
                + random(random, URL_SAFE, half - 1) + random(random, ALNUM, 1);
    }

    private static Sample sk(SecretKind kind, String subPrefix, String keyChars) {
        String key = SK + subPrefix + keyChars;
        return new Sample(kind, key, key, SK + subPrefix + mask(keyChars), "");
    }

    private static boolean spellsPlaceholder(String s) {
        for (String segment : s.split("[-_.]")) {
            String lower = segment.toLowerCase(Locale.ROOT);
            for (String word : List.of("your", "example", "placeholder", "replace", "changeme", "dummy", "insert",
                    "redacted", "sample")) {
                if (lower.startsWith(word)) {
                    return true;
                }
            }
        }
        return false;
    }
}
