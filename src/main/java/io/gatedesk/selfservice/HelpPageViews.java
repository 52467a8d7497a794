package io.gatedesk.selfservice;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * Counts views of the client help pages for the metrics dashboard's usage figures: one row per view with the page
 * and the time, nothing about the visitor (no address, session or user agent).
 */
@Component
class HelpPageViews {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    HelpPageViews(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void viewed(HelpClient client) {
        jdbc.update("INSERT INTO help_page_views (client, viewed_at) VALUES (?, ?)", client.slug(),
                Timestamp.from(clock.instant()));
    }
}
