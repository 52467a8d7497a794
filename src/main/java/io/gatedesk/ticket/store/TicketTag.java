package io.gatedesk.ticket.store;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;

/** A tag on a ticket. Written with plain SQL by {@link TicketTags}; mapped only so the queue can filter by it. */
@Entity
@Table(name = "ticket_tags")
public class TicketTag {

    @EmbeddedId
    private Key key;

    protected TicketTag() {
    }

    @Embeddable
    public record Key(@Column(name = "ticket_id") Long ticketId, @Column(name = "tag") String tag) implements Serializable {
    }
}
