package io.gatedesk.knowledge;

/** Someone saved the article since the editor loaded it, or the state does not allow the step. */
class ArticleConflictException extends RuntimeException {

    private final String messageKey;

    ArticleConflictException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    String messageKey() {
        return messageKey;
    }
}
