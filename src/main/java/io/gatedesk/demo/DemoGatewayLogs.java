package io.gatedesk.demo;

import io.gatedesk.demo.TicketGenerator.GeneratedTicket;
import io.gatedesk.ticket.NewTicket;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The gateway's side of the demo tickets: for every request ID a customer quotes, the log row the gateway wrote at
 * that moment, so each demo ticket finds its evidence. Half the tickets come as a new-api log table export (JSON),
 * half as one-api's text log, the two shapes sites most often upload.
 */
final class DemoGatewayLogs {

    private static final DateTimeFormatter ONE_API_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd - HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final StringBuilder newApiRows = new StringBuilder();
    private final StringBuilder oneApiLines = new StringBuilder();
    private int rows;

    /** Adds the rows behind one ticket; the index picks the export it lands in. */
    void add(int index, GeneratedTicket generated) {
        NewTicket ticket = generated.ticket();
        if (ticket.requestTime() == null || ticket.requestIds().isEmpty()) {
            return;
        }
        ZoneId zone = ZoneId.of(ticket.requestTimeZone() == null ? "UTC" : ticket.requestTimeZone());
        Instant at = ticket.requestTime().atZone(zone).toInstant();
        int status = ticket.statusCode() == null ? 500 : ticket.statusCode();
        String message = ticket.errorMessage() == null ? "upstream error" : ticket.errorMessage().replace('\n', ' ');
        String ip = "203.0.113." + (10 + index % 200);
        for (String requestId : ticket.requestIds()) {
            rows++;
            if (index % 2 == 0) {
                newApiRow(requestId, at, status, message, ticket, ip);
            } else {
                oneApiLines(requestId, at, status, message, ip);
            }
        }
    }

    private void newApiRow(String requestId, Instant at, int status, String message, NewTicket ticket, String ip) {
        if (!newApiRows.isEmpty()) {
            newApiRows.append(",\n");
        }
        String other = "{\"status_code\":" + status + ",\"request_path\":\"/v1/chat/completions\",\"error_type\":"
                + "\"upstream_error\"}";
        newApiRows.append("{\"id\":").append(rows)
                .append(",\"created_at\":").append(at.getEpochSecond())
                .append(",\"type\":5")
                .append(",\"content\":").append(json("status_code=" + status + ", " + message))
                .append(",\"username\":").append(json(ticket.customerEmail()))
                .append(",\"token_name\":").append(json(tokenName(ticket)))
                .append(",\"model_name\":").append(json(ticket.model()))
                .append(",\"request_id\":").append(json(requestId))
                .append(",\"ip\":").append(json(ip))
                .append(",\"group\":\"default\"")
                .append(",\"use_time\":1")
                .append(",\"other\":").append(json(other))
                .append('}');
    }

    private void oneApiLines(String requestId, Instant at, int status, String message, String ip) {
        String time = ONE_API_TIME.format(at);
        oneApiLines.append("[ERR] ").append(time).append(" | ").append(requestId).append(" | relay error (channel #3, ")
                .append("status code: ").append(status).append("): ").append(message)
                .append(" (request id: ").append(requestId).append(")\n");
        oneApiLines.append("[GIN] ").append(time).append(" | ").append(requestId).append(" | ").append(status)
                .append(" |     350.2ms | ").append(String.format("%15s", ip)).append(" |    POST /v1/chat/completions\n");
    }

    /** The token's name as the console shows it: the customer's masked key when they gave one. */
    private static String tokenName(NewTicket ticket) {
        return ticket.maskedKey() == null ? "default" : ticket.maskedKey();
    }

    String newApiJson() {
        return "[\n" + newApiRows + "\n]\n";
    }

    String oneApiText() {
        return oneApiLines.toString();
    }

    int rows() {
        return rows;
    }

    boolean hasNewApiRows() {
        return !newApiRows.isEmpty();
    }

    boolean hasOneApiLines() {
        return !oneApiLines.isEmpty();
    }

    private static String json(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A gateway's {@code /v1/models} answer listing {@code models}, as an admin would paste it. */
    static String modelsAnswer(List<String> models) {
        return "{\"object\":\"list\",\"data\":[" + String.join(",", models.stream()
                .map(name -> "{\"id\":" + json(name) + ",\"object\":\"model\"}").toList()) + "]}";
    }
}
