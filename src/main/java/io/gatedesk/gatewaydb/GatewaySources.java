package io.gatedesk.gatewaydb;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured gateway databases, by name. A source with an unknown kind or no URL is kept as a configuration
 * error the admin page shows, rather than stopping GateDesk's start over a side feature.
 */
@Component
class GatewaySources implements DisposableBean {

    private final Map<String, GatewaySource> sources = new LinkedHashMap<>();
    private final List<String> configurationErrors = new ArrayList<>();

    GatewaySources(GatewaySourceProperties properties, Clock clock) {
        properties.sources().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            String name = entry.getKey();
            GatewaySourceProperties.Source settings = entry.getValue();
            Optional<GatewayKind> kind = GatewayKind.of(settings.kind());
            if (kind.isEmpty()) {
                configurationErrors.add(name + ": kind must be new-api, one-api or litellm, not '" + settings.kind() + "'");
            } else if (settings.url() == null || !settings.url().startsWith("jdbc:")) {
                configurationErrors.add(name + ": url must be a JDBC URL (jdbc:sqlite:…, jdbc:mysql://…, jdbc:postgresql://…)");
            } else {
                try {
                    sources.put(name, new GatewaySource(name, kind.get(), settings, clock));
                } catch (RuntimeException e) {
                    configurationErrors.add(name + ": " + GatewaySource.describe(e));
                }
            }
        });
    }

    List<GatewaySource> all() {
        return List.copyOf(sources.values());
    }

    Optional<GatewaySource> find(String name) {
        return Optional.ofNullable(sources.get(name));
    }

    boolean any() {
        return !sources.isEmpty();
    }

    List<String> configurationErrors() {
        return List.copyOf(configurationErrors);
    }

    @Override
    public void destroy() {
        sources.values().forEach(GatewaySource::close);
    }
}
