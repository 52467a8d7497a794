package io.gatedesk.selfservice;

import io.gatedesk.ticket.ClientApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Client × typed base URL → the problems found, most important first, and the fix; one row per real mistake. */
class ConfigCheckTableTest {

    static final SiteSettings SITE = new SiteSettings("Acme AI", "https://api.example.com",
            List.of("https://example.com", "https://console.example.com", "https://api.example.com/panel"));
    static final List<CatalogueModel> CATALOGUE = List.of(
            new CatalogueModel("gpt-4o-mini", List.of("4o mini"), List.of("default")),
            new CatalogueModel("gpt-4o", List.of("gpt4o", "4o"), List.of("default", "vip")),
            new CatalogueModel("claude-3-5-sonnet-20241022", List.of("claude sonnet", "sonnet"), List.of("vip")),
            new CatalogueModel("deepseek-chat", List.of("deepseek v3"), List.of()));

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvFileSource(resources = "/selfservice/config-check-cases.csv", delimiter = '|', quoteCharacter = '\u0001',
            ignoreLeadingAndTrailingWhitespace = false, commentCharacter = '#')
    void eachClientGetsTheProblemsOfWhatWasTypedAndItsOwnFix(String client, String baseUrl, String expected,
                                                              String fix) {
        CheckVerdict verdict = ConfigChecker.check(SITE, CATALOGUE, ClientApp.valueOf(client), baseUrl, "gpt-4o");
        List<String> codes = verdict.codes().stream().map(Enum::name).toList();
        assertThat(codes).isEqualTo(expected.equals("OK") ? List.of() : Arrays.asList(expected.split(" ")));
        assertThat(verdict.ok()).isEqualTo(expected.equals("OK"));
        assertThat(verdict.fix()).isEqualTo(fix);
    }

    @Test
    void unknownModelSuggestsByCaseAliasAndEditDistance() {
        assertThat(suggestionsFor("GPT-4o")).startsWith("gpt-4o");
        assertThat(suggestionsFor("claude sonnet")).isEqualTo("claude-3-5-sonnet-20241022");
        assertThat(suggestionsFor("gpt-4o-mnii")).startsWith("gpt-4o-mini");
        assertThat(suggestionsFor("deepseek-chta")).isEqualTo("deepseek-chat");
        CheckVerdict nothingClose = ConfigChecker.check(SITE, CATALOGUE, ClientApp.CURSOR,
                "https://api.example.com/v1", "llama-3-70b");
        assertThat(nothingClose.codes()).containsExactly(ProblemCode.UNKNOWN_MODEL);
        assertThat(nothingClose.findings().get(0).messageKey()).isEqualTo("selfservice.check.UNKNOWN_MODEL.none");
    }

    @Test
    void knownModelOrNoCatalogueOrNoModelIsNoProblem() {
        assertThat(ConfigChecker.check(SITE, CATALOGUE, ClientApp.CURSOR, "https://api.example.com/v1", "gpt-4o").ok())
                .isTrue();
        assertThat(ConfigChecker.check(SITE, List.of(), ClientApp.CURSOR, "https://api.example.com/v1", "x").ok())
                .isTrue();
        assertThat(ConfigChecker.check(SITE, CATALOGUE, ClientApp.CURSOR, "https://api.example.com/v1", " ").ok())
                .isTrue();
    }

    @Test
    void urlProblemsComeBeforeTheModel() {
        CheckVerdict verdict = ConfigChecker.check(SITE, CATALOGUE, ClientApp.CURSOR,
                " https://api.example.com/v1/v1", "gpt4o");
        assertThat(verdict.codes()).containsExactly(ProblemCode.DOUBLE_V1, ProblemCode.WHITESPACE_OR_QUOTES,
                ProblemCode.UNKNOWN_MODEL);
        assertThat(verdict.findings().get(2).details()).containsExactly("gpt4o", "gpt-4o");
    }

    @Test
    void aSiteBehindAPathKeepsItsPath() {
        SiteSettings site = new SiteSettings("Sub", "https://example.net/gateway/v1/", List.of());
        assertThat(site.apiBaseUrl()).isEqualTo("https://example.net/gateway");
        assertThat(ConfigChecker.check(site, List.of(), ClientApp.CURSOR, "https://example.net/gateway/v1", null).ok())
                .isTrue();
        assertThat(ConfigChecker.check(site, List.of(), ClientApp.NEXTCHAT, "https://example.net/gateway/v1", null)
                .codes()).containsExactly(ProblemCode.DOUBLE_V1);
        assertThat(ConfigChecker.expectedBaseUrl(site, ClientApp.CURL))
                .isEqualTo("https://example.net/gateway/v1/chat/completions");
    }

    @Test
    void emptyInputIsNotAUrl() {
        assertThat(ConfigChecker.check(SITE, CATALOGUE, ClientApp.DIFY, "", null).codes())
                .containsExactly(ProblemCode.NOT_A_URL);
        assertThat(ConfigChecker.check(SITE, CATALOGUE, null, null, null).fix()).isEqualTo("https://api.example.com/v1");
    }

    private static String suggestionsFor(String model) {
        CheckVerdict verdict = ConfigChecker.check(SITE, CATALOGUE, ClientApp.CURSOR, "https://api.example.com/v1",
                model);
        assertThat(verdict.codes()).containsExactly(ProblemCode.UNKNOWN_MODEL);
        return verdict.findings().get(0).details().get(1);
    }
}
