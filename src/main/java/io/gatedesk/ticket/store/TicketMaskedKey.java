package io.gatedesk.ticket.store;

import io.gatedesk.secret.MaskedKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A masked key kept as evidence on a ticket. */
@Entity
@Table(name = "ticket_masked_keys")
public class TicketMaskedKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ticket_id")
    private Long ticketId;

    private String prefix;
    private String head;
    private String tail;
    private String masked;
    private String fingerprint;

    @Column(name = "created_at")
    private Instant createdAt;

    protected TicketMaskedKey() {
    }

    public TicketMaskedKey(Long ticketId, MaskedKey key, Instant createdAt) {
        this.ticketId = ticketId;
        this.prefix = key.prefix();
        this.head = key.head();
        this.tail = key.tail();
        this.masked = key.masked();
        this.fingerprint = key.fingerprint();
        this.createdAt = createdAt;
    }

    public String getMasked() {
        return masked;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public void learnFingerprint(String fingerprint) {
        if (this.fingerprint == null) {
            this.fingerprint = fingerprint;
        }
    }

    public Long getTicketId() {
        return ticketId;
    }

    public MaskedKey toMaskedKey() {
        return new MaskedKey(prefix, head, tail, masked, fingerprint);
    }
}
