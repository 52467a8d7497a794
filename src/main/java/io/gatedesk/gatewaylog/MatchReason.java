package io.gatedesk.gatewaylog;

/** Why a log entry was matched to a ticket, strongest first. */
public enum MatchReason {
    /** The entry carries a request ID found in the ticket. */
    REQUEST_ID,
    /** The entry's key fingerprint is the one of a key masked on the ticket, or of an inventory key that fits it. */
    KEY_FINGERPRINT,
    /** The entry's token id belongs to an inventory key that fits the ticket's masked key. */
    KEY_ID,
    /** The entry's token name (and user) belongs to an inventory key that fits the ticket's masked key. */
    KEY_NAME,
    /** The entry's own masked key (head and last four) fits the ticket's masked key. */
    KEY_MASK
}
