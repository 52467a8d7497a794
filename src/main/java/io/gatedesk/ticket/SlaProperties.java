package io.gatedesk.ticket;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Service-level targets per priority, counted from when the ticket was filed: {@code gatedesk.sla.first-response.P1=PT1H}
 * and {@code gatedesk.sla.resolution.P1=PT8H}; a timer counts as breaching soon within {@code warn-before} of its due
 * time. A priority without a target has no timer.
 */
@ConfigurationProperties("gatedesk.sla")
record SlaProperties(Map<Priority, Duration> firstResponse, Map<Priority, Duration> resolution,
                     @DefaultValue("PT1H") Duration warnBefore) {

    SlaProperties {
        firstResponse = withDefaults(firstResponse, "PT1H", "PT4H", "PT8H", "PT24H");
        resolution = withDefaults(resolution, "PT8H", "PT24H", "PT72H", "PT120H");
    }

    private static Map<Priority, Duration> withDefaults(Map<Priority, Duration> given, String... defaults) {
        Map<Priority, Duration> targets = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            targets.put(priority, Duration.parse(defaults[priority.ordinal()]));
        }
        if (given != null) {
            targets.putAll(given);
        }
        return Map.copyOf(targets);
    }
}
