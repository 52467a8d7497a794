package io.gatedesk.gatewaydb;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.gatedesk.secret.MaskedKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The public face of the gateway databases: the key rows each configured source holds for a masked key, and each
 * source's health. A source that fails is answered as a failure in its {@link SourceAccounts}, never as an
 * exception, so a ticket page renders whatever the databases say.
 */
@Service
public class GatewayAccounts {

    private static final Logger log = LoggerFactory.getLogger(GatewayAccounts.class);

    private final GatewaySources sources;
    private final List<AccountReader> readers;
    private final Cache<String, SourceAccounts> recent;

    GatewayAccounts(GatewaySources sources, List<AccountReader> readers, GatewaySourceProperties properties) {
        this.sources = sources;
        this.readers = List.copyOf(readers);
        this.recent = Caffeine.newBuilder().expireAfterWrite(properties.cache()).maximumSize(10_000).build();
    }

    /** Whether any gateway database is configured: with none, panels and JSON say nothing about accounts. */
    public boolean configured() {
        return sources.any();
    }

    /** Each source's answer for the key, in source-name order. */
    public List<SourceAccounts> accountsFor(MaskedKey key) {
        List<SourceAccounts> answers = new ArrayList<>();
        for (GatewaySource source : sources.all()) {
            Optional<AccountReader> reader = readers.stream().filter(r -> r.reads(source.kind())).findFirst();
            if (reader.isEmpty()) {
                continue;
            }
            answers.add(source.answer(recent, source.name() + "\n" + key.masked(),
                    () -> new SourceAccounts(source.name(), source.kind().code(), reader.get().find(source, key), null,
                            null),
                    (reason, downSince) -> new SourceAccounts(source.name(), source.kind().code(), List.of(), reason,
                            downSince), "accounts"));
        }
        return answers;
    }

    /** Every source's health, as the admin page and {@code GET /api/v1/gateway/sources} show it. */
    public List<SourceHealth> health() {
        return sources.all().stream().map(GatewaySource::health).toList();
    }

    /** Configuration mistakes that kept a source from being set up at all. */
    public List<String> configurationErrors() {
        return sources.configurationErrors();
    }

    /** Connects to one source and reads its schema now; the answer is its health afterwards. */
    public Optional<SourceHealth> test(String name) {
        return sources.find(name).map(source -> {
            source.forgetSchema();
            try {
                readers.stream().filter(r -> r.reads(source.kind())).findFirst()
                        .ifPresent(reader -> reader.probe(source));
            } catch (RuntimeException e) {
                log.warn("Gateway database {} failed its test: {}", name, GatewaySource.describe(e));
            }
            recent.invalidateAll();
            return source.health();
        });
    }
}
