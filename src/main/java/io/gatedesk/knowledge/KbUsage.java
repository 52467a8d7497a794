package io.gatedesk.knowledge;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;

/**
 * The use ledger's public, read-only face: what the metrics report reads its usage figures from. Counts are per asset
 * key with both languages together, over whole ledger days (site-local, {@code gatedesk.site.time-zone}), both ends
 * included.
 */
@Service
public class KbUsage {

    /** What the metrics count: the ledger's asset kind and the one event that is a use of it. */
    public enum Measure {
        SHORT_ANSWER_INSERTS(UsageLedger.ANSWER, UsageLedger.Event.ANSWER_INSERTED),
        CHECKLIST_TICKS(UsageLedger.CHECKLIST, UsageLedger.Event.CHECKLIST_TICKED),
        HELP_PAGE_VIEWS(UsageLedger.HELP_PAGE, UsageLedger.Event.VIEW);

        private final String assetKind;
        private final UsageLedger.Event event;

        Measure(String assetKind, UsageLedger.Event event) {
            this.assetKind = assetKind;
            this.event = event;
        }
    }

    /** One asset (an answer key, a checklist's category, a help page's slug) and its count. */
    public record AssetCount(String key, long count) {
    }

    private final JdbcClient jdbc;

    KbUsage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts per asset over the days {@code from}..{@code to} (both included), most counted first, then by key. */
    @Transactional(readOnly = true)
    public List<AssetCount> countsPerAsset(Measure measure, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT asset_key, SUM(uses) AS n FROM kb_usage WHERE asset_kind = ? AND usage_event = ? "
                        + "AND usage_day >= ? AND usage_day <= ? GROUP BY asset_key ORDER BY SUM(uses) DESC, asset_key")
                .params(measure.assetKind, measure.event.name(), from, to)
                .query((rs, n) -> new AssetCount(rs.getString("asset_key"), rs.getLong("n")))
                .list();
    }
}
