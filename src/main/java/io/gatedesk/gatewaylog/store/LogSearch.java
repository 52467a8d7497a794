package io.gatedesk.gatewaylog.store;

import java.time.Instant;

/** The filters of the log search page and {@code GET /api/v1/gateway-logs}; {@code null} means "any". */
public record LogSearch(Instant from, Instant to, Integer statusCode, String model, String key, String user, String clientIp,
                        String source, String requestId) {

    public LogSearch {
        model = blankToNull(model);
        key = blankToNull(key);
        user = blankToNull(user);
        clientIp = blankToNull(clientIp);
        source = blankToNull(source);
        requestId = blankToNull(requestId);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
