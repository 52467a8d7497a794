package io.gatedesk.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A ticket's mail thread: the token of its reply address and the follow token a reply by mail posts with. */
@Entity
@Table(name = "mail_threads")
class MailThread {

    @Id
    private Long ticketId;

    @Column(nullable = false)
    private String replyToken;

    @Column(nullable = false)
    private String followToken;

    @Column(nullable = false)
    private Instant createdAt;

    protected MailThread() {
    }

    MailThread(long ticketId, String replyToken, String followToken, Instant createdAt) {
        this.ticketId = ticketId;
        this.replyToken = replyToken;
        this.followToken = followToken;
        this.createdAt = createdAt;
    }

    String replyToken() {
        return replyToken;
    }

    String followToken() {
        return followToken;
    }
}
