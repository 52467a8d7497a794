package io.gatedesk.answer;

/**
 * A complete short answer went into a reply box. Published so a use ledger can count it per asset, language and day
 * without the answer package knowing who counts.
 */
public record AnswerInserted(String key, String language, long ticketId) {
}
