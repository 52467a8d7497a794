package io.gatedesk.selfservice;

import io.gatedesk.ticket.ClientApp;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The check judges what a URL means, not how it was pasted. */
class ConfigCheckPropertiesTest {

    static final SiteSettings SITE = ConfigCheckTableTest.SITE;
    static final List<CatalogueModel> CATALOGUE = ConfigCheckTableTest.CATALOGUE;

    @Property(tries = 400)
    void whitespaceAndQuotesAroundAUrlChangeNothingButTheirOwnProblem(@ForAll("clients") ClientApp client,
                                                                        @ForAll("urls") String url,
                                                                        @ForAll("wrappers") String before,
                                                                        @ForAll("wrappers") String after) {
        CheckVerdict plain = ConfigChecker.check(SITE, CATALOGUE, client, url, "gpt-4o");
        CheckVerdict wrapped = ConfigChecker.check(SITE, CATALOGUE, client, before + url + after, "gpt-4o");
        List<ProblemCode> wrappedCodes = new ArrayList<>(wrapped.codes());
        wrappedCodes.remove(ProblemCode.WHITESPACE_OR_QUOTES);
        assertThat(wrappedCodes).isEqualTo(plain.codes());
        assertThat(wrapped.fix()).isEqualTo(plain.fix());
        assertThat(wrapped.codes().contains(ProblemCode.WHITESPACE_OR_QUOTES))
                .isEqualTo(!(before + after).isEmpty());
    }

    @Property(tries = 400)
    void theCaseOfSchemeAndHostChangesNothing(@ForAll("clients") ClientApp client, @ForAll("urls") String url,
                                              @ForAll long seed) {
        int split = url.indexOf('/', url.indexOf("//") + 2);
        String head = split < 0 ? url : url.substring(0, split);
        String tail = split < 0 ? "" : url.substring(split);
        StringBuilder mixed = new StringBuilder();
        java.util.Random random = new java.util.Random(seed);
        for (char c : head.toCharArray()) {
            mixed.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        CheckVerdict lower = ConfigChecker.check(SITE, CATALOGUE, client, head.toLowerCase(Locale.ROOT) + tail, null);
        CheckVerdict variant = ConfigChecker.check(SITE, CATALOGUE, client, mixed + tail, null);
        assertThat(variant.codes()).isEqualTo(lower.codes());
        assertThat(variant.fix()).isEqualTo(lower.fix());
    }

    @Property(tries = 400)
    void theFixFedBackInIsAlwaysOk(@ForAll("clients") ClientApp client, @ForAll("urls") String url,
                                   @ForAll("wrappers") String before) {
        CheckVerdict first = ConfigChecker.check(SITE, CATALOGUE, client, before + url, "gpt-4o");
        CheckVerdict again = ConfigChecker.check(SITE, CATALOGUE, client, first.fix(), "gpt-4o");
        assertThat(again.ok()).as(first.fix()).isTrue();
        assertThat(again.fix()).isEqualTo(first.fix());
    }

    @Property(tries = 200)
    void aModelInAnyOtherCaseIsUnknownButSuggestsTheExactName(@ForAll("models") String model) {
        String shouted = model.toUpperCase(Locale.ROOT);
        CheckVerdict verdict = ConfigChecker.check(SITE, CATALOGUE, ClientApp.CURSOR, "https://api.example.com/v1",
                shouted);
        assertThat(verdict.codes()).containsExactly(ProblemCode.UNKNOWN_MODEL);
        assertThat(verdict.findings().get(0).details().get(1)).startsWith(model);
    }

    @Provide
    Arbitrary<ClientApp> clients() {
        return Arbitraries.of(ClientApp.class);
    }

    @Provide
    Arbitrary<String> models() {
        return Arbitraries.of(CATALOGUE.stream().map(CatalogueModel::name).toList());
    }

    @Provide
    Arbitrary<String> wrappers() {
        return Arbitraries.of("", " ", "  ", "\t", "\n", "\"", "'", "`", "“", "”", " \"", "\" ", "\u3000", "\u00A0",
                "「", " ' ");
    }

    @Provide
    Arbitrary<String> urls() {
        Arbitrary<String> scheme = Arbitraries.of("https://", "http://");
        Arbitrary<String> host = Arbitraries.of("api.example.com", "example.com", "console.example.com",
                "api.openai.com", "api.example.com:8443", "gateway.example.org");
        Arbitrary<String> path = Arbitraries.of("", "/", "/v1", "/v1/", "/v1/v1", "/v1/chat/completions",
                "/chat/completions", "/v1/models", "/panel", "/console/token", "/v1/v1/chat/completions", "/v1#", "#",
                "/v1/embeddings", "/api/v1");
        return Combinators.combine(scheme, host, path).as((s, h, p) -> s + h + p);
    }
}
