package io.gatedesk.answer;

import java.time.Instant;

/** One kept state of a short answer, newest first on the admin page. */
public record ShortAnswerVersion(int number, String changeKind, String title, String category, String body,
                                 boolean retired, String changedBy, Instant changedAt) {
}
