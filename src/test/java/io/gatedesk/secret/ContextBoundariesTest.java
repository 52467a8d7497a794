package io.gatedesk.secret;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatedesk.secret.family.KeyFamilies;
import org.junit.jupiter.api.Test;

/**
 * The limits of the rules for keys named by their place and of the prefixed-token shape, each on both sides: what
 * is one character inside a limit is masked, one character outside is left alone.
 */
class ContextBoundariesTest {

    /** Random-looking, mixed case and digits, no separator: {@code RANDOM.substring(0, n)} is a body of length n. */
    private static final String RANDOM = "Jq7Vb2Nx9Lm4Kt8Wr3Hs6PdZc5Yf1Ga0QeTu2Io9Pa4Sd7Fg3Hj6Kl8Zx";

    private final ContextRules rules = new ContextRules(new FamilyIndex(KeyFamilies.all()));
    private final SecretScanner scanner = new SecretScanner();

    private Candidate prefixed(String token) {
        String text = "use " + token + " now";
        int separator = text.indexOf('_') >= 0 ? text.indexOf('_') : text.indexOf('-');
        return rules.prefixedToken(text, separator);
    }

    @Test
    void aPrefixedBodyCountsFrom32Characters() {
        assertThat(prefixed("abc_" + RANDOM.substring(0, 32))).isNotNull();
        assertThat(prefixed("abc_" + RANDOM.substring(0, 31))).isNull();
    }

    @Test
    void aPrefixedBodyNeedsARunOf16WithoutASeparator() {
        assertThat(prefixed("abc_" + RANDOM.substring(0, 16) + "-" + RANDOM.substring(16, 32))).isNotNull();
        assertThat(prefixed("abc_" + RANDOM.substring(0, 15) + "-" + RANDOM.substring(15, 30) + "-"
                + RANDOM.substring(30, 45))).isNull();
    }

    @Test
    void aPrefixWordHasAtMostTenCharacters() {
        assertThat(prefixed("abcdefghij_" + RANDOM.substring(0, 40))).isNotNull();
        assertThat(prefixed("abcdefghijk_" + RANDOM.substring(0, 40))).isNull();
    }

    @Test
    void theMaskKeepsThePrefixAndShowsFourCharactersOfTheBody() {
        Candidate found = prefixed("tfp_" + RANDOM.substring(0, 40));
        assertThat(found.masked()).isEqualTo("tfp_Jq7V\u2026" + RANDOM.substring(36, 40));
        assertThat(found.kind()).isEqualTo(SecretKind.PREFIXED_TOKEN);
    }

    @Test
    void aTokenInsideADottedNameOrStartingWithADigitIsNotOne() {
        String dotted = "use pkg.abc_" + RANDOM.substring(0, 40) + " now";
        assertThat(rules.prefixedToken(dotted, dotted.indexOf('_'))).isNull();
        String digit = "use 9bc_" + RANDOM.substring(0, 40) + " now";
        assertThat(rules.prefixedToken(digit, digit.indexOf('_'))).isNull();
    }

    @Test
    void aClientLiteralCountsFrom20Characters() {
        String at20 = "new OpenAiService(\"" + RANDOM.substring(0, 20) + "\")";
        String at19 = "new OpenAiService(\"" + RANDOM.substring(0, 19) + "\")";
        assertThat(rules.callArgument(at20, at20.indexOf('('))).isNotNull();
        assertThat(rules.callArgument(at19, at19.indexOf('('))).isNull();
    }

    @Test
    void aClientLiteralOfHyphenatedWordsOfEightIsANameOfNineAKey() {
        String slug = "new OpenAiService(\"Ab3dEf7h-Jk2mNp5q-Rs8tUv1w\")";
        String key = "new OpenAiService(\"Ab3dEf7hX-Jk2mNp5q-Rs8tUv1w\")";
        assertThat(scanner.redact(slug).text()).isEqualTo(slug);
        assertThat(scanner.redact(key).text()).doesNotContain("Jk2mNp5q");
    }

    @Test
    void aClientLiteralMustBeWholeAndQuoted() {
        String unclosed = "new OpenAiService(\"" + RANDOM.substring(0, 30) + " and more";
        String spaced = "new OpenAiService(   \"" + RANDOM.substring(0, 30) + "\")";
        assertThat(rules.callArgument(unclosed, unclosed.indexOf('('))).isNull();
        assertThat(rules.callArgument(spaced, spaced.indexOf('('))).isNotNull();
    }

    @Test
    void anAuthenticationSchemeIsAWordOfTwoToTwentyFourLetters() {
        String token = RANDOM.substring(0, 24);
        assertThat(scanner.redact("Authorization: Xy " + token).text()).doesNotContain(token);
        assertThat(scanner.redact("Authorization: X " + token).text()).contains(token);
        String longest = "A".repeat(24);
        assertThat(scanner.redact("Authorization: " + longest + " " + token).text()).doesNotContain(token);
        assertThat(scanner.redact("Authorization: " + longest + "B " + token).text()).contains(token);
    }

    @Test
    void anIdAndSecretJoinedByAColonAreOneValue() {
        String text = "TELEGRAM_BOT_TOKEN=4026140141:" + RANDOM.substring(0, 35) + " end";
        assertThat(scanner.redact(text).text()).doesNotContain("4026140141").doesNotContain(RANDOM.substring(8, 30));
    }

    @Test
    void aFirstWordOfTwoOrATokenInAUrlPathIsNotAPrefixedToken() {
        assertThat(prefixed("abc_" + RANDOM.substring(0, 40))).isNotNull();
        assertThat(prefixed("ab_" + RANDOM.substring(0, 40))).isNull();
        // GateDesk's own follow links carry a random base64url token that may start like one
        String link = "https://desk.example-gw.com/t/qdvx_V32V8Ic9wwviDdKUNEWb2-ro-9sR4HM8lgTRVCk";
        assertThat(scanner.redact(link).text()).isEqualTo(link);
    }
}
