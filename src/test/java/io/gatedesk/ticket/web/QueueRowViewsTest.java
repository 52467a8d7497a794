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

    static ResourceBundleMessageSource messages() {
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
    void aPickedCategoryTheCountsDoNotHoldIsKeptWithItsNameOrItsCode() {
        List<CategoryCount> counts = List.of(new CategoryCount("INVALID_KEY", 12), new CategoryCount(null, 3));

        QueueRowView.Choice known = views.keptCategory(counts, filterOf("RATE_LIMITED"), Locale.SIMPLIFIED_CHINESE);
        QueueRowView.Choice typed = views.keptCategory(counts, filterOf("X"), Locale.ENGLISH);

        assertThat(known).isEqualTo(new QueueRowView.Choice("RATE_LIMITED", "请求被限流", true));
        // A code no category has (typed into the address) shows as itself, not as a missing-message marker.
        assertThat(typed).isEqualTo(new QueueRowView.Choice("X", "X", true));
        assertThat(views.keptCategory(counts, filterOf("INVALID_KEY"), Locale.ENGLISH)).isNull();
        assertThat(views.keptCategory(counts, filterOf("none"), Locale.ENGLISH)).isNull();
        assertThat(views.keptCategory(counts, filterOf(null), Locale.ENGLISH)).isNull();
    }

    private static QueueFilter filterOf(String category) {
        return new QueueFilter("active", null, null, null, QueueSort.UPDATED_DESC, 0, category, null);
    }

    @Test
    void categoryLinksAreTheViewsOwnQueryWithTheCategoryPicked() {
        // A search for the stand-in itself, and a code that needs escaping, still get the view's exact query.
        QueueFilter filter = new QueueFilter("all", Priority.P1, "me", "QUEUECATEGORYSTANDIN 超时", QueueSort.CREATED_ASC,
                3, null, "soon", "billing", 24, "2026-01-01", null, "CURSOR", null, "incident");

        List<QueueRowView.CategoryLink> links = views.categoryLinks(List.of(new CategoryCount("INVALID_KEY", 12),
                new CategoryCount(null, 3), new CategoryCount("odd code/&", 1)), filter, Locale.ENGLISH, "");
        List<QueueRowView.CategoryLink> plain = views.categoryLinks(List.of(new CategoryCount("RATE_LIMIT", 2)),
                filter.withCategory(null), Locale.ENGLISH, "/gd");

        assertThat(links).extracting(QueueRowView.CategoryLink::href).containsExactly(
                "/desk?" + filter.withCategory("INVALID_KEY").toQuery(), "/desk?" + filter.withCategory("none").toQuery(),
                "/desk?" + filter.withCategory("odd code/&").toQuery());
        assertThat(plain.get(0).href()).isEqualTo("/gd/desk?" + filter.withCategory("RATE_LIMIT").toQuery());
    }

    @Test
    void viewLinksCarryEveryParameterOfTheViewEscapedAsTheTemplateDid() {
        QueueFilter filter = new QueueFilter("all", Priority.P1, null, "a b&c/中?#%+", QueueSort.CREATED_ASC, 1,
                "none", null, "billing", 24, null, "2026-12-31", null, "TEST", null);
        var middle = new org.springframework.data.domain.PageImpl<>(List.of("row"),
                org.springframework.data.domain.PageRequest.of(1, 1), 3);
        var only = new org.springframework.data.domain.PageImpl<>(List.of("row"),
                org.springframework.data.domain.PageRequest.of(0, 25), 1);

        QueueRowView.ViewLinks links = views.viewLinks(filter, middle, 1234, "/gd");
        QueueRowView.ViewLinks single = views.viewLinks(QueueFilter.defaults(), only, 5, "");

        String view = "&status=all&priority=P1&assignee=&q=a%20b%26c/%E4%B8%AD?%23%25%2B";
        String rest = "&category=none&sla=&tag=billing&idle=24&filedFrom=&filedTo=2026-12-31&client=&callerType=TEST"
                + "&linked=";
        assertThat(links.changes()).isEqualTo("/gd/desk/changes?since=1234" + view + rest);
        assertThat(links.export()).isEqualTo("/gd/desk/export.csv?" + view.substring(1) + "&sort=CREATED_ASC" + rest);
        assertThat(links.previous()).isEqualTo("/gd/desk?page=0" + view + "&sort=CREATED_ASC" + rest);
        assertThat(links.next()).isEqualTo("/gd/desk?page=2" + view + "&sort=CREATED_ASC" + rest);
        assertThat(links.previousFragment()).isEqualTo("/gd/desk?page=0");
        assertThat(links.nextFragment()).isEqualTo("/gd/desk?page=2");
        assertThat(single.previous()).isNull();
        assertThat(single.next()).isNull();
        assertThat(single.export()).isEqualTo("/desk/export.csv?status=active&priority=&assignee=&q=&sort=UPDATED_DESC"
                + "&category=&sla=&tag=&idle=&filedFrom=&filedTo=&client=&callerType=&linked=");
    }

    @Test
    void aRowCarriesItsClassesAndWhetherItShowsAMetaLine() {
        SlaStatus sla = new SlaStatus(
                new SlaTimer(SlaTimer.State.SOON, NOW.plus(Duration.ofMinutes(90)), Duration.ofMinutes(90)), null);
        QueueRow replied = new QueueRow(7, "GD-7", "Key rejected", "Ann", TicketStatus.OPEN, Priority.P2, null,
                ClientApp.CURSOR, null, null, NOW, NOW, "INVALID_KEY", sla, null, NOW, 0, List.of());

        QueueRowView bare = views.of(List.of(replied), Locale.ENGLISH, "").get(0);
        QueueRowView full = views.of(List.of(row(null, null, new SlaStatus(null, null), "2/5")), Locale.ENGLISH, "")
                .get(0);

        assertThat(bare.rowClass()).isEqualTo("sla-row-SOON awaiting-reply");
        assertThat(bare.statusClass()).isEqualTo("badge status-OPEN");
        assertThat(bare.categoryClass()).isEqualTo("badge category category-INVALID_KEY");
        assertThat(bare.priorityClass()).isEqualTo("badge priority-P2");
        assertThat(bare.meta()).isFalse();
        assertThat(bare.checklistShown()).isFalse();
        assertThat(bare.slaChip().chipClass()).isEqualTo("sla-chip sla-SOON");
        assertThat(bare.slaChip().title()).isEqualTo("First response · 2026-11-28 11:30 UTC");
        assertThat(full.rowClass()).isEqualTo("sla-row-" + full.slaWorst());
        assertThat(full.categoryClass()).isEqualTo("badge category category-none");
        assertThat(full.meta()).isTrue();
        assertThat(full.checklistShown()).isTrue();
        assertThat(full.slaChip()).isNull();
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
