package io.gatedesk.mail;

/**
 * What became of a mail read from the support mailbox. PROCESSING is the claim one node holds while it works on it;
 * IGNORED mail was automatic or ours (never answered, by design); REJECTED mail could not be processed and is kept,
 * flagged in the mailbox, for an admin to look at.
 */
enum InboundOutcome {
    PROCESSING, NEW_TICKET, REPLY, IGNORED, REJECTED
}
