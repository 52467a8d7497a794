package io.gatedesk.knowledge;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The use ledger: one counter per asset, language, day (site-local, {@code gatedesk.site.time-zone}, the days the
 * metrics report in) and event. Short answers, checklists and articles all
 * count here, so the metrics read usage from one table. A counter is bumped with an update and created on first use.
 */
@Service
public class UsageLedger {

    public static final String ARTICLE = "ARTICLE";
    public static final String ANSWER = "ANSWER";
    public static final String CHECKLIST = "CHECKLIST";
    public static final String HELP_PAGE = "HELP_PAGE";

    /** What happened to an asset. */
    public enum Event {
        VIEW, HELPFUL, UNHELPFUL, RELATED_CLICK, LINK_INSERTED, ANSWER_INSERTED, CHECKLIST_TICKED
    }

    /** Uses of one asset over a period, all events summed and per event. */
    public record AssetUse(String assetKind, String assetKey, String lang, long uses, long views, long helpful,
                           long unhelpful, long relatedClicks, long linkInsertions, java.time.LocalDate lastUsed) {
    }

    public record SearchMiss(String query, String lang, long searches) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    UsageLedger(JdbcClient jdbc, Clock clock, @Value("${gatedesk.site.time-zone:UTC}") String zone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** Today in the site time zone: the ledger's day. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** Counts one use; in a transaction of its own, so a count never rolls back the page that made it. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String assetKind, String assetKey, String lang, Event event) {
        LocalDate day = today();
        String sql = "UPDATE kb_usage SET uses = uses + 1 WHERE usage_day = ? AND asset_kind = ? AND asset_key = ? "
                + "AND lang = ? AND usage_event = ?";
        if (jdbc.sql(sql).params(day, assetKind, assetKey, lang, event.name()).update() > 0) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO kb_usage (usage_day, asset_kind, asset_key, lang, usage_event, uses) VALUES (?, ?, ?, ?, ?, 1)")
                    .params(day, assetKind, assetKey, lang, event.name()).update();
        } catch (DuplicateKeyException raced) {
            jdbc.sql(sql).params(day, assetKind, assetKey, lang, event.name()).update();
        }
    }

    /** Uses per asset and language since {@code from} (inclusive), most used first. */
    @Transactional(readOnly = true)
    public List<AssetUse> usesSince(LocalDate from) {
        return jdbc.sql("SELECT asset_kind, asset_key, lang, SUM(uses) AS total, "
                        + "SUM(CASE WHEN usage_event = 'VIEW' THEN uses ELSE 0 END) AS views, "
                        + "SUM(CASE WHEN usage_event = 'HELPFUL' THEN uses ELSE 0 END) AS helpful, "
                        + "SUM(CASE WHEN usage_event = 'UNHELPFUL' THEN uses ELSE 0 END) AS unhelpful, "
                        + "SUM(CASE WHEN usage_event = 'RELATED_CLICK' THEN uses ELSE 0 END) AS related, "
                        + "SUM(CASE WHEN usage_event = 'LINK_INSERTED' THEN uses ELSE 0 END) AS links, "
                        + "MAX(usage_day) AS last_used FROM kb_usage WHERE usage_day >= ? "
                        + "GROUP BY asset_kind, asset_key, lang ORDER BY total DESC, asset_key")
                .param(from)
                .query((rs, n) -> new AssetUse(rs.getString("asset_kind"), rs.getString("asset_key"),
                        rs.getString("lang"), rs.getLong("total"), rs.getLong("views"), rs.getLong("helpful"),
                        rs.getLong("unhelpful"), rs.getLong("related"), rs.getLong("links"),
                        rs.getObject("last_used", LocalDate.class)))
                .list();
    }

    /** Uses of one asset and event on one day; for tests and the metrics. */
    @Transactional(readOnly = true)
    public long uses(String assetKind, String assetKey, String lang, Event event, LocalDate day) {
        return jdbc.sql("SELECT COALESCE(SUM(uses), 0) FROM kb_usage WHERE asset_kind = ? AND asset_key = ? "
                        + "AND lang = ? AND usage_event = ? AND usage_day = ?")
                .params(assetKind, assetKey, lang, event.name(), day).query(Long.class).single();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordMiss(String query, String lang) {
        LocalDate day = today();
        String q = query.strip().length() > 200 ? query.strip().substring(0, 200) : query.strip();
        String sql = "UPDATE kb_search_misses SET searches = searches + 1 WHERE search_day = ? AND lang = ? AND search_text = ?";
        if (jdbc.sql(sql).params(day, lang, q).update() > 0) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO kb_search_misses (search_day, lang, search_text, searches) VALUES (?, ?, ?, 1)")
                    .params(day, lang, q).update();
        } catch (DuplicateKeyException raced) {
            jdbc.sql(sql).params(day, lang, q).update();
        }
    }

    @Transactional(readOnly = true)
    public List<SearchMiss> missesSince(LocalDate from) {
        return jdbc.sql("SELECT search_text, lang, SUM(searches) AS n FROM kb_search_misses WHERE search_day >= ? "
                        + "GROUP BY search_text, lang ORDER BY n DESC, search_text")
                .param(from)
                .query((rs, n) -> new SearchMiss(rs.getString("search_text"), rs.getString("lang"), rs.getLong("n")))
                .list();
    }
}
