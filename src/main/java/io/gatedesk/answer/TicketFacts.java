package io.gatedesk.answer;

import io.gatedesk.gatewaylog.LogEntryView;
import io.gatedesk.gatewaylog.LogMatch;
import io.gatedesk.gatewaylog.LogMatchService;
import io.gatedesk.secret.MaskedKey;
import io.gatedesk.ticket.TicketDetail;
import io.gatedesk.ticket.TicketService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Gathers the values of every placeholder for one ticket, agent and answer language. */
@Component
class TicketFacts {

    static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** The evidence fields support needs on every case, by the ticket form's message key. */
    static final List<String> EVIDENCE_FIELDS = List.of("requestIds", "maskedKey", "model", "statusCode",
            "requestTime", "client", "baseUrl");

    private final TicketService tickets;
    private final LogMatchService logs;
    private final SiteFacts site;
    private final MessageSource messages;

    TicketFacts(TicketService tickets, LogMatchService logs, SiteFacts site, MessageSource messages) {
        this.tickets = tickets;
        this.logs = logs;
        this.site = site;
        this.messages = messages;
    }

    Map<Placeholder, String> values(long ticketId, String agentName, String language) {
        return values(tickets.detail(ticketId), agentName, language, true);
    }

    /**
     * The values for a ticket already read (a bulk reply reads a chunk of tickets at once). The gateway-log values
     * need a log match per ticket, so they are looked up only {@code withLogs}.
     */
    Map<Placeholder, String> values(TicketDetail ticket, String agentName, String language, boolean withLogs) {
        Locale locale = Languages.locale(language);
        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        values.put(Placeholder.TICKET_NUMBER, ticket.number());
        values.put(Placeholder.TICKET_MODEL, ticket.model());
        values.put(Placeholder.TICKET_MASKED_KEY, maskedKey(ticket));
        values.put(Placeholder.TICKET_REQUEST_ID, ticket.requestIds().isEmpty() ? null : ticket.requestIds().get(0));
        values.put(Placeholder.TICKET_BASE_URL, ticket.baseUrl());
        values.put(Placeholder.TICKET_CLIENT, ticket.client() == null ? null
                : messages.getMessage("client." + ticket.client(), null, locale));
        values.put(Placeholder.CUSTOMER_NAME, ticket.customerName());
        values.put(Placeholder.AGENT_NAME, agentName);
        values.put(Placeholder.SITE_NAME, site.siteName());
        values.put(Placeholder.SITE_API_BASE_URL, site.apiBaseUrl());
        values.put(Placeholder.EXPECTED_BASE_URL, site.expectedBaseUrl(ticket.client()).orElse(null));
        List<LogMatch> matches = withLogs ? logs.forTicket(ticket.id()) : List.of();
        if (!matches.isEmpty()) {
            LogEntryView best = matches.get(0).entry();
            values.put(Placeholder.LOG_STATUS_CODE, best.statusCode() == null ? null : best.statusCode().toString());
            values.put(Placeholder.LOG_ERROR_MESSAGE, best.errorMessage());
            values.put(Placeholder.LOG_TIME, best.createdAt() == null ? null : LOG_TIME.format(best.createdAt()));
        }
        values.put(Placeholder.MISSING_FIELDS, missingFieldList(missingFields(ticket), locale));
        return values;
    }

    /** The ticket's own masked-key field, else the first masked key seen anywhere on it. */
    private static String maskedKey(TicketDetail ticket) {
        if (ticket.maskedKey() != null && !ticket.maskedKey().isBlank()) {
            return ticket.maskedKey();
        }
        return ticket.maskedKeys().stream().map(MaskedKey::masked).findFirst().orElse(null);
    }

    /** The evidence fields this ticket still lacks, in the order support asks for them. */
    static List<String> missingFields(TicketDetail ticket) {
        List<String> missing = new ArrayList<>();
        if (ticket.requestIds().isEmpty()) {
            missing.add("requestIds");
        }
        if (maskedKey(ticket) == null) {
            missing.add("maskedKey");
        }
        if (blank(ticket.model())) {
            missing.add("model");
        }
        if (ticket.statusCode() == null) {
            missing.add("statusCode");
        }
        if (ticket.requestTime() == null) {
            missing.add("requestTime");
        }
        if (ticket.client() == null) {
            missing.add("client");
        }
        if (blank(ticket.baseUrl())) {
            missing.add("baseUrl");
        }
        return missing;
    }

    /** One line per field with the ticket form's help on where to find it; nothing when nothing is missing. */
    private String missingFieldList(List<String> fields, Locale locale) {
        if (fields.isEmpty()) {
            return null;
        }
        StringBuilder list = new StringBuilder();
        for (String field : fields) {
            if (!list.isEmpty()) {
                list.append('\n');
            }
            list.append("- ").append(messages.getMessage("ticket." + field, null, locale))
                    .append(Languages.ZH_CN.equals(Languages.of(locale)) ? "：" : ": ")
                    .append(messages.getMessage("ticket." + field + ".help", null, locale));
        }
        return list.toString();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
