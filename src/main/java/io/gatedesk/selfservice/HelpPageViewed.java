package io.gatedesk.selfservice;

/**
 * A client help page ({@code /help/clients/{slug}}) was shown, in the reader's language ({@code en} or
 * {@code zh-CN}). Published so a use ledger can count it without self-service knowing who counts.
 */
public record HelpPageViewed(String slug, String language) {
}
