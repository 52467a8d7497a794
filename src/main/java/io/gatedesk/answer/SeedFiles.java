package io.gatedesk.answer;

import io.gatedesk.triage.ErrorCategory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the plain seed files: {@code templates-seed/answers/<key>.<en|zh-CN>.md} (a front matter with {@code title}
 * and {@code category}, then the Markdown body) and {@code templates-seed/checklists/*.checklist} (a
 * {@code category:} line, then {@code item-key | English | 中文} per item). A malformed file fails the start, naming it.
 */
final class SeedFiles {

    static final String ANSWERS = "classpath*:templates-seed/answers/*.md";
    static final String CHECKLISTS = "classpath*:templates-seed/checklists/*.checklist";
    static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern ANSWER_FILE = Pattern.compile("(.+)\\.(en|zh-CN)\\.md");

    record SeedAnswer(String key, String language, String title, String category, String body) {

        String hash() {
            return StoredAnswer.contentHash(title, category, body, false);
        }
    }

    record SeedItem(String key, String category, int position, String textEn, String textZh) {
    }

    private SeedFiles() {
    }

    static List<SeedAnswer> answers() {
        List<SeedAnswer> answers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Resource resource : resources(ANSWERS)) {
            SeedAnswer answer = parseAnswer(String.valueOf(resource.getFilename()), read(resource));
            if (!seen.add(answer.key() + "/" + answer.language())) {
                throw new IllegalStateException("Duplicate seed answer " + resource.getFilename());
            }
            answers.add(answer);
        }
        return answers;
    }

    static SeedAnswer parseAnswer(String fileName, String content) {
        Matcher name = ANSWER_FILE.matcher(fileName);
        if (!name.matches() || !KEY.matcher(name.group(1)).matches()) {
            throw new IllegalStateException("Seed answer " + fileName + ": name it <key>.en.md or <key>.zh-CN.md");
        }
        String text = content.replace("\r\n", "\n");
        if (!text.startsWith("---\n") || text.indexOf("\n---\n", 3) < 0) {
            throw new IllegalStateException("Seed answer " + fileName + ": starts with a --- front matter ---");
        }
        int end = text.indexOf("\n---\n", 3);
        String title = null;
        String category = null;
        for (String line : text.substring(4, end).split("\n")) {
            int colon = line.indexOf(':');
            if (line.isBlank()) {
                continue;
            }
            if (colon < 0) {
                throw new IllegalStateException("Seed answer " + fileName + ": front matter line without ':' " + line);
            }
            String field = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (field) {
                case "title" -> title = value;
                case "category" -> category = category(fileName, value);
                default -> throw new IllegalStateException("Seed answer " + fileName + ": unknown field " + field);
            }
        }
        String body = text.substring(end + 5).strip();
        if (title == null || title.isEmpty() || body.isEmpty()) {
            throw new IllegalStateException("Seed answer " + fileName + ": needs a title and a body");
        }
        List<String> unknown = PlaceholderRenderer.unknownIn(body);
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("Seed answer " + fileName + ": unknown placeholders " + unknown);
        }
        return new SeedAnswer(name.group(1), name.group(2), title, category, body);
    }

    static List<SeedItem> checklistItems() {
        List<SeedItem> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Resource resource : resources(CHECKLISTS)) {
            for (SeedItem item : parseChecklist(String.valueOf(resource.getFilename()), read(resource))) {
                if (!seen.add(item.key())) {
                    throw new IllegalStateException("Duplicate checklist item " + item.key() + " in "
                            + resource.getFilename());
                }
                items.add(item);
            }
        }
        return items;
    }

    static List<SeedItem> parseChecklist(String fileName, String content) {
        String category = null;
        List<SeedItem> items = new ArrayList<>();
        int lineNumber = 0;
        for (String raw : content.replace("\r\n", "\n").split("\n")) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("category:")) {
                category = category(fileName, line.substring("category:".length()).strip());
                continue;
            }
            String[] parts = line.split("\\|");
            if (category == null || parts.length != 3 || !KEY.matcher(parts[0].strip()).matches()
                    || parts[1].isBlank() || parts[2].isBlank()) {
                throw new IllegalStateException("Checklist " + fileName + " line " + lineNumber
                        + ": expected 'category: CODE' first, then 'item-key | English | 中文'");
            }
            items.add(new SeedItem(parts[0].strip(), category, items.size(), parts[1].strip(), parts[2].strip()));
        }
        return items;
    }

    private static String category(String fileName, String value) {
        if (value.isEmpty() || value.equalsIgnoreCase("general")) {
            return null;
        }
        try {
            return ErrorCategory.valueOf(value.toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(fileName + ": unknown category " + value, e);
        }
    }

    private static List<Resource> resources(String location) {
        try {
            List<Resource> sorted = new ArrayList<>(List.of(new PathMatchingResourcePatternResolver()
                    .getResources(location)));
            sorted.sort(Comparator.comparing(r -> String.valueOf(r.getFilename())));
            return sorted;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + location, e);
        }
    }

    private static String read(Resource resource) {
        try (var in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
