package io.gatedesk.gatewaylog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds gateway request IDs in free text (ticket fields, pasted error bodies, HTTP dumps), so a ticket can be
 * matched to log rows exactly. Recognised:
 * <ul>
 *   <li>one-api / new-api IDs: {@code YYYYMMDDhhmmss} + nanoseconds + 8 random characters (digits in one-api,
 *       letters or digits in new-api), 20 to 40 characters, whose first 14 digits are a real date and time;</li>
 *   <li>labelled IDs: {@code (request id: X)}, {@code X-Oneapi-Request-Id: X}, {@code x-request-id: X},
 *       {@code x-litellm-call-id: X}, {@code "request_id": "X"}, {@code 请求 ID：X};</li>
 *   <li>{@code chatcmpl-…} response IDs, OpenAI / Anthropic {@code req_…} IDs, and UUIDs.</li>
 * </ul>
 * Plain numbers, phone numbers, 14-digit timestamps, model names with dates and {@code sk-} keys are not IDs.
 */
public final class RequestIdExtractor {

    // The lookahead for the labels' first letters lets the engine pass over most positions with one check instead
    // of trying six alternatives at each (a third of the extractor's time on ticket texts).
    private static final Pattern LABELLED = Pattern.compile(
            "(?i)(?=[xr请])(?:x-oneapi-request-id|x-new-api-request-id|x-litellm-call-id|x-request-id|request[ _-]?id"
                    + "|请求\\s*id)[\"']?\\s*[:=：]\\s*[\"']?([A-Za-z0-9][A-Za-z0-9_.:\\-]{5,127})");
    private static final Pattern ALNUM_RUN = Pattern.compile("[A-Za-z0-9]{20,48}");
    private static final Pattern CHAT_COMPLETION = Pattern.compile("chatcmpl-[A-Za-z0-9_-]{8,}");
    private static final Pattern PROVIDER_REQUEST = Pattern.compile("req_[A-Za-z0-9]{16,}");
    private static final Pattern UUID = Pattern.compile(
            "(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private RequestIdExtractor() {
    }

    private record Found(int start, int end, String id) {
    }

    /** Distinct request IDs in {@code text}, in order of appearance; empty for {@code null}. */
    public static List<String> extract(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Found> found = new ArrayList<>();
        Matcher m = LABELLED.matcher(text);
        while (m.find()) {
            String id = trimTrailing(m.group(1));
            if (hasDigit(id) && !id.startsWith("sk-")) {
                found.add(new Found(m.start(1), m.start(1) + id.length(), id));
            }
        }
        m = ALNUM_RUN.matcher(text);
        while (m.find()) {
            if (isolated(text, m.start(), m.end()) && isGatewayId(m.group()) && !afterKeyPrefix(text, m.start())) {
                found.add(new Found(m.start(), m.end(), m.group()));
            }
        }
        for (Pattern p : List.of(CHAT_COMPLETION, PROVIDER_REQUEST, UUID)) {
            m = p.matcher(text);
            while (m.find()) {
                String id = trimTrailing(m.group());
                if (isolated(text, m.start(), m.start() + id.length()) && (p != PROVIDER_REQUEST || hasDigit(id))) {
                    found.add(new Found(m.start(), m.start() + id.length(), id));
                }
            }
        }
        // Earlier first; at one position the longer match wins, and a match inside an accepted one (the UUID inside
        // LiteLLM's chatcmpl-<uuid>) is the same ID seen twice.
        found.sort(Comparator.comparingInt(Found::start).thenComparing(f -> -(f.end() - f.start())));
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        int coveredUntil = -1;
        for (Found f : found) {
            if (f.start() < coveredUntil && f.end() <= coveredUntil) {
                continue;
            }
            ids.add(f.id());
            coveredUntil = Math.max(coveredUntil, f.end());
        }
        return List.copyOf(ids);
    }

    /**
     * A one-api / new-api ID: 20–40 digits, or at least 15 digits followed by letters and digits; either way the
     * first 14 digits must be a plausible timestamp from 2000 on.
     */
    static boolean isGatewayId(String s) {
        int digits = 0;
        while (digits < s.length() && Character.isDigit(s.charAt(digits))) {
            digits++;
        }
        boolean allDigits = digits == s.length();
        if (allDigits ? s.length() > 40 : digits < 15) {
            return false;
        }
        return plausibleTimestamp(s);
    }

    private static boolean plausibleTimestamp(String s) {
        int year = Integer.parseInt(s.substring(0, 4));
        int month = Integer.parseInt(s.substring(4, 6));
        int day = Integer.parseInt(s.substring(6, 8));
        int hour = Integer.parseInt(s.substring(8, 10));
        int minute = Integer.parseInt(s.substring(10, 12));
        int second = Integer.parseInt(s.substring(12, 14));
        return year >= 2000 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31
                && hour <= 23 && minute <= 59 && second <= 59;
    }

    /** Not part of a longer token: an ID embedded in a key, hash or word is not an ID. */
    private static boolean isolated(String text, int start, int end) {
        boolean before = start == 0 || !isIdChar(text.charAt(start - 1));
        boolean after = end >= text.length() || !isIdChar(text.charAt(end));
        return before && after;
    }

    private static boolean isIdChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }

    /** The body of an {@code sk-} key is never an ID, however it starts. */
    private static boolean afterKeyPrefix(String text, int start) {
        return start >= 3 && text.regionMatches(true, start - 3, "sk-", 0, 3);
    }

    private static String trimTrailing(String id) {
        int end = id.length();
        while (end > 0 && ".:-_".indexOf(id.charAt(end - 1)) >= 0) {
            end--;
        }
        return id.substring(0, end);
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
