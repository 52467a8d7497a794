package io.gatedesk.selfservice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A visitor's run of self-service checks; see {@link DeflectionCounter} for what is (not) kept. */
@Entity
@Table(name = "deflection_episodes")
class DeflectionEpisode {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "episode_key")
    private String episodeKey;
    @Enumerated(EnumType.STRING)
    private DeflectionKind kind;
    private String channel;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "last_check_at")
    private Instant lastCheckAt;
    private int checks;
    @Column(name = "last_ok")
    private Boolean lastOk;
    @Column(name = "ticket_filed_at")
    private Instant ticketFiledAt;
    @Column(name = "ticket_id")
    private Long ticketId;

    protected DeflectionEpisode() {
    }

    DeflectionEpisode(String episodeKey, DeflectionKind kind, String channel, Boolean ok, Instant now) {
        this.episodeKey = episodeKey;
        this.kind = kind;
        this.channel = channel;
        this.startedAt = now;
        this.lastCheckAt = now;
        this.checks = 1;
        this.lastOk = ok;
    }

    void checkedAgain(Boolean ok, Instant now) {
        checks++;
        lastOk = ok;
        lastCheckAt = now;
    }

    void ticketFiled(Instant now, long ticket) {
        if (ticketFiledAt == null) {
            ticketFiledAt = now;
            ticketId = ticket;
        }
    }

    Instant getLastCheckAt() {
        return lastCheckAt;
    }
}
