package io.gatedesk.gatewaylog.format;

/** Stable reason codes for rejected input lines, so the upload page can translate them. */
public enum LineErrorCode {
    /** The line or row is not valid JSON, or a JSON array cannot be read any further. */
    BAD_JSON,
    /** The CSV structure is broken (an unterminated quote, for example) and cannot be read any further. */
    BAD_CSV,
    /** A CSV row has fewer columns than the header. */
    COLUMN_COUNT,
    /** A JSON value where a row object was expected. */
    NOT_AN_OBJECT,
    /** An {@code [ERR]} or {@code [GIN]} text-log line that does not have the gateway's layout. */
    BAD_LINE,
    /** A line longer than the parser accepts; it is skipped rather than held in memory. */
    LINE_TOO_LONG,
    /** The row has no time, so it could never be matched to a ticket. */
    MISSING_TIME,
    /** The row's time cannot be read. */
    BAD_TIME,
    /** A number column holds something that is not a number. */
    BAD_NUMBER,
    /** A column holds a value outside the ones the format allows (a boolean, a log type). */
    BAD_VALUE,
    /** The row lacks every column that identifies it (a token list row without id, name or key). */
    MISSING_FIELD,
    /** A value holds a NUL character (U+0000), which PostgreSQL cannot store in text. */
    NUL_CHARACTER
}
