package io.gatedesk.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.io.Serializable;

/** A staff member's switch for one kind of mail; no row means on. */
@Entity
@Table(name = "mail_preferences")
class MailPreference {

    @EmbeddedId
    private Key key;

    @Column(nullable = false)
    private boolean enabled;

    protected MailPreference() {
    }

    MailPreference(long userId, MailKind kind, boolean enabled) {
        this.key = new Key(userId, kind);
        this.enabled = enabled;
    }

    MailKind kind() {
        return key.kind();
    }

    boolean enabled() {
        return enabled;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Embeddable
    record Key(@Column(name = "user_id") long userId,
               @Enumerated(EnumType.STRING) @Column(name = "kind") MailKind kind) implements Serializable {
    }
}
