package io.gatedesk.knowledge;

import io.gatedesk.secret.SecretScanner;
import io.gatedesk.selfservice.HelpClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every article shipped in {@code templates-seed/articles} is published by the seeder at start, so it must parse, have
 * both language twins, render, and pass the privacy gate exactly as an editor's article must at publish.
 */
class ShippedArticlesTest {

    static final Path ARTICLES = Path.of("templates-seed", "articles");
    static final PrivacyGate GATE = new PrivacyGate(new SecretScanner());
    static final ArticleRenderer RENDERER = new ArticleRenderer();

    record Shipped(String fileName, ArticleDraft draft) {
        @Override
        public String toString() {
            return fileName;
        }
    }

    static List<Shipped> shipped() throws IOException {
        try (Stream<Path> files = Files.list(ARTICLES)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".md")).sorted()
                    .map(ShippedArticlesTest::parse).toList();
        }
    }

    private static Shipped parse(Path file) {
        try {
            String name = file.getFileName().toString();
            return new Shipped(name, ArticleSeeder.parse(name, Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everySlugShipsInEnglishAndChineseWithOneCategory() throws IOException {
        Map<String, List<ArticleDraft>> bySlug = shipped().stream().map(Shipped::draft)
                .collect(Collectors.groupingBy(ArticleDraft::slug, TreeMap::new, Collectors.toList()));
        assertThat(bySlug).containsKeys("openai-compatible-entry", "production-launch-checklist", "team-cost-control",
                "support-reply-templates", "integration-templates", "model-not-available", "glossary");
        bySlug.forEach((slug, twins) -> {
            assertThat(twins).as(slug).extracting(ArticleDraft::lang).containsExactlyInAnyOrder("en", "zh-CN");
            assertThat(twins).as(slug).extracting(ArticleDraft::category).containsOnly(twins.get(0).category());
        });
    }

    @Test
    void theSeederFindsEveryFileOnTheClasspath() throws IOException {
        assertThat(ArticleSeeder.shipped()).extracting(d -> d.slug() + "." + d.lang() + ".md")
                .containsExactlyInAnyOrderElementsOf(shipped().stream().map(Shipped::fileName).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    void categoryIsKnownAndTheBodyRendersWithAnchoredHeadings(Shipped article) {
        ArticleDraft draft = article.draft();
        assertThat(KnowledgeBase.categories()).contains(draft.category());
        assertThat(draft.summary()).isNotBlank();
        Document html = Jsoup.parseBodyFragment(RENDERER.html(draft.body()));
        assertThat(html.select("h2")).as("sections").isNotEmpty();
        assertThat(html.select("h2, h3, h4")).allSatisfy(h -> assertThat(h.id()).isNotBlank());
        assertThat(html.select("script, [onclick], [onload]")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    void linksToOtherPagesOfTheSiteLeadToPagesThatExist(Shipped article) throws IOException {
        Set<String> kb = shipped().stream().map(s -> KnowledgeBase.path(s.draft().lang(), s.draft().slug()))
                .collect(Collectors.toSet());
        Document html = Jsoup.parseBodyFragment(RENDERER.html(article.draft().body()));
        for (String href : html.select("a[href^=/]").eachAttr("href")) {
            String path = href.replaceAll("[?#].*$", "");
            if (path.startsWith("/kb/")) {
                assertThat(kb).as(href).contains(path);
            } else if (path.startsWith("/help/clients/")) {
                assertThat(HelpClient.fromSlug(path.substring("/help/clients/".length()))).as(href).isPresent();
            } else {
                assertThat(path).as(href).isIn("/help", "/help/config-check");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    void thePrivacyGateFindsNothing(Shipped article) {
        ArticleDraft draft = article.draft();
        List<PrivacyFinding> findings = GATE.scan(
                PrivacyGate.fields(draft.title(), draft.summary(), draft.body(), draft.tags()), List.of());
        assertThat(findings).as(article.fileName()).isEmpty();
    }
}
