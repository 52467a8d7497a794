package io.gatedesk.answer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One insert of an answer into a reply, by one agent on one ticket. */
@Entity
@Table(name = "answer_usage")
class AnswerUsage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "answer_id")
    private Long answerId;
    @Column(name = "agent_id")
    private Long agentId;
    @Column(name = "agent_name")
    private String agentName;
    @Column(name = "ticket_id")
    private Long ticketId;
    @Column(name = "used_at")
    private Instant usedAt;

    protected AnswerUsage() {
    }

    AnswerUsage(Long answerId, Long agentId, String agentName, Long ticketId, Instant usedAt) {
        this.answerId = answerId;
        this.agentId = agentId;
        this.agentName = agentName;
        this.ticketId = ticketId;
        this.usedAt = usedAt;
    }
}
