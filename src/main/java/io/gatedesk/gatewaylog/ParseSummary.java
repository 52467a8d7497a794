package io.gatedesk.gatewaylog;

/** What one parse run did: rows handed to the consumer and lines rejected. */
record ParseSummary(LogFormat format, long records, long errors) {
}
