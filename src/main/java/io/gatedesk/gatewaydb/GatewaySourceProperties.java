package io.gatedesk.gatewaydb;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;

/**
 * {@code gatedesk.gateway.sources.<name>.*}: the gateway databases to read. {@code kind} is {@code new-api},
 * {@code one-api} or {@code litellm}; {@code url} a JDBC URL (SQLite file, MySQL or PostgreSQL); {@code time-zone} the
 * zone the gateway wrote local times in (its Unix timestamps need none). {@code cache} is how long one lookup's
 * answer is reused: a ticket page and its JSON ask for the same key within moments.
 */
@ConfigurationProperties("gatedesk.gateway")
record GatewaySourceProperties(Map<String, Source> sources, @DefaultValue("30s") Duration cache) {

    GatewaySourceProperties {
        sources = sources == null ? Map.of() : Map.copyOf(sources);
    }

    record Source(String kind, String url, String username, String password, @DefaultValue("UTC") String timeZone,
                  @DefaultValue("2") int maxConnections, @DefaultValue("3s") Duration connectTimeout,
                  @DefaultValue("5s") Duration queryTimeout) {
    }
}
