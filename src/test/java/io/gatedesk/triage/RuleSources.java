package io.gatedesk.triage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code # sources: a, b} comment above each seed rule: where its words were taken from. The loader ignores
 * comments; the leave-one-source-out measurement switches a source's rules off before it classifies that source.
 */
final class RuleSources {

    private static final String MARKER = "# sources:";

    private RuleSources() {
    }

    /** Rule id to the sources named above it, for every rule file in the directory; a rule without the line maps to none. */
    static Map<String, Set<String>> read(Path directory) {
        Map<String, Set<String>> sources = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".rules")).sorted().toList()) {
                readFile(Files.readAllLines(file, StandardCharsets.UTF_8), sources);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    private static void readFile(List<String> lines, Map<String, Set<String>> sources) {
        Set<String> pending = Set.of();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                pending = Set.of();
            }
            else if (line.startsWith(MARKER)) {
                pending = Arrays.stream(line.substring(MARKER.length()).split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
            }
            else if (line.startsWith("id:")) {
                sources.put(line.substring(3).strip(), pending);
            }
        }
    }
}
