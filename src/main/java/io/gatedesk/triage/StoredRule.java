package io.gatedesk.triage;

import io.gatedesk.common.Hashing;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A classification rule as the database keeps it: its content plus where it came from and who changed it last. */
@Entity
@Table(name = "classification_rules")
class StoredRule {

    @Id
    @Column(name = "rule_id")
    private String ruleId;
    @Enumerated(EnumType.STRING)
    private ErrorCategory category;
    @Enumerated(EnumType.STRING)
    private RuleKind kind;
    @Column(name = "rule_value")
    private String value;
    private double weight;
    private String description;
    @Column(name = "client_pattern")
    private String client;
    @Column(name = "unless_client_pattern")
    private String unlessClient;
    private boolean enabled;
    @Enumerated(EnumType.STRING)
    private RuleOrigin origin;
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

    protected StoredRule() {
    }

    StoredRule(ClassificationRule rule, RuleOrigin origin, String seedHash, String by, Instant now) {
        this.ruleId = rule.id();
        this.origin = origin;
        this.seedHash = seedHash;
        this.enabled = true;
        this.currentVersion = 0;
        apply(rule, by, now);
    }

    /** The hash that identifies a rule's content; a seeded rule whose content still hashes to its seed hash is untouched. */
    static String contentHash(ClassificationRule rule, boolean enabled) {
        return Hashing.sha256Hex(String.join("\u0000", rule.category().name(), rule.kind().name(), rule.value(),
                Double.toString(rule.weight()), rule.description(), String.valueOf(rule.client()),
                String.valueOf(rule.unlessClient()), Boolean.toString(enabled)));
    }

    ClassificationRule toRule() {
        return new ClassificationRule(ruleId, category, kind, value, weight, description, client, unlessClient);
    }

    boolean editedSinceSeeded() {
        return origin == RuleOrigin.SEED && !contentHash(toRule(), enabled).equals(seedHash);
    }

    /** Replaces the content and starts a new version number; the caller records the version. */
    void apply(ClassificationRule rule, String by, Instant now) {
        this.category = rule.category();
        this.kind = rule.kind();
        this.value = rule.value();
        this.weight = rule.weight();
        this.description = rule.description();
        this.client = rule.client();
        this.unlessClient = rule.unlessClient();
        touch(by, now);
    }

    void setEnabled(boolean enabled, String by, Instant now) {
        this.enabled = enabled;
        touch(by, now);
    }

    void reseed(ClassificationRule rule, String newSeedHash, Instant now) {
        this.seedHash = newSeedHash;
        apply(rule, RuleSeeder.SEED_ACTOR, now);
    }

    private void touch(String by, Instant now) {
        this.currentVersion++;
        this.updatedBy = by;
        this.updatedAt = now;
    }

    RuleVersion snapshot(RuleChange change) {
        return new RuleVersion(ruleId, currentVersion, change, category, kind, value, weight, description, client,
                unlessClient, enabled, updatedBy, updatedAt);
    }

    RuleView toView() {
        return new RuleView(ruleId, category, kind, value, weight, description, client, unlessClient, enabled, origin,
                editedSinceSeeded(), currentVersion, updatedBy, updatedAt, version);
    }

    String getRuleId() {
        return ruleId;
    }

    RuleOrigin getOrigin() {
        return origin;
    }

    String getSeedHash() {
        return seedHash;
    }

    boolean isEnabled() {
        return enabled;
    }

    long getVersion() {
        return version;
    }
}
