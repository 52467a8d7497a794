package io.gatedesk.gatewaylog.format;

/** What one parse run did: rows handed to the consumer and lines rejected. */
public record ParseSummary(LogFormat format, long records, long errors) {
}
