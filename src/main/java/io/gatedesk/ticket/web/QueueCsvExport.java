package io.gatedesk.ticket.web;

import io.gatedesk.ticket.QueueRow;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/** The queue as CSV (commons-csv quotes commas, quotes and newlines in subjects), headed in the agent's language. */
@Component
class QueueCsvExport {

    static final int MAX_ROWS = 10_000;

    private final MessageSource messages;

    QueueCsvExport(MessageSource messages) {
        this.messages = messages;
    }

    void write(List<QueueRow> rows, Locale locale, Writer out) throws IOException {
        // A byte-order mark makes spreadsheet programs read the file as UTF-8, so Chinese text survives.
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(
                label("ticket.number", locale), label("ticket.subject", locale), label("desk.customer", locale),
                label("ticket.status", locale), label("desk.category", locale), label("ticket.priority", locale),
                label("ticket.assignee", locale),
                label("ticket.client", locale), label("ticket.model", locale), label("ticket.statusCode", locale),
                label("desk.created", locale), label("ticket.updated", locale), label("tags.heading", locale)).get())) {
            for (QueueRow row : rows) {
                csv.printRecord(row.number(), neutralised(row.subject()), neutralised(row.customerName()),
                        label("status." + row.status(), locale),
                        row.category() == null ? "" : label("category." + row.category() + ".name", locale),
                        row.priority(),
                        row.assigneeName() == null ? "" : neutralised(row.assigneeName()),
                        row.client() == null ? "" : label("client." + row.client(), locale),
                        row.model() == null ? "" : neutralised(row.model()),
                        row.statusCode() == null ? "" : row.statusCode(), row.createdAt(), row.updatedAt(),
                        neutralised(String.join(" ", row.tags())));
            }
        }
    }

    /** Customer text starting with = + - @ would run as a formula in a spreadsheet; a leading quote keeps it text. */
    static String neutralised(String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
