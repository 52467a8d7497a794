package io.gatedesk.gatewaydb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds image, video and music task IDs in free text, so a ticket can be matched to the gateway's own task rows.
 * The formats, as the gateways store them:
 * <ul>
 *   <li>new-api's public task IDs: {@code task_} and 32 letters or digits ({@code GenerateTaskID} in
 *       QuantumNous/new-api {@code model/task.go}); found anywhere;</li>
 *   <li>OpenAI / Sora video IDs ({@code video_} and hex), which older new-api rows keep as {@code task_id}; found
 *       anywhere;</li>
 *   <li>Midjourney task IDs, {@code mj_id} in the {@code midjourneys} table of new-api and one-api
 *       ({@code model/midjourney.go}): midjourney-proxy's 16 random digits ({@code RandomUtil.randomNumbers(16)} in
 *       novicezk/midjourney-proxy {@code SubmitController.java}), up to 19 in its forks; and the upstream IDs older
 *       new-api rows keep for Suno, Kling, Runway (UUIDs, base64-like strings). A bare number or UUID is too
 *       common to be a task by itself (order numbers, request IDs), so these are taken only after a label
 *       ({@code task id:}, {@code taskId}, {@code mj_id}, {@code 任务 ID：}) or in a task URL
 *       ({@code /mj/task/{id}/fetch}, {@code /v1/videos/{id}}, {@code /suno/fetch/{id}}).</li>
 * </ul>
 * Request IDs, {@code sk-} keys and ordinary numbers are not task IDs.
 */
public final class TaskIdExtractor {

    /** A ticket names a handful of tasks at most; more than this is a pasted list, and the first ones are read. */
    public static final int MAX_IDS = 5;

    private static final Pattern NEW_API_TASK = Pattern.compile("task_[A-Za-z0-9]{32}");
    private static final Pattern VIDEO = Pattern.compile("video_[0-9a-f]{24,64}");
    private static final Pattern LABELLED = Pattern.compile(
            "(?i)(?:task[ _-]?id|mj[ _-]?id|任务\\s*(?:id|编号|号))[\"']?\\s*(?:[:=：]|is)\\s*[\"']?"
                    + "([A-Za-z0-9][A-Za-z0-9_-]{7,63})");
    private static final Pattern IN_URL = Pattern.compile(
            "(?i)/(?:mj/task|v1/videos|suno/fetch|kling/v1/videos/[a-z0-9-]+|v1/video/generations)/"
                    + "([A-Za-z0-9][A-Za-z0-9_-]{7,63})");

    private TaskIdExtractor() {
    }

    private record Found(int start, String id) {
    }

    /** Distinct task IDs in {@code texts}, in order of appearance, at most {@link #MAX_IDS}. */
    public static List<String> extract(List<String> texts) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (String text : texts) {
            ids.addAll(extract(text));
        }
        return ids.stream().limit(MAX_IDS).toList();
    }

    /** Distinct task IDs in {@code text}, in order of appearance; empty for {@code null}. */
    public static List<String> extract(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Found> found = new ArrayList<>();
        for (Pattern unlabelled : List.of(NEW_API_TASK, VIDEO)) {
            Matcher m = unlabelled.matcher(text);
            while (m.find()) {
                if (isolated(text, m.start(), m.end())) {
                    found.add(new Found(m.start(), m.group()));
                }
            }
        }
        for (Pattern labelled : List.of(LABELLED, IN_URL)) {
            Matcher m = labelled.matcher(text);
            while (m.find()) {
                String id = m.group(1);
                if (isolated(text, m.start(1), m.end(1)) && plausible(id)) {
                    found.add(new Found(m.start(1), id));
                }
            }
        }
        found.sort(Comparator.comparingInt(Found::start));
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        found.forEach(f -> ids.add(f.id()));
        return List.copyOf(ids);
    }

    /** A labelled value is a task ID when it carries a digit and is not a key or a plain word. */
    private static boolean plausible(String id) {
        if (id.startsWith("sk-") || id.startsWith("sk_")) {
            return false;
        }
        boolean digit = false;
        for (int i = 0; i < id.length(); i++) {
            digit |= Character.isDigit(id.charAt(i));
        }
        return digit;
    }

    /** Not part of a longer token: an ID embedded in a key, hash or word is not an ID. */
    private static boolean isolated(String text, int start, int end) {
        boolean before = start == 0 || !isIdChar(text.charAt(start - 1));
        boolean after = end >= text.length() || !isIdChar(text.charAt(end));
        return before && after;
    }

    private static boolean isIdChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-');
    }
}
