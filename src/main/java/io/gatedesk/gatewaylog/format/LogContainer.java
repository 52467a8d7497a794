package io.gatedesk.gatewaylog.format;

/** How the rows of a tabular export are laid out in the file. */
public enum LogContainer {
    /** Plain text lines (one-api's own log file). */
    TEXT,
    /** One JSON array of row objects, possibly inside an API envelope such as {@code {"data":{"items":[...]}}}. */
    JSON_ARRAY,
    /** One JSON object per line. */
    JSON_LINES,
    /** Comma (or semicolon / tab) separated values with a header row. */
    CSV
}
