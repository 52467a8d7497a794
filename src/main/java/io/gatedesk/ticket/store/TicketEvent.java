package io.gatedesk.ticket.store;

import io.gatedesk.ticket.EventView;
import io.gatedesk.ticket.TicketAction;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One line of a ticket's audit trail: who changed what, and when. */
@Entity
@Table(name = "ticket_events")
public class TicketEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ticket_id")
    private Long ticketId;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_type")
    private AuthorType actorType;

    @Column(name = "actor_name")
    private String actorName;

    @Enumerated(EnumType.STRING)
    private TicketAction action;

    private String detail;

    @Column(name = "created_at")
    private Instant createdAt;

    protected TicketEvent() {
    }

    public Long getTicketId() {
        return ticketId;
    }

    public TicketEvent(Long ticketId, AuthorType actorType, String actorName, TicketAction action, String detail,
                Instant createdAt) {
        this.ticketId = ticketId;
        this.actorType = actorType;
        this.actorName = actorName;
        this.action = action;
        this.detail = detail;
        this.createdAt = createdAt;
    }

    public EventView toView() {
        return new EventView(actorName, action, detail, createdAt);
    }
}
