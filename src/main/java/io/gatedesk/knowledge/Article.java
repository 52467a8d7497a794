package io.gatedesk.knowledge;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** One article in one language, as the rest of GateDesk sees it. */
public record Article(long id, String slug, String lang, String title, String summary, String body, String category,
                      String tags, ArticleStatus status, String origin, Long sourceTicketId, String createdBy,
                      String lastEditedBy, String publishedBy, Instant publishedAt, Instant modifiedAt,
                      Instant verifiedAt, int revision, long version) {

    /** The site-relative canonical URL of the published page. */
    public String path() {
        return KnowledgeBase.path(lang, slug);
    }

    public boolean published() {
        return status == ArticleStatus.PUBLISHED;
    }

    public List<String> tagList() {
        return tags == null || tags.isBlank() ? List.of()
                : Arrays.stream(tags.split(",")).map(String::strip).filter(tag -> !tag.isEmpty()).toList();
    }
}
