package io.gatedesk.knowledge;

import io.gatedesk.common.Hashing;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publishes the shipped articles, {@code templates-seed/articles/<slug>.<en|zh-CN>.md} (a front matter with
 * {@code title}, {@code summary}, {@code category}, {@code tags}, then Markdown), at start; idempotent, and an
 * article an editor changed is left alone. A malformed file fails the start, naming it.
 */
@Component
class ArticleSeeder implements SmartInitializingSingleton {

    static final String ARTICLES = "classpath*:templates-seed/articles/*.md";
    private static final Pattern FILE = Pattern.compile("([a-z0-9][a-z0-9-]*)\\.(en|zh-CN)\\.md");

    private final KnowledgeBase kb;

    ArticleSeeder(KnowledgeBase kb) {
        this.kb = kb;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (ArticleDraft draft : shipped()) {
            kb.seed(draft, Hashing.sha256Hex(draft.title() + "\n" + draft.summary() + "\n" + draft.category() + "\n"
                    + draft.tags() + "\n" + draft.body()));
        }
    }

    static List<ArticleDraft> shipped() {
        List<ArticleDraft> drafts = new ArrayList<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(ARTICLES);
            for (Resource resource : resources) {
                drafts.add(parse(String.valueOf(resource.getFilename()),
                        resource.getContentAsString(StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return drafts;
    }

    static ArticleDraft parse(String fileName, String content) {
        Matcher name = FILE.matcher(fileName);
        String text = content.replace("\r\n", "\n");
        int end = text.indexOf("\n---\n", 3);
        if (!name.matches() || !text.startsWith("---\n") || end < 0) {
            throw new IllegalStateException("Seed article " + fileName
                    + ": name it <slug>.en.md or <slug>.zh-CN.md and start with a --- front matter ---");
        }
        Map<String, String> front = new LinkedHashMap<>();
        for (String line : text.substring(4, end).split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                front.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        String category = front.getOrDefault("category", "");
        if (!KnowledgeBase.categories().contains(category) || front.getOrDefault("title", "").isEmpty()) {
            throw new IllegalStateException("Seed article " + fileName + ": needs a title and a known category");
        }
        return new ArticleDraft(front.get("title"), front.getOrDefault("summary", ""), text.substring(end + 5).strip(),
                name.group(2), category, front.getOrDefault("tags", ""), name.group(1));
    }
}
