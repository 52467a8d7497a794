package io.gatedesk.knowledge;

/** The last editor of an article may not publish it too unless they are an admin. */
class ReviewRequiredException extends RuntimeException {

    ReviewRequiredException() {
        super("Publishing needs a second person");
    }
}
