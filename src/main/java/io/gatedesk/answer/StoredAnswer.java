package io.gatedesk.answer;

import io.gatedesk.common.Hashing;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A short answer as stored; other features see {@link ShortAnswer}. */
@Entity
@Table(name = "answers")
class StoredAnswer {

    static final String SEED = "SEED";
    static final String ADMIN = "ADMIN";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "answer_key")
    private String key;
    private String language;
    private String title;
    private String category;
    private String body;
    private boolean retired;
    private String origin;
    @Column(name = "seed_hash")
    private String seedHash;
    @Column(name = "current_version")
    private int currentVersion;
    @Column(name = "updated_by")
    private String updatedBy;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected StoredAnswer() {
    }

    StoredAnswer(String key, String language, String title, String category, String body, String origin,
                 String seedHash, String by, Instant now) {
        this.key = key;
        this.language = language;
        this.title = title;
        this.category = category;
        this.body = body;
        this.origin = origin;
        this.seedHash = seedHash;
        this.currentVersion = 1;
        this.updatedBy = by;
        this.updatedAt = now;
    }

    /** What seeding compares: the content an admin can change, retirement included. */
    static String contentHash(String title, String category, String body, boolean retired) {
        return Hashing.sha256Hex(String.join("\u0000", title, String.valueOf(category), body,
                Boolean.toString(retired)));
    }

    boolean editedSinceSeeded() {
        return SEED.equals(origin) && !contentHash(title, category, body, retired).equals(seedHash);
    }

    void apply(String title, String category, String body, String by, Instant now) {
        this.title = title;
        this.category = category;
        this.body = body;
        touch(by, now);
    }

    void reseed(String title, String category, String body, String hash, Instant now) {
        apply(title, category, body, AnswerSeeder.SEED_ACTOR, now);
        this.seedHash = hash;
    }

    void retire(boolean retired, String by, Instant now) {
        this.retired = retired;
        touch(by, now);
    }

    private void touch(String by, Instant now) {
        this.currentVersion++;
        this.updatedBy = by;
        this.updatedAt = now;
    }

    AnswerVersion snapshot(String changeKind) {
        return new AnswerVersion(id, currentVersion, changeKind, title, category, body, retired, updatedBy, updatedAt);
    }

    ShortAnswer toView() {
        return new ShortAnswer(id, key, language, title, category, body, retired, SEED.equals(origin),
                editedSinceSeeded(), currentVersion, updatedBy, updatedAt);
    }

    Long getId() {
        return id;
    }

    String getKey() {
        return key;
    }

    String getLanguage() {
        return language;
    }

    String getSeedHash() {
        return seedHash;
    }

    String getOrigin() {
        return origin;
    }

    int getCurrentVersion() {
        return currentVersion;
    }
}
