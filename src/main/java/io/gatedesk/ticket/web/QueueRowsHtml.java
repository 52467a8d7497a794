package io.gatedesk.ticket.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The queue table's rows as HTML, from the jte template {@code src/main/jte/ticket/queueRows.jte}, compiled to a Java
 * class at build time. The queue page (Thymeleaf) places the result in its table body unescaped: the template escapes
 * every value for the place it is written (text or attribute). Thymeleaf interpreting some thirty processors per row,
 * 25 rows a page, cost more than the rest of the page together (docs/performance.md, "Queue page, sixth pass").
 */
@Component
class QueueRowsHtml {

    static final String TEMPLATE = "ticket/queueRows.jte";
    // About 1.6 KB of markup per row.
    private static final int BYTES_PER_ROW = 2048;

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final MessageSource messages;

    QueueRowsHtml(MessageSource messages) {
        this.messages = messages;
    }

    String render(List<QueueRowView> rows, Locale locale) {
        StringOutput html = new StringOutput(Math.max(1, rows.size()) * BYTES_PER_ROW);
        engine.render(TEMPLATE, Map.of("rows", rows,
                "awaitingReplyLabel", messages.getMessage("desk.awaitingReply", null, locale)), html);
        return html.toString();
    }
}
