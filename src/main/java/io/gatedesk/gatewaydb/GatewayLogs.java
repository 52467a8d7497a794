package io.gatedesk.gatewaydb;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.gatedesk.gatewaylog.LogMatchService;
import io.gatedesk.gatewaylog.MatchQuery;
import io.gatedesk.ticket.TicketEvidence;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;

/**
 * A ticket's log rows read on demand from each source's own log table, beside the imported ones: no import needed.
 * The query is the one imported logs are matched by ({@link LogMatchService#queryFor}); a source that fails is
 * answered as a failure in its {@link SourceLogs}, never as an exception. Answers are cached briefly: a ticket page
 * and a reload within moments ask the same, and a gateway's log table is its busiest.
 */
@Service
public class GatewayLogs {

    private final GatewaySources sources;
    private final LogReader reader;
    private final LogMatchService matching;
    private final Cache<String, SourceLogs> recent;

    GatewayLogs(GatewaySources sources, LogReader reader, LogMatchService matching,
                GatewaySourceProperties properties) {
        this.sources = sources;
        this.reader = reader;
        this.matching = matching;
        this.recent = Caffeine.newBuilder().expireAfterWrite(properties.cache()).maximumSize(1_000).build();
    }

    public boolean configured() {
        return sources.any();
    }

    /** Each source's matching rows for the ticket, in source-name order. */
    public List<SourceLogs> forTicket(TicketEvidence evidence) {
        return find(matching.queryFor(evidence));
    }

    List<SourceLogs> find(MatchQuery query) {
        List<SourceLogs> answers = new ArrayList<>();
        for (GatewaySource source : sources.all()) {
            answers.add(source.answer(recent, source.name() + "\n" + query,
                    () -> new SourceLogs(source.name(), source.kind().code(), reader.find(source, query), null, null),
                    (reason, downSince) -> new SourceLogs(source.name(), source.kind().code(), List.of(), reason,
                            downSince), "logs"));
        }
        return answers;
    }
}
