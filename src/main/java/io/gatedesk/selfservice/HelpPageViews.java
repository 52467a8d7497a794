package io.gatedesk.selfservice;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;

/**
 * Counts views of the client help pages for the metrics dashboard's usage figures: one row per view with the page
 * and the time, nothing about the visitor (no address, session or user agent); and a {@link HelpPageViewed} for the
 * knowledge base's use ledger, which is where the metrics read help-page views from.
 */
@Component
class HelpPageViews {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    HelpPageViews(JdbcTemplate jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    void viewed(HelpClient client, Locale locale) {
        jdbc.update("INSERT INTO help_page_views (client, viewed_at) VALUES (?, ?)", client.slug(),
                Timestamp.from(clock.instant()));
        events.publishEvent(new HelpPageViewed(client.slug(), "zh".equals(locale.getLanguage()) ? "zh-CN" : "en"));
    }
}
