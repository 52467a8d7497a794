package io.gatedesk.incident;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * When tickets make an incident: at least {@code threshold} tickets with the same category and model (or the same
 * gateway channel) filed within {@code window}. When gateway logs do: at least {@code spikeErrors} error rows for one
 * model and channel within {@code spikeWindow}, at an error rate at least {@code spikeFactor} times that of the
 * {@code spikeBaseline} before it ({@code gatedesk.incident.spike-check-interval} sets how often that is checked).
 */
@ConfigurationProperties("gatedesk.incident")
record IncidentProperties(@DefaultValue("3") int threshold, @DefaultValue("30m") Duration window,
                          @DefaultValue("20") int spikeErrors, @DefaultValue("10m") Duration spikeWindow,
                          @DefaultValue("5") double spikeFactor, @DefaultValue("24h") Duration spikeBaseline) {
}
