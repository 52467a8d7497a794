package io.gatedesk.answer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One kept state of an answer: every seed, edit, retirement and restore adds one. */
@Entity
@Table(name = "answer_versions")
class AnswerVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "answer_id")
    private Long answerId;
    @Column(name = "version_number")
    private int versionNumber;
    @Column(name = "change_kind")
    private String changeKind;
    private String title;
    private String category;
    private String body;
    private boolean retired;
    @Column(name = "changed_by")
    private String changedBy;
    @Column(name = "changed_at")
    private Instant changedAt;

    protected AnswerVersion() {
    }

    AnswerVersion(Long answerId, int versionNumber, String changeKind, String title, String category, String body,
                  boolean retired, String changedBy, Instant changedAt) {
        this.answerId = answerId;
        this.versionNumber = versionNumber;
        this.changeKind = changeKind;
        this.title = title;
        this.category = category;
        this.body = body;
        this.retired = retired;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    ShortAnswerVersion toView() {
        return new ShortAnswerVersion(versionNumber, changeKind, title, category, body, retired, changedBy, changedAt);
    }
}
