package io.gatedesk.gatewaylog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Error counts over imported and ingested log rows, for features that watch for outages (incidents): an error is a
 * row whose status code is 400 or above. Model names compare case-insensitively.
 */
@Service
@Transactional(readOnly = true)
public class LogErrorRates {

    // A chart needs shape, not every row: beyond this many rows a series is cut.
    private static final int SERIES_ROW_LIMIT = 200_000;

    /** Requests and errors logged in [{@code start}, {@code start} + bucket). */
    public record Bucket(Instant start, long requests, long errors) {
    }

    /** Rows logged for one model and channel (either may be null) in a span. */
    public record PatternCount(String model, String channel, long requests, long errors) {
    }

    private final JdbcClient jdbc;

    LogErrorRates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Requests and errors per bucket for any of {@code models} (all models when empty), from {@code from} to {@code to}. */
    public List<Bucket> series(Collection<String> models, Instant from, Instant to, Duration bucket) {
        int count = (int) Math.max(1, Duration.between(from, to).toMillis() / bucket.toMillis());
        long[] requests = new long[count];
        long[] errors = new long[count];
        String modelFilter = models.isEmpty() ? "" : " AND LOWER(model) IN (:models)";
        var query = jdbc.sql("SELECT created_at, status_code FROM gateway_log_entries WHERE created_at >= :from "
                        + "AND created_at < :to" + modelFilter)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to));
        if (!models.isEmpty()) {
            query = query.param("models", models.stream().map(m -> m.toLowerCase(Locale.ROOT)).toList());
        }
        query.withMaxRows(SERIES_ROW_LIMIT).query(rs -> {
            int at = (int) (Duration.between(from, rs.getTimestamp(1).toInstant()).toMillis() / bucket.toMillis());
            if (at >= 0 && at < count) {
                requests[at]++;
                int status = rs.getInt(2);
                if (!rs.wasNull() && status >= 400) {
                    errors[at]++;
                }
            }
        });
        List<Bucket> buckets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            buckets.add(new Bucket(from.plus(bucket.multipliedBy(i)), requests[i], errors[i]));
        }
        return buckets;
    }

    /** Requests and errors per model and channel logged from {@code from} to {@code to}, one statement. */
    public List<PatternCount> counts(Instant from, Instant to) {
        return jdbc.sql("SELECT LOWER(model), COALESCE(channel_name, channel_id), COUNT(*), "
                        + "SUM(CASE WHEN status_code >= 400 THEN 1 ELSE 0 END) FROM gateway_log_entries "
                        + "WHERE created_at >= ? AND created_at < ? GROUP BY LOWER(model), COALESCE(channel_name, channel_id)")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new PatternCount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }
}
