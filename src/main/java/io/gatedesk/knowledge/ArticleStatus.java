package io.gatedesk.knowledge;

/** draft → in review → published → archived; an archived article may be drafted again. */
public enum ArticleStatus {
    DRAFT,
    IN_REVIEW,
    PUBLISHED,
    ARCHIVED
}
