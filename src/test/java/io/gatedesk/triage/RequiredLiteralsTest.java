package io.gatedesk.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequiredLiteralsTest {

    private static Optional<RequiredLiterals> prefilterOf(String regex) {
        return RequiredLiterals.of(ClassificationRule.compile("value", regex));
    }

    private static List<String> literalsOf(String regex) {
        Optional<RequiredLiterals> literals = prefilterOf(regex);
        assertThat(literals).as("prefilter for %s", regex).isPresent();
        return literals.get().literals();
    }

    @Test
    void eachTopLevelAlternativeGivesItsLongestRunOfPlainCharacters() {
        assertThat(literalsOf("too many requests|resource has been exhausted|tokens per min"))
                .containsExactly("too many requests", "resource has been exhausted", "tokens per min");
        assertThat(literalsOf("rate limit (reached|exceeded)|requests per (minute|min)\\b"))
                .containsExactly("rate limit ", "requests per ");
    }

    @Test
    void anOptionalCharacterOrGroupIsNotPartOfTheRun() {
        assertThat(literalsOf("exceed(ed)? the rate limit")).containsExactly(" the rate limit");
        assertThat(literalsOf("colou?r")).containsExactly("colo");
        assertThat(literalsOf("internal server ?error")).containsExactly("internal server");
        assertThat(literalsOf("abc*defg")).containsExactly("defg");
        assertThat(literalsOf("you didn'?t provide an api key")).containsExactly("t provide an api key");
    }

    @Test
    void aCountedRepetitionEndsTheRunAfterTheCharacterOnlyIfItCountsFromOne() {
        assertThat(literalsOf("并发.{0,6}(限制|太高)")).containsExactly("并发");
        assertThat(literalsOf("ab{2}cde")).containsExactly("cde");
        assertThat(literalsOf("xyzw{1,}ab")).containsExactly("xyzw");
        assertThat(literalsOf("xyzw{0,3}ab")).containsExactly("xyz");
        assertThat(literalsOf("xyzw{0}ab")).containsExactly("xyz");
    }

    @Test
    void aRepeatedCharacterCountsOnceAndEndsTheRun() {
        assertThat(literalsOf("/v1/+v1\\b")).containsExactly("/v1/");
        assertThat(literalsOf("ab+cdef")).containsExactly("cdef");
        assertThat(literalsOf("xyzab+c")).containsExactly("xyzab");
        // Lazy and possessive marks change how, not whether, the character repeats.
        assertThat(literalsOf("xyab+?c")).containsExactly("xyab");
        assertThat(literalsOf("ab*+cde")).containsExactly("cde");
        assertThat(literalsOf("ab??cde")).containsExactly("cde");
    }

    @Test
    void escapedMetacharactersAreLiterals() {
        assertThat(literalsOf("invalid url \\((get|post)\\s")).containsExactly("invalid url (");
        assertThat(literalsOf("litellm\\.timeout")).containsExactly("litellm.timeout");
        assertThat(literalsOf("no \\[DONE\\]")).containsExactly("no [done]");
        assertThat(literalsOf("x\\-api\\/key\\?")).containsExactly("x-api/key?");
    }

    @Test
    void classesDotsAnchorsBoundariesAndShorthandsEndTheRun() {
        assertThat(literalsOf("unauthori[sz]ed")).containsExactly("unauthori");
        assertThat(literalsOf("^https?://[^/]+/?$")).containsExactly("http");
        assertThat(literalsOf("ab.cde")).containsExactly("cde");
        assertThat(literalsOf("\\brpm\\b")).containsExactly("rpm");
        assertThat(literalsOf("balance (of )?-\\s?\\d")).containsExactly("balance ");
        assertThat(literalsOf("ab\\d+cde\\wfg")).containsExactly("cde");
        assertThat(literalsOf("[(|)]abc[\\]x]")).containsExactly("abc");
    }

    @Test
    void aRunIsKeptWhereTheGroupsOfferLess() {
        assertThat(literalsOf("ab(c(d|e)|f(?:g|h))+ijk")).containsExactly("ijk");
        assertThat(literalsOf("(a|b)cde|x(e|(f|g))hij")).containsExactly("cde", "hij");
        assertThat(literalsOf("(?:foo|bar)bazz")).containsExactly("bazz");
        assertThat(literalsOf("(\\)|[)(])abc")).containsExactly("abc");
    }

    @Test
    void aGroupThatMustOccurGivesTheLiteralsOfItsAlternatives() {
        assertThat(literalsOf("(foo|bar)")).containsExactly("foo", "bar");
        assertThat(literalsOf("x(?:timeout|timed out)y")).containsExactly("timeout", "timed out");
        assertThat(literalsOf("(key|令牌)\\s*.{0,4}(不对|错误)|令牌无效")).containsExactly("key", "令牌");
        assertThat(literalsOf("(?:connection|read) (timeout|timed out)")).containsExactly("timeout", "timed out");
        // Each alternative of the group offers its own best literal, as a top-level one does.
        assertThat(literalsOf("(stops?|cut) (mid-?sentence|halfway)")).containsExactly("sentence", "halfway");
    }

    @ParameterizedTest
    @ValueSource(strings = {"(foo|bar)+", "(foo|bar)+?", "(foo|bar)++", "(foo|bar){1}", "(foo|bar){2}", "(foo|bar){1,}",
            "(foo|bar){1,3}", "(foo|bar){01,2}?"})
    void aGroupRepeatedAtLeastOnceStillMustOccur(String regex) {
        assertThat(literalsOf(regex + "\\d")).containsExactly("foo", "bar");
    }

    @ParameterizedTest
    @ValueSource(strings = {"(foo|bar)?", "(foo|bar)*", "(foo|bar){0}", "(foo|bar){0,2}", "(foo|bar){0,}",
            "(foo|bar){00,1}", "(foo|bar)??", "(foo|bar)*+", "(?:foo|bar)?+"})
    void aGroupThatMayBeAbsentGivesNoLiterals(String regex) {
        assertThat(prefilterOf(regex + "\\d")).isEmpty();
        assertThat(literalsOf(regex + "timeout")).containsExactly("timeout");
    }

    @ParameterizedTest
    @ValueSource(strings = {"(foo|)", "(|foo)", "(foo||bar)", "(foo|.)", "(foo|\\d+)", "(foo|[ab])", "(foo|b?a)",
            "(foo|(?:bar)?)", "(foo|x(a|b))", "()", "(?:)"})
    void aGroupWithAnAlternativeWithoutLiteralsGivesNone(String regex) {
        assertThat(prefilterOf(regex)).isEmpty();
        assertThat(literalsOf(regex + "timeout")).containsExactly("timeout");
    }

    @Test
    void nestedGroupsAreReadTheSameWay() {
        assertThat(literalsOf("(?:a(?:bcd|efg)|hij)k")).containsExactly("bcd", "efg", "hij");
        assertThat(literalsOf("((dead|time)line|cut(off)?)")).containsExactly("line", "cut");
        assertThat(literalsOf("(foo(bar)?|baz)")).containsExactly("foo", "baz");
        assertThat(literalsOf("((?:request|call)s? (?:too|so) (?:frequent|fast))")).containsExactly("request", "call");
    }

    @Test
    void eachAlternativeKeepsTheOfferWhoseShortestLiteralIsLongestThenTheFewest() {
        assertThat(literalsOf("(ab|cd)efg")).containsExactly("efg");
        assertThat(literalsOf("(abcd|bcde)ef")).containsExactly("abcd", "bcde");
        assertThat(literalsOf("abc(def|ghi)")).containsExactly("abc");
        assertThat(literalsOf("(def|ghi)abc")).containsExactly("abc");
        assertThat(literalsOf("(negative|no|zero) (balance|credits?)")).containsExactly("balance", "credit");
        assertThat(literalsOf("(填错|输错|复制错)了?\\s*(key|密钥|令牌)")).containsExactly("填错", "输错", "复制错");
    }

    @Test
    void aLiteralContainingAnotherIsDropped() {
        assertThat(literalsOf("(token|tokens|apikey|key)")).containsExactly("token", "key");
        assertThat(literalsOf("timeouts|Request Timeout|TIMEOUT")).containsExactly("timeout");
        assertThat(RequiredLiterals.anyOf(List.of("rate_limit_exceeded", "RATE_LIMIT")).literals()).containsExactly("rate_limit");
    }

    @Test
    void chineseAlternativesGiveTheirCharacters() {
        assertThat(literalsOf("限流|限速|(请求|调用)(太|过于)?频繁|并发.{0,6}(限制|太高|上限|就报)"))
                .containsExactly("限流", "限速", "频繁", "并发");
        assertThat(literalsOf("账[号户].{0,4}(禁用)|白名单")).containsExactly("禁用", "白名单");
    }

    @Test
    void literalsAreCaseFoldedAndRepeatsAreDropped() {
        assertThat(literalsOf("Too Many Requests|TOO MANY REQUESTS")).containsExactly("too many requests");
        assertThat(literalsOf("НЕВЕРНЫЙ КЛЮЧ")).containsExactly("неверный ключ");
        assertThat(literalsOf("\uD801\uDC00\uD801\uDC01x")).containsExactly("\uD801\uDC28\uD801\uDC29x");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "timeout|(a|b)", "foo|", "|foo", "foo||bar", ".*", "\\d+", "[a-z]+", "(foo|bar)?", "a?b?c?",
            "(stream|streaming)?\\b.{0,30}(stops?|cut)*"})
    void anAlternativeWithoutALiteralMeansNoPrefilter(String regex) {
        assertThat(prefilterOf(regex)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "(?i)timeout", "time(?-i)out", "(?x)time out", "(?u)timeout", "timeout(?=s)", "(?<!x)timeout",
            "(?<name>x)timeout", "(?>x)timeout", "timeout|(foo(?i)bar)", "\\Qtimeout\\E", "\\x41timeout",
            "\\u0041timeout", "\\p{L}timeout", "\\N{LATIN SMALL LETTER A}timeout", "(a)\\1timeout", "(?<n>a)\\k<n>timeout",
            "[a[b]]timeout", "[]a]timeout", "[a&&[b]]timeout", "\\b{g}timeout", "timeout\\cM", "timeout\\e", "\\0101timeout",
            "\\中timeout", "timeout]", "timeout}", "a\uD800timeout"})
    void constructsTheReaderDoesNotReasonAboutMeanNoPrefilter(String regex) {
        assertThat(prefilterOf(regex)).isEmpty();
    }

    @Test
    void aRuleThatNeedsOnlyOneAsciiCharacterIsAlwaysRun() {
        assertThat(prefilterOf("(n|z) (b|c)|quota exceeded")).isEmpty();
        assertThat(prefilterOf("/(c|t)(/|\\?|$)|#/")).isEmpty();
        assertThat(prefilterOf("(timeout|x)")).isEmpty();
        assertThat(literalsOf("账.{0,4}(禁)")).containsExactly("账");
    }

    @Test
    void aPatternCompiledWithOtherFlagsHasNoPrefilter() {
        // Under COMMENTS "too many" matches "toomany", which does not contain the literal "too many".
        assertThat(RequiredLiterals.of(Pattern.compile("too many", Pattern.CASE_INSENSITIVE | Pattern.COMMENTS))).isEmpty();
        assertThat(RequiredLiterals.of(Pattern.compile("too many", Pattern.CANON_EQ))).isEmpty();
        assertThat(RequiredLiterals.of(Pattern.compile("too many"))).isPresent();
    }

    @Test
    void errorCodesAreTheirOwnLiterals() {
        RequiredLiterals codes = RequiredLiterals.anyOf(List.of("insufficient_quota", "RESOURCE_EXHAUSTED"));

        assertThat(codes.literals()).containsExactly("insufficient_quota", "resource_exhausted");
        assertThat(codes.occurIn(RequiredLiterals.fold("\"code\": \"Resource_Exhausted\""))).isTrue();
        assertThat(codes.occurIn(RequiredLiterals.fold("quota"))).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> RequiredLiterals.anyOf(List.of()));
    }

    @Test
    void aFoldedTextContainsTheLiteralWhateverTheCase() {
        RequiredLiterals literals = prefilterOf("too many requests|频繁|неверный").orElseThrow();

        assertThat(literals.occurIn(RequiredLiterals.fold("HTTP 429 Too Many Requests"))).isTrue();
        assertThat(literals.occurIn(RequiredLiterals.fold("请求太频繁了"))).isTrue();
        assertThat(literals.occurIn(RequiredLiterals.fold("НЕВЕРНЫЙ ключ"))).isTrue();
        assertThat(literals.occurIn(RequiredLiterals.fold("too many tokens"))).isFalse();
    }

    @Test
    void foldingIsAsciiLowerCaseForAsciiAndUnicodeSimpleFoldingBeyond() {
        assertThat(RequiredLiterals.fold("Rate LIMIT 429")).isEqualTo("rate limit 429");
        // Kelvin sign and long s compare equal to k and s under UNICODE_CASE, and so must fold alike.
        assertThat(RequiredLiterals.fold("\u212A\u017F")).isEqualTo("ks");
        assertThat(RequiredLiterals.fold("ΣΑΣ ς")).isEqualTo("σασ σ");
        assertThat(RequiredLiterals.fold("\uD801\uDC00 \uD83D\uDE00 中")).isEqualTo("\uD801\uDC28 \uD83D\uDE00 中");
        assertThat(RequiredLiterals.fold("lone \uD800 surrogate")).isEqualTo("lone \uD800 surrogate");
    }

    @Test
    void foldingTwiceIsFoldingOnceForEveryCodePoint() {
        // UNICODE_CASE accepts a character equal to the pattern's folded one without folding it; that is only
        // the same test as comparing folds if a folded character folds to itself.
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            int folded = Character.toLowerCase(Character.toUpperCase(c));
            if (Character.toLowerCase(Character.toUpperCase(folded)) != folded) {
                throw new AssertionError("folding is not idempotent at U+" + Integer.toHexString(c));
            }
        }
    }
}
