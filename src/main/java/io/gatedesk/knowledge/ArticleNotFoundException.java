package io.gatedesk.knowledge;

class ArticleNotFoundException extends RuntimeException {

    ArticleNotFoundException(String what) {
        super("No article " + what);
    }
}
