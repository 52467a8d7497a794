package io.gatedesk.gatewaylog.format;

/**
 * One input line or row that was not imported. {@code lineNumber} is the 1-based physical line where the row starts
 * (the header of a CSV file is line 1); {@code reason} is English for logs and the error report, {@code code} is what the
 * UI translates.
 */
public record LineError(long lineNumber, LineErrorCode code, String reason) {
}
