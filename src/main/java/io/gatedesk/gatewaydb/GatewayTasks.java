package io.gatedesk.gatewaydb;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.gatedesk.ticket.TicketEvidence;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The tasks each configured new-api or one-api source holds for the task IDs a ticket names. As with accounts, a
 * source that fails is answered as a failure in its {@link SourceTasks}, never as an exception. Answers are cached
 * briefly (a task in progress changes, so not for long).
 */
@Service
public class GatewayTasks {

    private final GatewaySources sources;
    private final TaskReader reader;
    private final Cache<String, SourceTasks> recent;

    GatewayTasks(GatewaySources sources, TaskReader reader, GatewaySourceProperties properties) {
        this.sources = sources;
        this.reader = reader;
        this.recent = Caffeine.newBuilder().expireAfterWrite(properties.cache()).maximumSize(10_000).build();
    }

    /** Task IDs in the texts, as {@link TaskIdExtractor} finds them (at most a handful). */
    public List<String> taskIds(List<String> texts) {
        return TaskIdExtractor.extract(texts);
    }

    /**
     * The ticket's task IDs: those the customer gave in the task ID field first (taken as they are: a bare
     * Midjourney number there is a task, not an order number), then those named in its texts; at most a handful.
     */
    public List<String> taskIds(TicketEvidence evidence) {
        LinkedHashSet<String> ids = new LinkedHashSet<>(evidence.taskIds());
        ids.addAll(taskIds(evidence.allTexts()));
        return ids.stream().limit(TaskIdExtractor.MAX_IDS).toList();
    }

    /** Whether any configured source can hold tasks; with none, panels and JSON say nothing about tasks. */
    public boolean configured() {
        return sources.all().stream().anyMatch(source -> reader.reads(source.kind()));
    }

    /** Each task-holding source's answer for the IDs, in source-name order; nothing for no IDs. */
    public List<SourceTasks> tasksFor(List<String> taskIds) {
        List<SourceTasks> answers = new ArrayList<>();
        if (taskIds.isEmpty()) {
            return answers;
        }
        List<String> ids = taskIds.stream().distinct().limit(TaskIdExtractor.MAX_IDS).toList();
        for (GatewaySource source : sources.all()) {
            if (!reader.reads(source.kind())) {
                continue;
            }
            answers.add(source.answer(recent, source.name() + "\n" + String.join("\n", ids),
                    () -> new SourceTasks(source.name(), source.kind().code(), reader.find(source, ids), null, null),
                    (reason, downSince) -> new SourceTasks(source.name(), source.kind().code(), List.of(), reason,
                            downSince), "tasks"));
        }
        return answers;
    }
}
