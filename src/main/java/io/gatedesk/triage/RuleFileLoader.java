package io.gatedesk.triage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads classification rules from {@code *.rules} files: UTF-8 text, one rule per block of {@code key: value} lines,
 * blocks separated by blank lines, {@code #} starts a comment line. Values are taken verbatim after the first colon,
 * so a regular expression needs no escaping. See {@code templates-seed/rules/README.md}.
 */
class RuleFileLoader {

    static final String EXTENSION = ".rules";

    private static final Set<String> REQUIRED = Set.of("id", "category", "kind", "value", "weight", "description");
    private static final Set<String> OPTIONAL = Set.of("client", "unless-client");

    /** All rules from the {@code *.rules} files directly in {@code directory}, in file name order. */
    List<ClassificationRule> loadDirectory(Path directory) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(EXTENSION)).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot list rule directory " + directory, e);
        }
        List<ClassificationRule> rules = new ArrayList<>();
        Map<String, String> seenIn = new HashMap<>();
        for (Path file : files) {
            String content;
            try {
                content = Files.readString(file, StandardCharsets.UTF_8);
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot read rule file " + file, e);
            }
            for (ClassificationRule rule : parse(file.toString(), content)) {
                String earlier = seenIn.putIfAbsent(rule.id(), file.toString());
                if (earlier != null) {
                    throw new RuleFileException(file.toString(), 0, rule.id(), "duplicate id, already defined in " + earlier, null);
                }
                rules.add(rule);
            }
        }
        return List.copyOf(rules);
    }

    /** The rules in one file's content; {@code source} names the file in error messages. */
    List<ClassificationRule> parse(String source, String content) {
        List<ClassificationRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Map<String, String> fields = new LinkedHashMap<>();
        int blockStart = 0;
        String[] lines = content.split("\\R", -1);
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : "";
            int lineNumber = i + 1;
            String trimmed = line.strip();
            if (trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.isEmpty()) {
                if (!fields.isEmpty()) {
                    ClassificationRule rule = toRule(source, blockStart, fields);
                    if (!ids.add(rule.id())) {
                        throw new RuleFileException(source, blockStart, rule.id(), "duplicate id in this file", null);
                    }
                    rules.add(rule);
                    fields.clear();
                }
                continue;
            }
            if (fields.isEmpty()) {
                blockStart = lineNumber;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new RuleFileException(source, lineNumber, fields.get("id"),
                        "expected 'key: value', got '" + trimmed + "'", null);
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (!REQUIRED.contains(key) && !OPTIONAL.contains(key)) {
                throw new RuleFileException(source, lineNumber, fields.get("id"), "unknown key '" + key
                        + "'; known keys are " + new TreeSet<>(union()), null);
            }
            if (fields.putIfAbsent(key, value) != null) {
                throw new RuleFileException(source, lineNumber, fields.get("id"), "key '" + key + "' given twice", null);
            }
        }
        return List.copyOf(rules);
    }

    private static ClassificationRule toRule(String source, int line, Map<String, String> fields) {
        String id = fields.get("id");
        for (String key : REQUIRED) {
            if (!fields.containsKey(key) || fields.get(key).isEmpty()) {
                throw new RuleFileException(source, line, id, "missing '" + key + "'", null);
            }
        }
        ErrorCategory category = parseEnum(source, line, id, "category", fields.get("category"), ErrorCategory.class);
        RuleKind kind = parseEnum(source, line, id, "kind", fields.get("kind"), RuleKind.class);
        double weight;
        try {
            weight = Double.parseDouble(fields.get("weight"));
        }
        catch (NumberFormatException e) {
            throw new RuleFileException(source, line, id, "weight must be a number, got '" + fields.get("weight") + "'", e);
        }
        try {
            return new ClassificationRule(id, category, kind, fields.get("value"), weight, fields.get("description"),
                    fields.get("client"), fields.get("unless-client"));
        }
        catch (IllegalArgumentException | NullPointerException e) {
            throw new RuleFileException(source, line, id, e.getMessage(), e);
        }
    }

    private static <E extends Enum<E>> E parseEnum(String source, int line, String id, String key, String value,
                                                   Class<E> type) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            List<String> known = Stream.of(type.getEnumConstants()).map(Enum::name).toList();
            throw new RuleFileException(source, line, id, "unknown " + key + " '" + value + "'; expected one of " + known, e);
        }
    }

    private static Set<String> union() {
        Set<String> all = new HashSet<>(REQUIRED);
        all.addAll(OPTIONAL);
        return all;
    }
}
