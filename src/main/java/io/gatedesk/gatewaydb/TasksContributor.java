package io.gatedesk.gatewaydb;

import io.gatedesk.ticket.EvidenceSection;
import io.gatedesk.ticket.TicketEvidence;
import io.gatedesk.ticket.TicketEvidenceContributor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Puts the ticket's task IDs and what the gateway databases hold for them into the ticket's JSON: {@code taskIds}
 * (found in the ticket's texts), {@code tasks} (one entry per task row found, from every source) and
 * {@code taskSources} (what each source answered, failures included).
 */
@Component
class TasksContributor implements TicketEvidenceContributor {

    private final GatewayTasks tasks;
    private final EvidenceLines lines;
    private final MessageSource messages;

    TasksContributor(GatewayTasks tasks, EvidenceLines lines, MessageSource messages) {
        this.tasks = tasks;
        this.lines = lines;
        this.messages = messages;
    }

    /** The tasks named on the ticket as the gateway holds them, one line each, for the evidence bundle. */
    @Override
    public List<EvidenceSection> sections(TicketEvidence evidence, Locale locale) {
        if (!tasks.configured()) {
            return List.of();
        }
        List<String> ids = tasks.taskIds(evidence);
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> said = new java.util.ArrayList<>();
        said.add(messages.getMessage("gatewaydb.tasks.named", new Object[] {String.join(", ", ids)}, locale));
        said.addAll(lines.tasks(tasks.tasksFor(ids), locale));
        return List.of(new EvidenceSection(messages.getMessage("gatewaydb.tasks.heading", null, locale), said));
    }

    @Override
    public Map<String, Object> contribute(TicketEvidence evidence) {
        if (!tasks.configured()) {
            return Map.of();
        }
        List<String> ids = tasks.taskIds(evidence);
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
