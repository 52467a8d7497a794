package io.gatedesk.metrics;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every metrics definition against a hand-built fixture in the first week of March 2020, site time zone
 * Asia/Shanghai (UTC+8), with the expected numbers worked out by hand (see each ticket's comment). The same
 * contract runs on H2 and on PostgreSQL, so both databases must give these exact numbers.
 */
abstract class MetricsContract {

    static final LocalDate MONDAY = LocalDate.parse("2020-03-02");
    static final LocalDate SUNDAY = LocalDate.parse("2020-03-08");
    static final String CLIENT = "BACKEND_SERVICE";
    static final String CALLER = "HIGH_COST";

    @Autowired
    MetricsService metrics;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    MetricsRollup rollup;

    String answerKey;
    String checklist;

    @BeforeEach
    void fixture() {
        String key = jdbc.queryForObject("SELECT MIN(answer_key) FROM answers WHERE answer_key <> ?", String.class,
                MetricsRepository.REQUEST_MISSING_EVIDENCE);
        answerKey = key;
        checklist = jdbc.queryForObject("SELECT category FROM checklist_items ORDER BY id FETCH FIRST 1 ROWS ONLY",
                String.class);
        if (jdbc.queryForObject("SELECT COUNT(*) FROM tickets WHERE subject = 'metrics fixture'", Long.class) > 0) {
            return;
        }
        try {
            insertFixture(key, checklist);
        } finally {
            // The fixture is written with past timestamps, behind the refresher's watermark: rebuild, so every test
            // here reads the figures from the rollup (MetricsRollupContract compares the two sources).
            rollup.rebuild();
        }
    }

    private void insertFixture(String key, String checklist) {
        long evidenceAnswer = jdbc.queryForObject("SELECT MIN(id) FROM answers WHERE answer_key = ?", Long.class,
                MetricsRepository.REQUEST_MISSING_EVIDENCE);
        long otherAnswer = jdbc.queryForObject("SELECT MIN(id) FROM answers WHERE answer_key = ?", Long.class, key);
        long item = jdbc.queryForObject("SELECT MIN(id) FROM checklist_items WHERE category = ?", Long.class,
                checklist);

        // T1: 23:59 Shanghai on Monday (15:59 UTC), first reply after 1 h using a short answer inserted before it,
        // resolved after 2 h with that one reply: library-answered, one-touch.
        Instant t1At = at("2020-03-02T15:59:00Z");
        long t1 = ticket(t1At, "a@example.com", "INVALID_KEY", CLIENT, CALLER, t1At.plusSeconds(3600),
                t1At.plusSeconds(7200));
        use(otherAnswer, t1, t1At.plusSeconds(1800));
        message(t1, "STAFF", "PUBLIC", t1At.plusSeconds(3600));
        tick(t1, item, true, at("2020-03-03T00:00:00Z"));
        // T2: one minute later, 00:00 Tuesday in Shanghai; same customer and category as T1 (returning), set to
        // waiting on customer twice (a follow-up), first reply after 3 h, never resolved (resolution SLA breached).
        Instant t2At = at("2020-03-02T16:00:00Z");
        long t2 = ticket(t2At, "A@example.com".toLowerCase(), "INVALID_KEY", CLIENT, CALLER, t2At.plusSeconds(10800),
                null);
        message(t2, "STAFF", "PUBLIC", t2At.plusSeconds(10800));
        event(t2, "STATUS_CHANGED", "OPEN → WAITING_ON_CUSTOMER", t2At.plusSeconds(10800));
        event(t2, "STATUS_CHANGED", "WAITING_ON_CUSTOMER → OPEN", t2At.plusSeconds(20000));
        event(t2, "STATUS_CHANGED", "OPEN → WAITING_ON_CUSTOMER", t2At.plusSeconds(30000));
        tick(t2, item, false, at("2020-03-03T00:00:00Z"));
        // T3: wrong base URL (a configuration ticket); first reply after 10 h (breaches P3's 8 h), then the
        // request-missing-evidence answer (a follow-up), two replies, reopened, resolved after 100 h (breaches 72 h).
        Instant t3At = at("2020-03-04T02:00:00Z");
        long t3 = ticket(t3At, "b@example.com", "WRONG_BASE_URL", CLIENT, CALLER, t3At.plusSeconds(36000),
                t3At.plusSeconds(360000));
        message(t3, "STAFF", "PUBLIC", t3At.plusSeconds(36000));
        use(evidenceAnswer, t3, t3At.plusSeconds(36000 + 3600));
        message(t3, "STAFF", "PUBLIC", t3At.plusSeconds(36000 + 7200));
        event(t3, "REOPENED", null, t3At.plusSeconds(200000));
        // T4: not classified, filed after a configuration check that found a problem: a configuration ticket;
        // no reply and not resolved, so both SLA clocks are breached.
        Instant t4At = at("2020-03-05T03:00:00Z");
        long t4 = ticket(t4At, "c@example.com", null, CLIENT, CALLER, null, null);
        episode("CONFIG_CHECK", "PAGE", at("2020-03-05T02:00:00Z"), 3, false, t4At, t4);
        // T5: another client, left out by the filter.
        long t5 = ticket(at("2020-03-05T04:00:00Z"), "e@example.com", "RATE_LIMITED", "CURSOR", CALLER, null, null);
        // Escalations: T3 in the week (and a second round on Monday 9 March in Shanghai, outside), T5 in the week
        // (another client: counted only without the client filter).
        escalation(t3, 1, "HANDED_BACK", at("2020-03-04T14:00:00Z"));
        escalation(t3, 2, "OPEN", at("2020-03-08T16:30:00Z"));
        escalation(t5, 1, "WITHDRAWN", at("2020-03-05T05:00:00Z"));
        // Incidents: two confirmed in the week (one already resolved); a pending suggestion, a dismissed one and a
        // merged one that do not count; a confirmed one on Monday 9 March in Shanghai, outside.
        incident(false, "INVESTIGATING", "WRONG_BASE_URL", at("2020-03-04T03:00:00Z"));
        incident(false, "RESOLVED", "RATE_LIMITED", at("2020-03-06T03:00:00Z"));
        incident(true, "INVESTIGATING", "RATE_LIMITED", at("2020-03-05T03:00:00Z"));
        incident(false, "DISMISSED", "RATE_LIMITED", at("2020-03-05T03:00:00Z"));
        incident(false, "MERGED", "RATE_LIMITED", at("2020-03-05T03:00:00Z"));
        incident(false, "INVESTIGATING", "RATE_LIMITED", at("2020-03-08T16:30:00Z"));
        // T6: filed before the week, resolved inside it (Tuesday 10:00 Shanghai) after one reply: one-touch.
        Instant t6At = at("2020-02-20T00:00:00Z");
        long t6 = ticket(t6At, "d@example.com", "INVALID_KEY", CLIENT, CALLER, t6At.plusSeconds(3600),
                at("2020-03-03T02:00:00Z"));
        message(t6, "STAFF", "PUBLIC", t6At.plusSeconds(3600));

        // The use ledger (knowledge's kb_usage, per site-local day), where the usage figures are read from. It holds
        // more than the tables above on purpose: one more insert (in Chinese, on no fixture ticket), T2's tick that
        // was later taken back (the ledger counts ticks, not items still ticked) and one more help-page view, so a
        // figure read from answer_usage, ticket_checklist_items or help_page_views instead gives a smaller number.
        ledger("ANSWER", key, "en", "ANSWER_INSERTED", "2020-03-03", 1); // T1's insert, 00:29 Tuesday in Shanghai
        ledger("ANSWER", key, "zh-CN", "ANSWER_INSERTED", "2020-03-04", 1);
        ledger("ANSWER", MetricsRepository.REQUEST_MISSING_EVIDENCE, "en", "ANSWER_INSERTED", "2020-03-04", 1);
        ledger("ANSWER", key, "en", "ANSWER_INSERTED", "2020-03-09", 5); // outside the week
        ledger("CHECKLIST", checklist, "en", "CHECKLIST_TICKED", "2020-03-03", 2);
        ledger("HELP_PAGE", "cursor", "en", "VIEW", "2020-03-03", 1);
        ledger("HELP_PAGE", "cursor", "zh-CN", "VIEW", "2020-03-04", 2);
        ledger("HELP_PAGE", "dify", "en", "VIEW", "2020-03-05", 1);
        ledger("HELP_PAGE", "cursor", "en", "VIEW", "2020-03-09", 1); // outside the week
        ledger("ARTICLE", "cursor", "en", "VIEW", "2020-03-04", 7); // an article, not the help page

        helpView("cursor", at("2020-03-03T01:00:00Z"));
        helpView("cursor", at("2020-03-04T01:00:00Z"));
        helpView("dify", at("2020-03-05T01:00:00Z"));
        helpView("cursor", at("2020-03-08T16:00:00Z")); // 00:00 Monday 9 March in Shanghai: outside
        episode("CONFIG_CHECK", "PAGE", at("2020-03-06T02:00:00Z"), 1, true, null, null); // deflected
        episode("DIAGNOSIS", "API", at("2020-03-06T03:00:00Z"), 2, false, null, null); // API: never deflected
        episode("DIAGNOSIS", "TICKET_FORM", at("2020-03-06T04:00:00Z"), 1, false, null, null); // deflected
    }

    MetricsQuery week(Granularity granularity, String client) {
        return new MetricsQuery(MONDAY, SUNDAY, granularity, null, client, client == null ? null : CALLER);
    }

    @Test
    void everyDefinitionGivesTheHandWorkedNumbers() {
        MetricsReport report = metrics.report(week(Granularity.DAY, CLIENT));

        assertThat(rollup.isCurrent()).as("these figures are read from the rollup").isTrue();
        assertThat(report.timeZone()).isEqualTo("Asia/Shanghai");
        assertThat(report.tickets()).isEqualTo(4);
        // 23:59 Shanghai counts on Monday, 00:00 on Tuesday; the five named categories first, "none" last.
        assertThat(report.categories()).containsExactly(
                new MetricsReport.CategoryCount("INVALID_KEY", MONDAY, 1),
                new MetricsReport.CategoryCount("INVALID_KEY", MONDAY.plusDays(1), 1),
                new MetricsReport.CategoryCount("WRONG_BASE_URL", MONDAY.plusDays(2), 1),
                new MetricsReport.CategoryCount("none", MONDAY.plusDays(3), 1));
        assertThat(report.configTickets()).extracting(MetricsReport.PeriodCount::count)
                .containsExactly(0L, 0L, 1L, 1L, 0L, 0L, 0L);
        assertThat(report.repeatRatio().libraryAnswered()).isEqualTo(1.0 / 3);
        assertThat(report.repeatRatio().returning()).isEqualTo(1.0 / 3);
        assertThat(report.followUpRatio()).isEqualTo(2.0 / 3);
        assertThat(report.firstReplySeconds()).isEqualTo(new MetricsReport.Percentiles(10800.0, 30960.0));
        assertThat(report.resolutionSeconds()).isEqualTo(new MetricsReport.Percentiles(360000.0, 907200.0));
        assertThat(report.oneTouchRate()).isEqualTo(2.0 / 3);
        assertThat(report.reopenRate()).isEqualTo(1.0 / 3);
        assertThat(report.slaBreaches()).isEqualTo(new MetricsReport.SlaBreaches(2, 3));
        assertThat(report.backlog()).extracting(MetricsReport.PeriodCount::count)
                .containsExactly(2L, 1L, 2L, 3L, 3L, 3L, 2L);
        // Usage comes from the ledger (both languages together, every ticket); sends from the filtered tickets.
        assertThat(report.usage().shortAnswers()).containsExactly(
                new MetricsReport.AnswerUse(answerKey, 2, 1),
                new MetricsReport.AnswerUse(MetricsRepository.REQUEST_MISSING_EVIDENCE, 1, 1));
        assertThat(report.usage().checklists()).containsExactly(new MetricsReport.ChecklistUse(checklist, 2));
        assertThat(report.usage().helpPages()).containsExactly(new MetricsReport.HelpPageUse("cursor", 3),
                new MetricsReport.HelpPageUse("dify", 1));
        assertThat(report.usage().configChecks()).isEqualTo(4);
        assertThat(report.usage().diagnoses()).isEqualTo(3);
        assertThat(report.usage().deflections()).isEqualTo(2);
        assertThat(report.denominators()).isEqualTo(new MetricsReport.Denominators(3, 3, 3));
        // T3's first round; T5 is another client's, the second round is outside. Incidents have no client.
        assertThat(report.escalations()).isEqualTo(1);
        assertThat(report.incidents()).isEqualTo(2);
        MetricsReport everyClient = metrics.report(week(Granularity.DAY, null));
        assertThat(everyClient.escalations()).isEqualTo(2);
        assertThat(everyClient.incidents()).isEqualTo(2);
        MetricsReport rateLimited = metrics.report(new MetricsQuery(MONDAY, SUNDAY, Granularity.DAY, "RATE_LIMITED",
                null, null));
        assertThat(rateLimited.escalations()).isEqualTo(1);
        assertThat(rateLimited.incidents()).isEqualTo(1);
    }

    @Test
    void weeksAreNamedByTheirMondayAndFiltersCanBeLeftOut() {
        MetricsReport weekly = metrics.report(week(Granularity.WEEK, CLIENT));
        assertThat(weekly.periods()).containsExactly(MONDAY);
        assertThat(weekly.categories()).containsExactly(
                new MetricsReport.CategoryCount("INVALID_KEY", MONDAY, 2),
                new MetricsReport.CategoryCount("WRONG_BASE_URL", MONDAY, 1),
                new MetricsReport.CategoryCount("none", MONDAY, 1));
        assertThat(weekly.configTickets()).containsExactly(new MetricsReport.PeriodCount(MONDAY, 2));
        assertThat(weekly.backlog()).containsExactly(new MetricsReport.PeriodCount(MONDAY, 2));

        MetricsReport everyone = metrics.report(new MetricsQuery(MONDAY, SUNDAY, Granularity.DAY, null, null, null));
        assertThat(everyone.tickets()).isEqualTo(5);
        assertThat(everyone.categories()).contains(new MetricsReport.CategoryCount("RATE_LIMITED",
                MONDAY.plusDays(3), 1));
    }

    @Test
    void ratiosAreNullNotZeroWhenNothingIsCounted() {
        MetricsReport empty = metrics.report(new MetricsQuery(LocalDate.parse("2019-01-07"),
                LocalDate.parse("2019-01-13"), Granularity.DAY, null, CLIENT, CALLER));
        assertThat(empty.tickets()).isZero();
        assertThat(empty.repeatRatio().libraryAnswered()).isNull();
        assertThat(empty.repeatRatio().returning()).isNull();
        assertThat(empty.followUpRatio()).isNull();
        assertThat(empty.oneTouchRate()).isNull();
        assertThat(empty.reopenRate()).isNull();
        assertThat(empty.firstReplySeconds()).isEqualTo(new MetricsReport.Percentiles(null, null));
        assertThat(empty.resolutionSeconds()).isEqualTo(new MetricsReport.Percentiles(null, null));
        assertThat(MetricsCsv.of(empty)).contains("followUpRatio,,,\r\n");
    }

    @Test
    void badQueriesAreRefusedWithAReason() {
        assertThatThrownBy(() -> metrics.report(new MetricsQuery(SUNDAY, MONDAY, Granularity.DAY, null, null, null)))
                .isInstanceOf(InvalidMetricsQueryException.class).hasMessage("metrics.error.order");
        assertThatThrownBy(() -> metrics.report(new MetricsQuery(MONDAY, SUNDAY, Granularity.DAY, "NOPE", null, null)))
                .hasMessage("metrics.error.category");
    }

    @Test
    void theApiAndTheCsvShowTheSameFiguresToStaffOnly() throws Exception {
        String query = "/api/v1/metrics?from=2020-03-02&to=2020-03-08&granularity=day&client=" + CLIENT
                + "&callerType=" + CALLER;
        mvc.perform(get(query).with(user("agent").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2020-03-02"))
                .andExpect(jsonPath("$.to").value("2020-03-08"))
                .andExpect(jsonPath("$.timeZone").value("Asia/Shanghai"))
                .andExpect(jsonPath("$.tickets").value(4))
                .andExpect(jsonPath("$.categories[0].category").value("INVALID_KEY"))
                .andExpect(jsonPath("$.categories[0].period").value("2020-03-02"))
                .andExpect(jsonPath("$.categories[0].count").value(1))
                .andExpect(jsonPath("$.configTickets[2].period").value("2020-03-04"))
                .andExpect(jsonPath("$.configTickets[2].count").value(1))
                .andExpect(jsonPath("$.repeatRatio.libraryAnswered").value(1.0 / 3))
                .andExpect(jsonPath("$.repeatRatio.returning").value(1.0 / 3))
                .andExpect(jsonPath("$.followUpRatio").value(2.0 / 3))
                .andExpect(jsonPath("$.firstReplySeconds.median").value(10800.0))
                .andExpect(jsonPath("$.firstReplySeconds.p90").value(30960.0))
                .andExpect(jsonPath("$.resolutionSeconds.median").value(360000.0))
                .andExpect(jsonPath("$.oneTouchRate").value(2.0 / 3))
                .andExpect(jsonPath("$.reopenRate").value(1.0 / 3))
                .andExpect(jsonPath("$.slaBreaches.firstResponse").value(2))
                .andExpect(jsonPath("$.slaBreaches.resolution").value(3))
                .andExpect(jsonPath("$.usage.shortAnswers[0].key").value(answerKey))
                .andExpect(jsonPath("$.usage.shortAnswers[0].uses").value(2))
                .andExpect(jsonPath("$.usage.shortAnswers[0].sends").value(1))
                .andExpect(jsonPath("$.usage.checklists[0].ticks").value(2))
                .andExpect(jsonPath("$.usage.helpPages[0].key").value("cursor"))
                .andExpect(jsonPath("$.usage.configChecks").value(4))
                .andExpect(jsonPath("$.usage.deflections").value(2))
                .andExpect(jsonPath("$.escalations").value(1))
                .andExpect(jsonPath("$.incidents").value(2));
        mvc.perform(get("/api/v1/metrics?from=2019-01-07&to=2019-01-13&client=" + CLIENT)
                        .with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.followUpRatio").value((Object) null))
                .andExpect(jsonPath("$.repeatRatio.libraryAnswered").value((Object) null));

        String csv = mvc.perform(get(query.replace("/api/v1/metrics?", "/api/v1/metrics.csv?"))
                        .with(user("agent").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString();
        assertThat(csv.split("\r\n")).startsWith(MetricsCsv.HEADER, "tickets,,,4",
                "categories,\"INVALID_KEY\",2020-03-02,1", "categories,\"INVALID_KEY\",2020-03-03,1");
        assertThat(csv).contains("followUpRatio,,," + (2.0 / 3) + "\r\n", "slaBreaches,\"resolution\",,3\r\n",
                "backlog,,2020-03-08,2\r\n", "helpPageViews,\"cursor\",,3\r\n", "deflections,,,2\r\n",
                "escalations,,,1\r\n", "incidents,,,2\r\n");

        mvc.perform(get(query).with(user("eng").roles("ENGINEER"))).andExpect(status().isOk());
        mvc.perform(get(query)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/metrics?from=2020-03-08&to=2020-03-02").with(user("agent").roles("AGENT")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.message").value("The start date must not be after the end date."));
        mvc.perform(get("/api/v1/metrics?from=yesterday").with(user("agent").roles("AGENT")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/metrics?granularity=month").with(user("agent").roles("AGENT")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.message").value("Show the figures by day or by week."));
    }

    static final String DASHBOARD = "/desk/metrics?period=custom&from=2020-03-02&to=2020-03-08&granularity=day&client="
            + CLIENT + "&callerType=" + CALLER;

    Document dashboard(MockHttpServletRequestBuilder request, int status) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void theDashboardDrawsTheReportsFiguresFromTablesWithQueueAndCsvLinks() throws Exception {
        // Not an htmx page: an HX-Request header gets the same whole page, not a fragment that could drift from it.
        for (boolean htmx : new boolean[] {false, true}) {
            MockHttpServletRequestBuilder request = get(DASHBOARD).with(user("agent").roles("AGENT"));
            Document page = dashboard(htmx ? request.header("HX-Request", "true") : request, 200);

            assertThat(page.select("[data-metrics-range] strong").text())
                    .isEqualTo("2020-03-02 – 2020-03-08 (Asia/Shanghai time), by day");
            assertThat(page.select("[data-figure=tickets]").text()).isEqualTo("4");
            assertThat(page.select("[data-metrics-freshness]").text()).startsWith("Ticket figures come from a "
                    + "summary refreshed every 5 seconds").contains("categories set by automatic triage included");
            assertThat(page.select("[data-figure=followUp]").text()).isEqualTo("66.7%");
            assertThat(page.select("[data-figure=deflections]").text()).isEqualTo("2");
            assertThat(page.select("[data-metrics-form] select[name=client] option[selected]").val()).isEqualTo(CLIENT);
            Element handoffs = page.selectFirst("#chart-handoffs table[data-chart-table]");
            assertThat(handoffs.select("tbody th").eachText()).containsExactly("Escalated to engineering",
                    "Incidents confirmed");
            assertThat(handoffs.select("tbody td").eachText()).containsExactly("1", "2");

            // Tickets per category: the five named categories first, one row per day; 23:59 Shanghai is Monday.
            Element categories = page.selectFirst("#chart-categories table[data-chart-table]");
            assertThat(categories.attr("data-kind")).isEqualTo("stacked");
            assertThat(categories.select("thead th[data-series]").eachText()).startsWith("Invalid key",
                    "Insufficient balance or quota", "Rate limited", "Model not available", "Upstream timeout");
            assertThat(categories.select("thead th[data-series]").eachText())
                    .endsWith("Wrong base URL", "Not classified");
            assertThat(categories.select("tbody tr")).hasSize(7);
            assertThat(categories.select("tbody tr").get(0).select("td").get(0).attr("data-value")).isEqualTo("1.0");
            assertThat(categories.select("tbody tr").get(1).select("td").get(0).attr("data-value")).isEqualTo("1.0");
            assertThat(categories.select("thead th[data-series]").get(0).attr("data-href"))
                    .isEqualTo("/desk?status=all&category=INVALID_KEY&filedFrom=2020-03-02&filedTo=2020-03-08&client="
                            + CLIENT + "&callerType=" + CALLER);

            assertThat(page.select("#chart-config td").eachAttr("data-value"))
                    .containsExactly("0.0", "0.0", "1.0", "1.0", "0.0", "0.0", "0.0");
            assertThat(page.select("#chart-config a[data-queue-link]").attr("href"))
                    .isEqualTo("/desk?status=all&category=WRONG_BASE_URL&filedFrom=2020-03-02&filedTo=2020-03-08"
                            + "&client=" + CLIENT + "&callerType=" + CALLER);
            assertThat(page.select("#chart-backlog td").eachText()).containsExactly("2", "1", "2", "3", "3", "3", "2");
            // Ratios in percent, times in hours: follow-up 2 of 3; first reply median 3 h, p90 8.6 h.
            assertThat(page.select("#chart-ratios td").eachText())
                    .containsExactly("33.3%", "33.3%", "66.7%", "66.7%", "33.3%");
            assertThat(page.select("#chart-times td").eachText()).startsWith("3.0 h", "8.6 h");
            assertThat(page.select("#chart-sla td").eachText()).containsExactly("2", "3");
            assertThat(page.select("#chart-sla a[data-queue-link]").attr("href"))
                    .isEqualTo("/desk?status=active&sla=breached&client=" + CLIENT + "&callerType=" + CALLER);
            assertThat(page.select("#chart-help tbody th").eachText()).containsExactly("cursor", "dify");
            assertThat(page.select("#chart-selfservice td").eachText()).containsExactly("4", "3", "2");
            assertThat(page.select("[data-chart-canvas]")).hasSizeGreaterThanOrEqualTo(9);

            assertThat(page.select("a[data-metrics-csv]").attr("href")).isEqualTo("/desk/metrics.csv?period=custom"
                    + "&from=2020-03-02&to=2020-03-08&granularity=day&client=" + CLIENT + "&callerType=" + CALLER);
            // Behaviour only from files, each script carrying the response's nonce; no data inside a script.
            assertThat(page.select("script")).allSatisfy(script -> {
                assertThat(script.attr("src")).isNotEmpty();
                assertThat(script.data()).isEmpty();
                assertThat(script.attr("nonce")).isNotEmpty();
            });
            assertThat(page.select("script").eachAttr("src")).contains("/assets/js/metrics.js")
                    .anyMatch(src -> src.matches("/webjars/echarts/5\\.3\\.1/dist/echarts\\.min\\.js"));
            assertThat(page.select("[onclick], [onchange], [hx-on]")).isEmpty();
        }
    }

    @Test
    void theDashboardIsForAllStaffLikeTheApiAndSendsOthersToLogin() throws Exception {
        assertThat(dashboard(get(DASHBOARD).with(user("root").roles("ADMIN")), 200).select("[data-figure=tickets]")
                .text()).isEqualTo("4");
        Document engineer = dashboard(get(DASHBOARD).with(user("eng").roles("ENGINEER")), 200);
        assertThat(engineer.select("[data-figure=tickets]").text()).isEqualTo("4");
        assertThat(engineer.select("header nav a[href=/desk/metrics]")).hasSize(1);
        mvc.perform(get(DASHBOARD)).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
        mvc.perform(get(DASHBOARD.replace("/desk/metrics?", "/desk/metrics.csv?")))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void theDashboardSpeaksChinese() throws Exception {
        Document page = dashboard(get(DASHBOARD).header("Accept-Language", "zh-CN").with(user("agent").roles("AGENT")),
                200);
        assertThat(page.select("h1").text()).isEqualTo("指标");
        assertThat(page.select("[data-metrics-range] strong").text())
                .isEqualTo("2020-03-02 至 2020-03-08(Asia/Shanghai 时间),按天");
        assertThat(page.select("#chart-categories thead th[data-series]").eachText()).contains("密钥无效", "未分类");
        assertThat(page.select("#chart-ratios tbody th").eachText()).contains("首次回复后仍需追问证据");
        assertThat(page.select("#chart-times td").eachText()).startsWith("3.0 小时");
        assertThat(page.select("#chart-times table").attr("data-unit-label")).isEqualTo("小时");
        assertThat(page.select("a[data-metrics-csv]").text()).isEqualTo("下载 CSV");
        assertThat(page.select("[data-metrics-freshness]").text()).contains("每 5 秒刷新", "包括自动分诊设置的分类");
    }

    @Test
    void badInputIsExplainedInTheReadersLanguageAndKept() throws Exception {
        String[][] cases = {
                {"period=custom&from=2020-03-08&to=2020-03-02", "The start date must not be after the end date."},
                {"period=custom&from=2020-02-30&to=2020-03-02", "Write dates as YYYY-MM-DD."},
                {"period=custom&from=yesterday&to=2020-03-02", "Write dates as YYYY-MM-DD."},
                {"period=custom&from=&to=2020-03-02", "Give both dates of the period."},
                {"period=30&granularity=month", "Show the figures by day or by week."},
                {"period=45", "Choose one of the periods in the list."},
                {"period=7&category=NOPE", "Unknown category."},
        };
        for (String[] bad : cases) {
            Document page = dashboard(get("/desk/metrics?" + bad[0]).with(user("agent").roles("AGENT")), 400);
            assertThat(page.select("[data-metrics-error]").text()).as(bad[0]).isEqualTo(bad[1]);
            assertThat(page.select("[data-chart-canvas], a[data-metrics-csv]")).as(bad[0]).isEmpty();
        }
        Document kept = dashboard(get("/desk/metrics?period=custom&from=2020-03-08&to=2020-03-02&granularity=week"
                + "&category=RATE_LIMITED").with(user("agent").roles("AGENT")), 400);
        assertThat(kept.select("input[name=from]").val()).isEqualTo("2020-03-08");
        assertThat(kept.select("input[name=to]").val()).isEqualTo("2020-03-02");
        assertThat(kept.select("select[name=granularity] option[selected]").val()).isEqualTo("week");
        assertThat(kept.select("select[name=category] option[selected]").val()).isEqualTo("RATE_LIMITED");
        assertThat(kept.select("select[name=period] option[selected]").val()).isEqualTo("custom");

        Document chinese = dashboard(get("/desk/metrics?period=custom&from=2020-03-08&to=2020-03-02")
                .header("Accept-Language", "zh-CN").with(user("agent").roles("AGENT")), 400);
        assertThat(chinese.select("[data-metrics-error]").text()).isNotBlank().doesNotContain("start date");
        mvc.perform(get("/desk/metrics.csv?period=custom&from=2020-03-08&to=2020-03-02")
                        .with(user("agent").roles("AGENT")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string("The start date must not be after the end date."));
    }

    @Test
    void theDashboardsCsvIsTheApisCsvForTheSameDays() throws Exception {
        String api = mvc.perform(get("/api/v1/metrics.csv?from=2020-03-02&to=2020-03-08&granularity=week&client="
                        + CLIENT).with(user("agent").roles("AGENT")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var page = mvc.perform(get("/desk/metrics.csv?period=custom&from=2020-03-02&to=2020-03-08&granularity=week"
                        + "&client=" + CLIENT).with(user("agent").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"gatedesk-metrics-2020-03-02-2020-03-08.csv\""))
                .andReturn().getResponse();
        assertThat(page.getContentAsString()).isEqualTo(api).contains("tickets,,,4\r\n");
    }

    // ---- fixture helpers: plain SQL, as the rows would be after the features wrote them

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    long ticket(Instant createdAt, String email, String category, String client, String callerType,
                Instant firstResponseAt, Instant resolvedAt) {
        String token = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO tickets (subject, description, customer_name, customer_email, client, caller_type, "
                        + "status, priority, follow_token_hash, created_at, updated_at, first_response_at, resolved_at, "
                        + "category) VALUES ('metrics fixture', 'fixture', 'Fixture', ?, ?, ?, ?, 'P3', ?, ?, ?, ?, ?, ?)",
                email, client, callerType, resolvedAt == null ? "OPEN" : "RESOLVED", token, ts(createdAt),
                ts(createdAt), ts(firstResponseAt), ts(resolvedAt), category);
        return jdbc.queryForObject("SELECT id FROM tickets WHERE follow_token_hash = ?", Long.class, token);
    }

    void message(long ticket, String authorType, String visibility, Instant at) {
        jdbc.update("INSERT INTO ticket_messages (ticket_id, author_type, author_name, visibility, body, created_at) "
                + "VALUES (?, ?, 'Ann', ?, 'reply', ?)", ticket, authorType, visibility, ts(at));
    }

    void event(long ticket, String action, String detail, Instant at) {
        jdbc.update("INSERT INTO ticket_events (ticket_id, actor_type, actor_name, action, detail, created_at) "
                + "VALUES (?, 'STAFF', 'Ann', ?, ?, ?)", ticket, action, detail, ts(at));
    }

    void use(long answer, long ticket, Instant at) {
        jdbc.update("INSERT INTO answer_usage (answer_id, agent_name, ticket_id, used_at) VALUES (?, 'Ann', ?, ?)",
                answer, ticket, ts(at));
    }

    void tick(long ticket, long item, boolean done, Instant at) {
        jdbc.update("INSERT INTO ticket_checklist_items (ticket_id, item_id, done, changed_by, changed_at) "
                + "VALUES (?, ?, ?, 'Ann', ?)", ticket, item, done, ts(at));
    }

    void ledger(String kind, String key, String lang, String event, String day, long uses) {
        jdbc.update("INSERT INTO kb_usage (usage_day, asset_kind, asset_key, lang, usage_event, uses) "
                + "VALUES (?, ?, ?, ?, ?, ?)", LocalDate.parse(day), kind, key, lang, event, uses);
    }

    void helpView(String client, Instant at) {
        jdbc.update("INSERT INTO help_page_views (client, viewed_at) VALUES (?, ?)", client, ts(at));
    }

    void episode(String kind, String channel, Instant startedAt, int checks, Boolean lastOk, Instant ticketFiledAt,
                 Long ticket) {
        jdbc.update("INSERT INTO deflection_episodes (episode_key, kind, channel, started_at, last_check_at, checks, "
                        + "last_ok, ticket_filed_at, ticket_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), kind, channel, ts(startedAt),
                ts(startedAt.plus(Duration.ofMinutes(checks))), checks, lastOk, ts(ticketFiledAt), ticket);
    }

    void escalation(long ticket, int round, String status, Instant at) {
        jdbc.update("INSERT INTO escalations (ticket_id, round_no, status, severity, reason, escalated_by, escalated_at, "
                + "subject, ticket_created_at) VALUES (?, ?, ?, 'S2', 'needs an engineer', 'Ann', ?, 'metrics fixture', "
                + "(SELECT created_at FROM tickets WHERE id = ?))", ticket, round, status, ts(at), ticket);
    }

    void incident(boolean suggested, String status, String category, Instant startedAt) {
        jdbc.update("INSERT INTO incidents (title, status, suggested, category, started_at, last_signal_at, created_at, "
                + "updated_at) VALUES ('metrics fixture', ?, ?, ?, ?, ?, ?, ?)", status, suggested, category,
                ts(startedAt), ts(startedAt), ts(startedAt), ts(startedAt));
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static List<String> lines(String csv) {
        return List.of(csv.split("\r\n"));
    }
}
