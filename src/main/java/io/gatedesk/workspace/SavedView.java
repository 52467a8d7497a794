package io.gatedesk.workspace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A queue view saved by name: an agent's own ({@code ownerId} set) or shared with everyone ({@code ownerId} null). */
@Entity
@Table(name = "saved_views")
class SavedView {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @Column(name = "owner_id")
    private Long ownerId;
    private String query;
    @Column(name = "created_at")
    private Instant createdAt;

    protected SavedView() {
    }

    SavedView(String name, Long ownerId, String query, Instant createdAt) {
        this.name = name;
        this.ownerId = ownerId;
        this.query = query;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    Long getOwnerId() {
        return ownerId;
    }

    String getQuery() {
        return query;
    }

    boolean isShared() {
        return ownerId == null;
    }
}
