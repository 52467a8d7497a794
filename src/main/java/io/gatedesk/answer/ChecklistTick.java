package io.gatedesk.answer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** Whether one checklist item is done on one ticket, and who last changed it. */
@Entity
@Table(name = "ticket_checklist_items")
@IdClass(ChecklistTick.Key.class)
class ChecklistTick {

    @Id
    @Column(name = "ticket_id")
    private Long ticketId;
    @Id
    @Column(name = "item_id")
    private Long itemId;
    private boolean done;
    @Column(name = "changed_by")
    private String changedBy;
    @Column(name = "changed_at")
    private Instant changedAt;

    protected ChecklistTick() {
    }

    ChecklistTick(Long ticketId, Long itemId) {
        this.ticketId = ticketId;
        this.itemId = itemId;
    }

    void set(boolean done, String by, Instant now) {
        this.done = done;
        this.changedBy = by;
        this.changedAt = now;
    }

    Long getItemId() {
        return itemId;
    }

    boolean isDone() {
        return done;
    }

    String getChangedBy() {
        return changedBy;
    }

    record Key(Long ticketId, Long itemId) implements Serializable {
    }
}
