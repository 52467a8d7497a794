package io.gatedesk.secret;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatedesk.secret.ContextRules.NameClass;
import io.gatedesk.secret.family.KeyFamilies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The context rules on their own: which names hold secrets, which values are random enough to be one, how a password
 * and a short secret are masked, and what each rule takes from the text at its trigger (Bearer, a separator, a flag, a
 * URL's userinfo, 是/为).
 */
class ContextRulesTest {

    private static final String TOKEN = "Zt7K9pLw3NcT8bZs5YhJ";

    private final ContextRules rules = new ContextRules(new FamilyIndex(KeyFamilies.all()));

    @ParameterizedTest
    @ValueSource(strings = {"api_key", "API-KEY", "openai.key", "apiKey", "key", "token", "accessToken", "apikey",
            "ACCESSTOKEN", "clientsecret", "client_secret", "x-api-key", "masterkey", "Authorization",
            "GOOGLE_APPLICATION_CREDENTIALS", "credential", "SecretId"})
    void namesThatSayKeyTokenOrSecretHoldSecrets(String name) {
        assertThat(ContextRules.classify(name)).as(name).isEqualTo(NameClass.KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "DB_PASSWORD", "passwd", "pass", "db.pass", "dbPass", "user-pass",
            "mysqlpassword"})
    void namesThatSayPasswordHoldPasswords(String name) {
        assertThat(ContextRules.classify(name)).as(name).isEqualTo(NameClass.PASSWORD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"monkey", "turkey", "hotkey", "primary_key", "foreign-key", "sortKey", "partition_key",
            "cache_key", "idempotency-key", "page_token", "next_cursor_token", "public_key", "hashKey", "compass",
            "bypass", "username", "model", "k", ""})
    void identifiersAndWordsThatOnlyEndLikeASecretNameDoNot(String name) {
        assertThat(ContextRules.classify(name)).as(name).isEqualTo(NameClass.NONE);
    }

    @Test
    void anOpaqueValueIsACredentialWhenLongRandomAndNoPlaceholder() {
        assertThat(ContextRules.looksLikeCredential(TOKEN, false, false)).isTrue();
        assertThat(ContextRules.looksLikeCredential("Zt7K9pLw3NcT8bZs", false, false)).isTrue();
        assertThat(ContextRules.looksLikeCredential("Zt7K9pLw3NcT8bZ", false, false)).isFalse();
        String longest = TOKEN.repeat(52).substring(0, 1024);
        assertThat(ContextRules.looksLikeCredential(longest, false, false)).isTrue();
        assertThat(ContextRules.looksLikeCredential(longest + "b", false, false)).isFalse();
        assertThat(ContextRules.looksLikeCredential("1234567890123456789", false, false)).isFalse();
        assertThat(ContextRules.looksLikeCredential("your-api-key-here-1234", false, false)).isFalse();
    }

    @Test
    void lettersWithoutDigitsCountOnlyWhenCasesMixLikeRandomTextOrAsALongLowerCaseRun() {
        assertThat(ContextRules.looksLikeCredential("ZtKpLwNcTbZsYhJqWe", false, false)).isTrue();
        assertThat(ContextRules.looksLikeCredential("process.env.OPENAI_API_KEY", false, false)).isFalse();
        assertThat(ContextRules.looksLikeCredential("getenvironmentvalue", false, false)).isFalse();
        assertThat(ContextRules.looksLikeCredential("GETENVIRONMENTVALUE", false, false)).isFalse();
        // Between a fifth and four fifths of the letters upper case, as random text has them.
        assertThat(ContextRules.looksLikeCredential("ZtkpLwnctBzsyhjqweRm", false, false)).isTrue();
        assertThat(ContextRules.looksLikeCredential("ZTKPLWNCTBZSYHJQwerm", false, false)).isTrue();
        assertThat(ContextRules.looksLikeCredential("ZtkpLwnctBzsyhjq", false, false)).isFalse();
        assertThat(ContextRules.looksLikeCredential("ZTKPLWNCTBZSYhjq", false, false)).isFalse();
        assertThat(ContextRules.looksLikeCredential("qwzrtplkjhgfdsmnbvcxzqwrtplkjhgfd", false, false)).isTrue();
        assertThat(ContextRules.looksLikeCredential("qwzrtplkjhgfdsmnbvcxzqwrtplkjhg", false, false)).isFalse();
    }

    @Test
    void aHashLengthHexValueIsADigestOnlyWhereDigestsAreExpectedAndAfterBearerAlwaysAKey() {
        String sha256 = "9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c".repeat(2);

        assertThat(ContextRules.looksLikeCredential(sha256, true, false)).isFalse();
        assertThat(ContextRules.looksLikeCredential(sha256.substring(0, 40), true, false)).isFalse();
        assertThat(ContextRules.looksLikeCredential(sha256 + sha256, true, false)).isFalse();
        assertThat(ContextRules.looksLikeCredential(sha256, true, true)).isTrue();
        assertThat(ContextRules.looksLikeCredential(sha256, false, false)).isTrue();
        assertThat(ContextRules.looksLikeCredential(sha256.substring(0, 48), true, false)).isTrue();
        assertThat(ContextRules.looksLikeCredential(sha256.toUpperCase(), true, false)).isTrue();
        assertThat(ContextRules.looksLikeCredential(sha256.replace('9', 'g'), true, false)).isTrue();
    }

    @Test
    void aPasswordIsSixCharactersOrMoreAndNotAReferenceAPathOrAPlainWord() {
        assertThat(ContextRules.looksLikePassword("hunter2")).isTrue();
        assertThat(ContextRules.looksLikePassword("Secret")).isTrue();
        assertThat(ContextRules.looksLikePassword("pw2024")).isTrue();
        assertThat(ContextRules.looksLikePassword("pw202")).isFalse();
        assertThat(ContextRules.looksLikePassword("required")).isFalse();
        for (String reference : new String[]{"$DB_PASSWORD", "%PASSWORD%", "<password>", "{{password}}", "/run/secret",
                "~/.pgpass", "ab\u2026cdef", "your_password1"}) {
            assertThat(ContextRules.looksLikePassword(reference)).as(reference).isFalse();
        }
        String longest = "Hunter2x!".repeat(114).substring(0, 1024);
        assertThat(ContextRules.looksLikePassword(longest)).isTrue();
        assertThat(ContextRules.looksLikePassword(longest + "b")).isFalse();
    }

    @Test
    void aShortSecretShowsOnlyItsLastTwoCharactersAndALongOneFourAndFour() {
        assertThat(ContextRules.maskAny("hunter2")).isEqualTo("\u2026r2");
        assertThat(ContextRules.maskAny("hunter2hunte")).isEqualTo("hunt\u2026unte");
        assertThat(ContextRules.maskAny("hunter2hunt")).isEqualTo("\u2026nt");
    }

    @Test
    void theTokenAfterBearerIsTakenThroughSpacesEncodedSpacesAndConcatenatedQuotes() {
        assertThat(rules.bearer("Authorization: Bearer " + TOKEN + "\n", 15))
                .extracting(Candidate::secret, Candidate::kind, Candidate::masked, Candidate::replacement)
                .containsExactly(TOKEN, SecretKind.BEARER_TOKEN, "Bearer Zt7K\u20265YhJ", "Zt7K\u20265YhJ");
        assertThat(rules.bearer("Bearer%20" + TOKEN, 0).secret()).isEqualTo(TOKEN);
        assertThat(rules.bearer("\"Bearer \" + \"" + TOKEN + "\"", 1).secret()).isEqualTo(TOKEN);
        assertThat(rules.bearer("bearer\t" + TOKEN + "...", 0).secret()).isEqualTo(TOKEN);
        assertThat(rules.bearer("BEARER " + TOKEN, 0).start()).isEqualTo(7);
    }

    @Test
    void bearerNeedsAWordOfItsOwnASeparatorAndATokenThatIsNotAlreadyMasked() {
        assertThat(rules.bearer("xBearer " + TOKEN, 1)).isNull();
        assertThat(rules.bearer("Bearer" + TOKEN, 0)).isNull();
        assertThat(rules.bearer("Bearer ", 0)).isNull();
        assertThat(rules.bearer("Bearer      ", 0)).isNull();
        assertThat(rules.bearer("Bearer Zt7K\u2026YhJ5", 0)).isNull();
        assertThat(rules.bearer("Bearer Zt7K9pLw*****", 0)).isNull();
        assertThat(rules.bearer("Bearer " + " ".repeat(8) + TOKEN, 0)).isNull();
        assertThat(rules.bearer("Beaver " + TOKEN, 0)).isNull();
        assertThat(rules.bearer("Bearer short1", 0)).isNull();
    }

    @Test
    void bearerLeavesAKnownFamilysKeyToThatFamily() {
        String key = "sk-" + "Qx7mR2vK9pLw3NcT8bZs5YhJ4fGd6AeUq1WoXiVn0MlPrCjB";

        Candidate found = rules.bearer("Bearer " + key, 0);

        assertThat(found.kind()).isEqualTo(SecretKind.GATEWAY_KEY);
        assertThat(found.byContext()).isFalse();
    }

    @Test
    void aSecretNameFollowedByASeparatorGivesItsValueInEveryNotation() {
        assertThat(assigned("OPENAI_API_KEY=" + TOKEN, '=')).isEqualTo(TOKEN);
        assertThat(assigned("api_key: '" + TOKEN + "'", ':')).isEqualTo(TOKEN);
        assertThat(assigned("{\"apiKey\": \"" + TOKEN + "\"}", ':')).isEqualTo(TOKEN);
        assertThat(assigned("{\\\"apiKey\\\": \\\"" + TOKEN + "\\\"}", ':')).isEqualTo(TOKEN);
        assertThat(assigned("$token => '" + TOKEN + "'", '=')).isEqualTo(TOKEN);
        assertThat(assigned("密钥：" + TOKEN, '：')).isEqualTo(TOKEN);
        assertThat(assigned("key =\n  " + TOKEN, '=')).isEqualTo(TOKEN);
        assertThat(assigned("apiKey(\"" + TOKEN + "\")", '(')).isEqualTo(TOKEN);
        assertThat(assigned("setHeader(\"x-api-key\", \"" + TOKEN + "\")", ',')).isEqualTo(TOKEN);
        assertThat(assigned("AWS Secret Access Key [None]: " + TOKEN, ':')).isEqualTo(TOKEN);
        assertThat(rules.assignment("https://x.io/v1?api_key=" + TOKEN, 23).kind())
                .isEqualTo(SecretKind.URL_QUERY_SECRET);
        assertThat(rules.assignment("key=" + TOKEN, 3).kind()).isEqualTo(SecretKind.ASSIGNED_SECRET);
    }

    @Test
    void comparisonsCallsWithoutQuotesAndOtherNamesAreNoAssignment() {
        assertThat(rules.assignment("if key == " + TOKEN, 7)).isNull();
        assertThat(rules.assignment("Key::" + TOKEN, 3)).isNull();
        assertThat(rules.assignment("apiKey(" + TOKEN + ")", 6)).isNull();
        assertThat(rules.assignment("f(key, \"" + TOKEN + "\")", 5)).isNull();
        assertThat(rules.assignment("f(\"key\", " + TOKEN + ")", 7)).isNull();
        assertThat(rules.assignment("model=" + TOKEN, 5)).isNull();
        assertThat(rules.assignment("=" + TOKEN, 0)).isNull();
        assertThat(rules.assignment("key=", 3)).isNull();
        assertThat(rules.assignment("key=abcd\u2026wxyz1234567", 3)).isNull();
        assertThat(rules.assignment("key=Bearer " + TOKEN, 3)).isNull();
    }

    @Test
    void aDigestInLiteLlmsApiKeyFieldIsNoKeyButTheSameValueElsewhereIs() {
        String sha256 = "9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c".repeat(2);

        assertThat(rules.assignment("{\"api_key\": \"" + sha256 + "\"}", 10)).isNull();
        assertThat(assigned("API_KEY=" + sha256, '=')).isEqualTo(sha256);
        assertThat(assigned("{\"my_api_key\": \"" + sha256 + "\"}", ':')).isEqualTo(sha256);
    }

    @Test
    void aQuotedValueCutByALineBreakIsJoinedAgain() {
        String text = "{\"api_key\": \"Zt7K9pLw3NcT\n    8bZs5YhJqWe\"}";

        Candidate joined = rules.assignment(text, text.indexOf(':'));

        assertThat(joined.secret()).isEqualTo("Zt7K9pLw3NcT8bZs5YhJqWe");
        assertThat(joined.end()).isEqualTo(text.lastIndexOf('"'));
        String escaped = "{\"api_key\": \"Zt7K9pLw3NcT\\n8bZs5YhJqWe\"}";
        assertThat(rules.assignment(escaped, escaped.indexOf(':')).secret()).isEqualTo("Zt7K9pLw3NcT8bZs5YhJqWe");
        String unclosed = "{\"api_key\": \"Zt7K9pLw3NcT\n8bZs5YhJqWe";
        // Not closed: the first line alone is too short to be a secret.
        assertThat(rules.assignment(unclosed, unclosed.indexOf(':'))).isNull();
    }

    @Test
    void aPasswordNameTakesWhateverPasswordFollowsUpToItsQuoteOrTheWordsEnd() {
        assertThat(rules.assignment("DB_PASSWORD=hunter2!x rest", 11).secret()).isEqualTo("hunter2!x");
        assertThat(rules.assignment("password: \"a b c d 1\"", 8).secret()).isEqualTo("a b c d 1");
        assertThat(rules.assignment("password=hunter2,next", 8).secret()).isEqualTo("hunter2");
        assertThat(rules.assignment("password=required", 8)).isNull();
        assertThat(rules.assignment("password=hunt\u2026r2", 8)).isNull();
        assertThat(rules.assignment("密码：Hunter2x", 2).replacement()).isEqualTo("\u20262x");
    }

    @Test
    void basicCredentialsAfterAnAuthorizationNameAreMaskedWithTheirScheme() {
        Candidate basic = rules.assignment("Authorization: Basic dXNlcjpwYXNzd29yZA==", 13);

        assertThat(basic.kind()).isEqualTo(SecretKind.BASIC_AUTH);
        assertThat(basic.secret()).isEqualTo("dXNlcjpwYXNzd29yZA==");
        assertThat(basic.masked()).isEqualTo("Basic dXNl\u2026ZA==");
        assertThat(basic.replacement()).isEqualTo("dXNl\u2026ZA==");
        assertThat(rules.assignment("Authorization: Basic dXNlcjo", 13)).isNull();
        assertThat(rules.assignment("Authorization: Basic xxxxxxxxxxxx", 13)).isNull();
    }

    @Test
    void aFlagNamedLikeASecretTakesTheNextWordAndCurlsUserTakesItsPassword() {
        assertThat(rules.flag("litellm --api-key " + TOKEN, 8).secret()).isEqualTo(TOKEN);
        assertThat(rules.flag("x -u admin:Hunter2x", 2).kind()).isEqualTo(SecretKind.URL_PASSWORD);
        assertThat(rules.flag("x --user admin:Hunter2x", 2).secret()).isEqualTo("Hunter2x");
        assertThat(rules.flag("x--api-key " + TOKEN, 1)).isNull();
        assertThat(rules.flag("--model " + TOKEN, 0)).isNull();
        assertThat(rules.flag("--api-key=" + TOKEN, 0)).isNull();
        assertThat(rules.flag("--api-key", 0)).isNull();
        assertThat(rules.flag("-k " + TOKEN, 0)).isNull();
    }

    @Test
    void aUrlsUserinfoGivesItsPassword() {
        String url = "postgres://app:Hunter2x@db.internal/app";

        Candidate password = rules.urlUserinfo(url, url.indexOf('@'));

        assertThat(password.secret()).isEqualTo("Hunter2x");
        assertThat(password.replacement()).isEqualTo("\u20262x");
        assertThat(rules.urlUserinfo("mail me: app:Hunter2x@db.internal", 21)).isNull();
        assertThat(rules.urlUserinfo("https://app@db.internal", 11)).isNull();
        assertThat(rules.urlUserinfo("https://app:pass@db", 16)).isNull();
        assertThat(rules.urlUserinfo("@x", 0)).isNull();
    }

    @Test
    void isOrWeiAfterASecretNameIntroducesItsValue() {
        assertThat(rules.copula("我的令牌是" + TOKEN, 4).secret()).isEqualTo(TOKEN);
        assertThat(rules.copula("api key 为 " + TOKEN, 8).secret()).isEqualTo(TOKEN);
        assertThat(rules.copula("DB password是Hunter2x", 11).secret()).isEqualTo("Hunter2x");
        assertThat(rules.copula("模型是" + TOKEN, 2)).isNull();
        assertThat(rules.copula("monkey是" + TOKEN, 6)).isNull();
    }

    private String assigned(String text, char separator) {
        Candidate found = rules.assignment(text, text.indexOf(separator));
        return found == null ? null : found.secret();
    }
}
