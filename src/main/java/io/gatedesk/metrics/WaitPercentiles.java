package io.gatedesk.metrics;

import io.gatedesk.metrics.MetricsRepository.Window;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.gatedesk.metrics.MetricsSql.filters;
import static io.gatedesk.metrics.MetricsSql.nullableDouble;
import static io.gatedesk.metrics.MetricsSql.params;

/**
 * The median and p90 of first-reply and resolution times over the rollup, equal to the direct report's
 * {@code PERCENTILE_CONT}. Sorting every wait of a 90-day window (≈ 200 000 at a million tickets a year) is what made
 * the report slow, so on PostgreSQL the unfiltered report locates each needed rank in the per-day histogram of
 * log-scaled wait buckets ({@code metrics_daily_waits}, at most days × ~140 rows) and then reads in order only the
 * facts of the one bucket that holds it; the interpolation is PostgreSQL's own ({@code percentile_cont}: the rows at
 * {@code floor} and {@code ceil} of {@code p × (n − 1)}, {@code lo + (hi − lo) × fraction} in float8), so the numbers
 * are the same to the last bit ({@code WaitPercentilesContract}). A filtered report, and H2 (whose percentile is
 * computed in decimals), ask {@code PERCENTILE_CONT} over the facts directly.
 */
@Component
class WaitPercentiles {

    /** A clock the report takes percentiles of: the instant that stops it and its bucket column in the facts. */
    enum Wait {
        FIRST_RESPONSE("first_response_at", "first_response_bucket"),
        RESOLUTION("resolved_at", "resolution_bucket");

        private final String stoppedAt;
        private final String bucket;

        Wait(String stoppedAt, String bucket) {
            this.stoppedAt = stoppedAt;
            this.bucket = bucket;
        }

        String stoppedAt() {
            return stoppedAt;
        }

        String bucket() {
            return bucket;
        }
    }

    record Result(Double median, Double p90) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final MetricsSql sql;

    WaitPercentiles(NamedParameterJdbcTemplate jdbc, MetricsSql sql) {
        this.jdbc = jdbc;
        this.sql = sql;
    }

    Result of(Wait wait, Window window, MetricsQuery query) {
        if (!sql.postgres() || MetricsSql.filtered(query)) {
            return direct(wait, window, query);
        }
        Result fromHistogram = fromHistogram(wait, window, query);
        // A refresh that committed between the histogram and the facts (another snapshot) can move a rank; the
        // report's own transaction is a single snapshot, so this only guards callers outside one.
        return fromHistogram != null ? fromHistogram : direct(wait, window, query);
    }

    /** Over the stored instants themselves, with the direct report's own PERCENTILE_CONT expression. */
    Result direct(Wait wait, Window window, MetricsQuery query) {
        String stoppedAt = "t." + wait.stoppedAt();
        return jdbc.queryForObject("SELECT " + MetricsRepository.percentiles(stoppedAt)
                        + " FROM metrics_ticket_facts t WHERE " + stoppedAt + " >= :from AND " + stoppedAt
                        + " < :to" + filters(query), params(window, query),
                (rs, n) -> new Result(nullableDouble(rs, "median"), nullableDouble(rs, "p90")));
    }

    /** From the histogram and the facts it points at; {@code null} when they disagree (another snapshot). */
    Result fromHistogram(Wait wait, Window window, MetricsQuery query) {
        MapSqlParameterSource params = RollupMetricsRepository.days(window, query).addValue("kind", wait.name());
        TreeMap<Integer, Long> buckets = new TreeMap<>();
        jdbc.query("SELECT bucket, SUM(tickets) FROM metrics_daily_waits WHERE kind = :kind "
                + "AND local_day >= :fromDay AND local_day <= :toDay GROUP BY bucket", params,
                rs -> {
                    buckets.put(rs.getInt(1), rs.getLong(2));
                });
        long count = buckets.values().stream().mapToLong(Long::longValue).sum();
        if (count == 0) {
            return new Result(null, null);
        }
        TreeSet<Long> ranks = new TreeSet<>();
        for (double percentile : new double[] {0.5, 0.9}) {
            double position = percentile * (count - 1);
            ranks.add((long) Math.floor(position));
            ranks.add((long) Math.ceil(position));
        }
        Map<Long, Double> values = valuesAt(ranks, buckets, wait, params);
        if (values == null) {
            return null;
        }
        return new Result(interpolate(0.5, count, values), interpolate(0.9, count, values));
    }

    /** The waits at these 0-based ranks of the window's sorted waits: one ordered read per bucket holding any. */
    private Map<Long, Double> valuesAt(TreeSet<Long> ranks, TreeMap<Integer, Long> buckets, Wait wait,
                                       MapSqlParameterSource params) {
        Map<Long, Double> values = new TreeMap<>();
        long before = 0;
        for (Map.Entry<Integer, Long> bucket : buckets.entrySet()) {
            long after = before + bucket.getValue();
            java.util.SortedSet<Long> inside = ranks.subSet(before, after);
            if (!inside.isEmpty()) {
                long offset = inside.first() - before;
                int limit = (int) (inside.last() - inside.first() + 1);
                String waitSeconds = "CAST(" + MetricsSql.seconds("t." + wait.stoppedAt(), "t.created_at")
                        + " AS DOUBLE PRECISION)";
                List<Double> read = jdbc.queryForList("SELECT " + waitSeconds + " AS w FROM metrics_ticket_facts t "
                                + "WHERE t." + wait.bucket() + " = :bucket AND t." + wait.stoppedAt() + " >= :from AND t."
                                + wait.stoppedAt() + " < :to ORDER BY w OFFSET :offset ROWS FETCH FIRST :limit ROWS ONLY",
                        new MapSqlParameterSource(params.getValues()).addValue("bucket", bucket.getKey())
                                .addValue("offset", offset).addValue("limit", limit), Double.class);
                if (read.size() < limit) {
                    return null;
                }
                for (long rank : inside) {
                    values.put(rank, read.get((int) (rank - inside.first())));
                }
            }
            before = after;
        }
        return values.size() == ranks.size() ? values : null;
    }

    /** PostgreSQL's percentile_cont_final_common with float8_lerp, step for step. */
    static double interpolate(double percentile, long count, Map<Long, Double> values) {
        double position = percentile * (count - 1);
        long first = (long) Math.floor(position);
        long second = (long) Math.ceil(position);
        double low = values.get(first);
        if (second == first) {
            return low;
        }
        double high = values.get(second);
        return low + (high - low) * (position - first);
    }
}
