package io.gatedesk.mail;

/** A mail's subject and its two bodies, plain text and HTML, as rendered from the templates. */
record RenderedMail(String subject, String text, String html) {
}
