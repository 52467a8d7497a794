package io.gatedesk.escalation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Escalation targets per severity, counted from the escalation: {@code gatedesk.escalation.sla.first-look.S1=PT15M}
 * (an engineer opened the bundle or took the case) and {@code gatedesk.escalation.sla.findings.S1=PT4H} (findings
 * written); a clock counts as breaching soon within {@code warn-before} of its due time.
 */
@ConfigurationProperties("gatedesk.escalation.sla")
record EscalationSlaProperties(Map<Severity, Duration> firstLook, Map<Severity, Duration> findings,
                               @DefaultValue("PT30M") Duration warnBefore) {

    EscalationSlaProperties {
        firstLook = withDefaults(firstLook, "PT15M", "PT1H", "PT4H", "PT24H");
        findings = withDefaults(findings, "PT4H", "PT24H", "PT72H", "PT120H");
    }

    private static Map<Severity, Duration> withDefaults(Map<Severity, Duration> given, String... defaults) {
        Map<Severity, Duration> targets = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            targets.put(severity, Duration.parse(defaults[severity.ordinal()]));
        }
        if (given != null) {
            targets.putAll(given);
        }
        return Map.copyOf(targets);
    }
}
