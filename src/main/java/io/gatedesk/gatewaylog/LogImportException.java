package io.gatedesk.gatewaylog;

/**
 * An upload or ingest request that cannot be imported at all. {@code code} is stable for the API and names the message
 * {@code logs.import.error.<code>} shown to the user.
 */
public class LogImportException extends RuntimeException {

    private final String code;
    private final int httpStatus;

    LogImportException(String code, int httpStatus) {
        super(code, null, false, false);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public String code() {
        return code;
    }

    public String messageKey() {
        return "logs.import.error." + code;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
