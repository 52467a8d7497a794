package io.gatedesk.gatewaydb;

import io.gatedesk.ticket.TicketEvidence;
import io.gatedesk.ticket.TicketEvidenceContributor;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the ticket's task IDs and what the gateway databases hold for them into the ticket's JSON: {@code taskIds}
 * (found in the ticket's texts), {@code tasks} (one entry per task row found, from every source) and
 * {@code taskSources} (what each source answered, failures included).
 */
@Component
class TasksContributor implements TicketEvidenceContributor {

    private final GatewayTasks tasks;

    TasksContributor(GatewayTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public Map<String, Object> contribute(TicketEvidence evidence) {
        if (!tasks.configured()) {
            return Map.of();
        }
        List<String> ids = tasks.taskIds(evidence.allTexts());
        List<SourceTasks> answers = tasks.tasksFor(ids);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("taskIds", ids);
        extra.put("tasks", answers.stream().flatMap(answer -> answer.tasks().stream()).toList());
        extra.put("taskSources", answers.stream().map(answer -> {
            Map<String, Object> said = new LinkedHashMap<>();
            said.put("source", answer.source());
            said.put("found", answer.tasks().size());
            said.put("error", answer.error());
            said.put("downSince", answer.downSince());
            return said;
        }).toList());
        return extra;
    }
}
