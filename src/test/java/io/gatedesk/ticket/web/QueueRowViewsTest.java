package io.gatedesk.ticket.web;

import io.gatedesk.ticket.RelativeTime;
import io.gatedesk.ticket.CategoryCount;
import io.gatedesk.ticket.ClientApp;
import io.gatedesk.ticket.Priority;
import io.gatedesk.ticket.QueueFilter;
import io.gatedesk.ticket.QueueRow;
import io.gatedesk.ticket.QueueSort;
import io.gatedesk.ticket.SlaStatus;
import io.gatedesk.ticket.SlaTimer;
import io.gatedesk.ticket.TicketStatus;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class QueueRowViewsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private final QueueRowViews views = new QueueRowViews(messages(),
            new RelativeTime(messages(), Clock.fixed(NOW.plus(Duration.ofMinutes(42)), ZoneOffset.UTC)));

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("messages", "i18n/triage", "i18n/answers", "i18n/desk");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    private static QueueRow row(String category, String assignee, SlaStatus sla, String checklist) {
        return new QueueRow(7, "GD-7", "Key rejected", "Ann", TicketStatus.NEW, Priority.P2, assignee,
                ClientApp.CURSOR, "gpt-4o", 401, NOW, NOW, category, sla, checklist, null, 0, List.of());
    }

    @Test
    void everyLabelIsInTheReadersLanguage() {
        SlaStatus sla = new SlaStatus(
                new SlaTimer(SlaTimer.State.SOON, NOW.plus(Duration.ofMinutes(90)), Duration.ofMinutes(90)),
                new SlaTimer(SlaTimer.State.RUNNING, NOW.plus(Duration.ofDays(2)), Duration.ofHours(50)));

        QueueRowView en = views.of(List.of(row("INVALID_KEY", null, sla, null)), Locale.ENGLISH, "").get(0);
        QueueRowView zh = views.of(List.of(row("INVALID_KEY", null, sla, null)), Locale.SIMPLIFIED_CHINESE, "/gd")
                .get(0);

        assertThat(en.href()).isEqualTo("/desk/tickets/GD-7");
        assertThat(zh.href()).isEqualTo("/gd/desk/tickets/GD-7");
        assertThat(en.statusLabel()).isEqualTo("New");
        assertThat(zh.statusLabel()).isEqualTo("新建");
        assertThat(en.categoryLabel()).isEqualTo("Invalid key");
        assertThat(zh.categoryLabel()).isEqualTo("密钥无效");
        assertThat(en.assignee()).isEqualTo("Unassigned");
        assertThat(zh.assignee()).isEqualTo("未分配");
        assertThat(en.checklist()).isEqualTo("—");
        assertThat(en.slaWorst()).isEqualTo("SOON");
        assertThat(en.sla()).extracting(QueueRowView.SlaCell::text).containsExactly("1h 30m left", "2d 2h left");
        assertThat(zh.sla()).extracting(QueueRowView.SlaCell::text).containsExactly("剩余 1小时30分", "剩余 2天2小时");
        assertThat(zh.sla().get(0).label()).isEqualTo("首次响应");
        assertThat(en.sla().get(0).due()).isEqualTo("2026-11-28 11:30 UTC");
    }

    @Test
    void overdueClocksSaySoAndStoppedClocksAreNotShown() {
        SlaStatus sla = new SlaStatus(
                new SlaTimer(SlaTimer.State.MET, NOW.minus(Duration.ofHours(1)), Duration.ofHours(3)),
                new SlaTimer(SlaTimer.State.BREACHED, NOW.minus(Duration.ofMinutes(5)), Duration.ofMinutes(-5)));

        QueueRowView view = views.of(List.of(row(null, "Bea", sla, "2/5")), Locale.ENGLISH, "").get(0);

        assertThat(view.sla()).singleElement().satisfies(cell -> {
            assertThat(cell.label()).isEqualTo("Resolution");
            assertThat(cell.state()).isEqualTo("BREACHED");
            assertThat(cell.text()).isEqualTo("overdue by 5m");
        });
        assertThat(view.slaWorst()).isEqualTo("BREACHED");
        assertThat(view.category()).isEqualTo("none");
        assertThat(view.categoryLabel()).isEqualTo("Not classified yet");
        assertThat(view.assignee()).isEqualTo("Bea");
        assertThat(view.checklist()).isEqualTo("2/5");
    }

    @Test
    void categoryLinksKeepTheViewAndPickTheCategory() {
        QueueFilter filter = new QueueFilter("all", Priority.P1, "me", "超时 & 429", QueueSort.CREATED_ASC, 3,
                "INVALID_KEY", null);

        List<QueueRowView.CategoryLink> links = views.categoryLinks(
                List.of(new CategoryCount("INVALID_KEY", 12), new CategoryCount(null, 3)), filter,
                Locale.SIMPLIFIED_CHINESE, "/gd");

        assertThat(links).extracting(QueueRowView.CategoryLink::label).containsExactly("密钥无效", "尚未分类");
        assertThat(links).extracting(QueueRowView.CategoryLink::selected).containsExactly(true, false);
        assertThat(links.get(1).category()).isEqualTo("none");
        assertThat(links.get(1).count()).isEqualTo(3);
        // Every part of the view is kept (the page is not: a new category starts at its first page), text encoded.
        assertThat(links.get(1).href()).isEqualTo("/gd/desk?status=all&priority=P1&assignee=me"
                + "&q=%E8%B6%85%E6%97%B6%20%26%20429&sort=CREATED_ASC&category=none&page=0");
    }

    @Test
    void aRowIsOneLineWithTheMostUrgentClockAndHowLongAgo() {
        SlaStatus sla = new SlaStatus(
                new SlaTimer(SlaTimer.State.RUNNING, NOW.plus(Duration.ofHours(3)), Duration.ofHours(3)),
                new SlaTimer(SlaTimer.State.BREACHED, NOW.minus(Duration.ofMinutes(5)), Duration.ofMinutes(-5)));
        QueueRow replied = new QueueRow(7, "GD-7", "Key rejected", "Ann", TicketStatus.OPEN, Priority.P2, null,
                ClientApp.CURSOR, "gpt-4o", 401, NOW, NOW, null, sla, null, NOW, 0, List.of());

        QueueRowView en = views.of(List.of(replied), Locale.ENGLISH, "").get(0);
        QueueRowView zh = views.of(List.of(row(null, null, sla, null)), Locale.SIMPLIFIED_CHINESE, "").get(0);

        assertThat(en.slaChip().state()).isEqualTo("BREACHED");
        assertThat(en.slaChip().text()).isEqualTo("overdue by 5m");
        assertThat(en.updatedAgo()).isEqualTo("42 min ago");
        assertThat(zh.updatedAgo()).isEqualTo("42 分钟前");
        assertThat(en.awaitingReply()).isTrue();
        assertThat(zh.awaitingReply()).isFalse();
    }

    @Test
    void rowsLinkToTheirTicketWithTheWayBackToTheView() {
        QueueFilter view = new QueueFilter("all", Priority.P1, "me", "超时 & 429", QueueSort.CREATED_ASC, 3,
                "none", "breached");

        QueueRowView row = views.of(List.of(row(null, null, new SlaStatus(null, null), null)), Locale.ENGLISH, "", view).get(0);

        assertThat(row.href()).startsWith("/desk/tickets/GD-7?from=");
        String from = java.net.URLDecoder.decode(row.href().substring(row.href().indexOf("from=") + 5),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(QueueFilter.parse(from)).isEqualTo(view);
    }

    @Test
    void aMalformedViewFallsBackToTheDefaults() {
        assertThat(QueueFilter.parse("status=&priority=P9&sort=NOPE&page=x&q=%")).isEqualTo(
                new QueueFilter("active", null, null, "%", QueueSort.UPDATED_DESC, 0, null, null));
        assertThat(QueueFilter.parse(null)).isEqualTo(QueueFilter.defaults());
    }
}
