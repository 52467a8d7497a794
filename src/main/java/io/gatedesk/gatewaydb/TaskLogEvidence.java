package io.gatedesk.gatewaydb;

import io.gatedesk.ticket.TicketEvidence;
import io.gatedesk.triage.LogEvidence;
import io.gatedesk.triage.LogEvidenceSource;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The failed image/video/music tasks a ticket names, as triage weighs log evidence: the gateway's {@code fail_reason}
 * is the upstream's own answer ("insufficient credits", "do request failed: …"), as good as the log line the gateway
 * would have written, so the classification rules read it like one and the reason shows where they matched. Only a
 * task in state {@code FAILURE} with a reason speaks; a running or succeeded task says nothing about an error.
 */
@Component
class TaskLogEvidence implements LogEvidenceSource {

    private final GatewayTasks tasks;

    TaskLogEvidence(GatewayTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public List<LogEvidence> evidenceFor(TicketEvidence evidence) {
        if (!tasks.configured()) {
            return List.of();
        }
        List<String> ids = tasks.taskIds(evidence);
        return tasks.tasksFor(ids).stream()
                .flatMap(answer -> answer.tasks().stream())
                .filter(task -> "failure".equals(task.state()) && task.failReason() != null)
                .map(TaskLogEvidence::said)
                .toList();
    }

    /** The reason as the gateway kept it (already through the secret guard), and where it came from. */
    private static LogEvidence said(GatewayTask task) {
        String what = task.platform() == null ? "" : " " + task.platform()
                + (task.action() == null ? "" : " " + task.action());
        return new LogEvidence(null, "gateway_task", "task_failed", task.failReason() + " (gateway database "
                + task.source() + ", task " + task.taskId() + what + ")");
    }
}
