package io.gatedesk.triage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One kept version of a rule: its full content, who wrote it and when. Never changed once written. */
@Entity
@Table(name = "classification_rule_versions")
class RuleVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "rule_id")
    private String ruleId;
    @Column(name = "version_number")
    private int versionNumber;
    @Enumerated(EnumType.STRING)
    @Column(name = "change_kind")
    private RuleChange change;
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
    @Column(name = "changed_by")
    private String changedBy;
    @Column(name = "changed_at")
    private Instant changedAt;

    protected RuleVersion() {
    }

    RuleVersion(String ruleId, int versionNumber, RuleChange change, ErrorCategory category, RuleKind kind,
                String value, double weight, String description, String client, String unlessClient, boolean enabled,
                String changedBy, Instant changedAt) {
        this.ruleId = ruleId;
        this.versionNumber = versionNumber;
        this.change = change;
        this.category = category;
        this.kind = kind;
        this.value = value;
        this.weight = weight;
        this.description = description;
        this.client = client;
        this.unlessClient = unlessClient;
        this.enabled = enabled;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    RuleVersionView toView() {
        return new RuleVersionView(versionNumber, change, category, kind, value, weight, description, client,
                unlessClient, enabled, changedBy, changedAt);
    }
}
