package io.gatedesk.ticket;

import io.gatedesk.secret.SecretFinding;

import java.util.List;

/** What a customer gets back after filing: the number, the private follow token (only now), and what was masked. */
public record TicketReceipt(long id, String number, String followToken, List<SecretFinding> maskedSecrets)
        implements java.io.Serializable {
}
