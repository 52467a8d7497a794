package io.gatedesk.ticket.web;

import io.gatedesk.ticket.ClientApp;
import io.gatedesk.ticket.Priority;
import io.gatedesk.ticket.QueueRow;
import io.gatedesk.ticket.RelativeTime;
import io.gatedesk.ticket.SlaStatus;
import io.gatedesk.ticket.SlaTimer;
import io.gatedesk.ticket.TicketStatus;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The compiled row template: what a row shows, and that nothing a customer or agent typed becomes markup. */
class QueueRowsHtmlTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final String HOSTILE = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>&amp;";

    private final ResourceBundleMessageSource messages = QueueRowViewsTest.messages();
    private final QueueRowViews views = new QueueRowViews(messages,
            new RelativeTime(messages, Clock.fixed(NOW.plus(Duration.ofMinutes(42)), ZoneOffset.UTC)),
            List.of(ids -> Map.of(7L, HOSTILE)));
    private final QueueRowsHtml html = new QueueRowsHtml(messages);

    private Document render(List<QueueRow> rows, Locale locale) {
        // The rows stand in a table body on the page; parsed there, as a browser parses them.
        return Jsoup.parse("<table><tbody>" + html.render(views.of(rows, locale, "/gd"), locale) + "</tbody></table>");
    }

    @Test
    void everyTypedValueStaysTextInItsCellAndItsAttributes() {
        SlaStatus sla = new SlaStatus(
                new SlaTimer(SlaTimer.State.SOON, NOW.plus(Duration.ofMinutes(90)), Duration.ofMinutes(90)), null);
        QueueRow row = new QueueRow(7, "GD-7", HOSTILE, HOSTILE, TicketStatus.OPEN, Priority.P1, HOSTILE,
                ClientApp.CURSOR, HOSTILE, 401, NOW, NOW, "INVALID_KEY", sla, "2/5", NOW, 3, List.of(HOSTILE));

        Document page = render(List.of(row), Locale.ENGLISH);

        assertThat(page.select("script, img, [onerror]")).isEmpty();
        Element tr = page.selectFirst("tbody > tr");
        assertThat(tr.attr("data-ticket")).isEqualTo("GD-7");
        assertThat(tr.attr("class")).isEqualTo("sla-row-SOON awaiting-reply");
        assertThat(tr.selectFirst("input[data-bulk-pick]").attr("value")).isEqualTo("7:3");
        Element subject = tr.selectFirst("td.subject > a:not(.tag-chip)");
        assertThat(subject.text()).isEqualTo(HOSTILE);
        assertThat(subject.attr("title")).isEqualTo(HOSTILE);
        assertThat(subject.attr("href")).isEqualTo("/gd/desk/tickets/GD-7");
        Element tag = tr.selectFirst("a.tag-chip");
        assertThat(tag.text()).isEqualTo(HOSTILE);
        assertThat(tag.attr("data-tag")).isEqualTo(HOSTILE);
        assertThat(tr.selectFirst("[data-row-mark]").text()).isEqualTo(HOSTILE);
        assertThat(tr.select("small.meta span")).extracting(Element::text).containsExactly("401", HOSTILE, "2/5");
        assertThat(tr.selectFirst("td.customer").text()).isEqualTo(HOSTILE);
        assertThat(tr.selectFirst("td.customer").attr("title")).isEqualTo(HOSTILE);
        assertThat(tr.selectFirst("td.assignee").text()).isEqualTo(HOSTILE);
        assertThat(tr.selectFirst("[data-awaiting-reply]").attr("title")).isEqualTo("Customer replied");
        assertThat(tr.selectFirst(".sla-chip").attr("data-sla")).isEqualTo("SOON");
        assertThat(tr.selectFirst(".sla-chip").text()).isEqualTo("1h 30m left");
        assertThat(tr.select("td")).hasSize(10);
    }

    @Test
    void aBareRowLeavesOutWhatItDoesNotHaveInTheReadersLanguage() {
        QueueRow bare = new QueueRow(8, "GD-8", "Key rejected", "Ann", TicketStatus.NEW, Priority.P3, null,
                ClientApp.CURSOR, null, null, NOW, NOW, null, new SlaStatus(null, null), null, null, 0, List.of());

        Element tr = render(List.of(bare), Locale.SIMPLIFIED_CHINESE).selectFirst("tbody > tr");

        assertThat(tr.select("[data-awaiting-reply], a.tag-chip, [data-row-mark], small.meta, .sla-chip")).isEmpty();
        assertThat(tr.selectFirst("td.sla-cell .help").text()).isEqualTo("—");
        assertThat(tr.selectFirst("td.assignee").text()).isEqualTo("未分配");
        assertThat(tr.selectFirst("[data-category]").attr("data-category")).isEqualTo("none");
        assertThat(tr.selectFirst("time").text()).isEqualTo("42 分钟前");
    }

    @Test
    void noRowsRenderNothing() {
        assertThat(html.render(List.of(), Locale.ENGLISH)).isBlank();
    }
}
