package io.gatedesk.answer;

import java.time.Instant;

/**
 * A short answer: a Markdown body with {@code {{placeholders}}} for one category ({@code null}: general) in one
 * language. {@code edited} says an admin changed a seeded answer, so new seeds leave it alone.
 */
public record ShortAnswer(long id, String key, String language, String title, String category, String body,
                          boolean retired, boolean seeded, boolean edited, int currentVersion, String updatedBy,
                          Instant updatedAt) {
}
