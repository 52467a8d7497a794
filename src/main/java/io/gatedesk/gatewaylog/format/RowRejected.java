package io.gatedesk.gatewaylog.format;

/**
 * Thrown inside a row mapper to turn the current row into a {@link LineError}; never leaves the parser.
 * Without a stack trace, because a file with many bad rows must not pay for one per row.
 */
final class RowRejected extends RuntimeException {

    private final LineErrorCode code;

    RowRejected(LineErrorCode code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }

    LineErrorCode code() {
        return code;
    }
}
