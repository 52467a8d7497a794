package io.gatedesk.ticket.store;

import io.gatedesk.ticket.MessageView;
import io.gatedesk.ticket.TicketNumber;
import io.gatedesk.ticket.Visibility;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "ticket_messages")
public class TicketMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ticket_id")
    private Long ticketId;

    @Enumerated(EnumType.STRING)
    @Column(name = "author_type")
    private AuthorType authorType;

    @Column(name = "author_user_id")
    private Long authorUserId;

    @Column(name = "author_name")
    private String authorName;

    @Enumerated(EnumType.STRING)
    private Visibility visibility;

    private String body;

    @Column(name = "created_at")
    private Instant createdAt;

    /** The merged ticket this message was moved from, or {@code null}. */
    @Column(name = "moved_from")
    private Long movedFrom;

    protected TicketMessage() {
    }

    public TicketMessage(Long ticketId, AuthorType authorType, Long authorUserId, String authorName, Visibility visibility,
                  String body, Instant createdAt) {
        this.ticketId = ticketId;
        this.authorType = authorType;
        this.authorUserId = authorUserId;
        this.authorName = authorName;
        this.visibility = visibility;
        this.body = body;
        this.createdAt = createdAt;
    }

    /** Whether the text says something about the problem: the customer's words and staff notes, not staff answers. */
    public boolean isEvidence() {
        return authorType != AuthorType.STAFF || visibility != Visibility.PUBLIC;
    }

    /** Re-points this message to {@code ticketId}; one moved twice keeps the ticket it was first written on. */
    public void moveTo(long ticketId, long from) {
        if (movedFrom == null) {
            movedFrom = from;
        }
        this.ticketId = ticketId;
    }

    public void markMovedFrom(long from) {
        this.movedFrom = from;
    }

    public boolean isFromCustomer() {
        return authorType == AuthorType.CUSTOMER;
    }

    public Long getId() {
        return id;
    }

    public Visibility getVisibility() {
        return visibility;
    }

    public Long getTicketId() {
        return ticketId;
    }

    public String getBody() {
        return body;
    }

    public MessageView toView() {
        return new MessageView(id, authorType == AuthorType.CUSTOMER, authorName, visibility, body, createdAt,
                movedFrom == null ? null : TicketNumber.format(movedFrom));
    }
}
