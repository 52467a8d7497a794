package io.gatedesk.mail;

/** PENDING waits for its time; SENDING is claimed by one node until its lease runs out; SENT and FAILED are final. */
enum OutboxStatus {
    PENDING, SENDING, SENT, FAILED
}
