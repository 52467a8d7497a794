package io.gatedesk.ticket.store;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;

/**
 * One exact, lower-cased term a ticket is found by in the queue search. Written with plain SQL by {@link SearchTerms}
 * (so filing and the backfill can both insert without a conflict); mapped only so the search can query it.
 */
@Entity
@Table(name = "ticket_search_terms")
public class TicketSearchTerm {

    @EmbeddedId
    private Key key;

    protected TicketSearchTerm() {
    }

    @Embeddable
    public record Key(@Column(name = "term") String term, @Column(name = "ticket_id") Long ticketId) implements Serializable {
    }
}
