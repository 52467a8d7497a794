package io.gatedesk.knowledge;

/** What an editor writes: the API's and the editor form's body. Blank optional fields keep their defaults. */
public record ArticleDraft(String title, String summary, String body, String lang, String category, String tags,
                           String slug) {
}
