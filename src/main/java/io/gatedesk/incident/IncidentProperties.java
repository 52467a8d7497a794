package io.gatedesk.incident;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * When tickets make an incident: at least {@code threshold} tickets with the same category and model (or the same
 * gateway channel) filed within {@code window}.
 */
@ConfigurationProperties("gatedesk.incident")
record IncidentProperties(@DefaultValue("3") int threshold, @DefaultValue("30m") Duration window) {
}
