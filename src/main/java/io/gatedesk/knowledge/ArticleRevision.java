package io.gatedesk.knowledge;

import java.time.Instant;

/** One kept revision of an article: what changed, by whom, when, and the text as it was. */
public record ArticleRevision(int revision, String changeKind, ArticleStatus status, String title, String summary,
                              String body, String category, String tags, String author, Instant createdAt) {
}
