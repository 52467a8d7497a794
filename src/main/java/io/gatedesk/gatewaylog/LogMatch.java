package io.gatedesk.gatewaylog;

/**
 * A log entry matched to a ticket or a query, with why it matched.
 *
 * @param via             the ticket evidence that led here: the request ID, or the masked key and the inventory token
 * @param secondsFromTime how far the entry lies from the reported request time, when one is known
 */
public record LogMatch(LogEntryView entry, MatchReason reason, String via, Long secondsFromTime) {
}
