package io.gatedesk.gatewaydb;

import io.gatedesk.secret.SecretGuard;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the image, video and music tasks new-api and one-api keep, by their IDs:
 * <ul>
 *   <li>{@code tasks} (new-api {@code model/task.go}: {@code task_id}, {@code platform}, {@code user_id},
 *       {@code quota}, {@code action}, {@code status} NOT_START/SUBMITTED/QUEUED/IN_PROGRESS/FAILURE/SUCCESS/UNKNOWN,
 *       {@code fail_reason}, {@code submit_time}/{@code finish_time} in Unix seconds, {@code progress} "0%"…"100%");</li>
 *   <li>{@code midjourneys} (new-api and songquanpeng/one-api {@code model/midjourney.go}: {@code mj_id} and the same
 *       status, progress, fail reason, times and quota).</li>
 * </ul>
 * Only those columns are selected: never {@code prompt}, {@code data}, {@code properties}, {@code private_data} (it
 * can hold an upstream key) or result URLs. A gateway without a table simply has no such tasks.
 */
@Component
class TaskReader {

    private static final int MAX_FAIL_REASON = 300;

    private final SecretGuard guard;

    TaskReader(SecretGuard guard) {
        this.guard = guard;
    }

    boolean reads(GatewayKind kind) {
        return kind == GatewayKind.NEW_API || kind == GatewayKind.ONE_API;
    }

    List<GatewayTask> find(GatewaySource source, List<String> taskIds) {
        if (taskIds.isEmpty()) {
            return List.of();
        }
        List<GatewayTask> found = new ArrayList<>();
        BigDecimal quotaPerUnit = null;
        for (Table table : Table.values()) {
            Set<String> columns = source.columnsIfPresent(table.name);
            if (!columns.contains(table.idColumn)) {
                continue;
            }
            if (quotaPerUnit == null) {
                quotaPerUnit = NewApiAccounts.quotaPerUnit(source);
            }
            BigDecimal perUnit = quotaPerUnit;
            String sql = select(table, columns, taskIds.size());
            found.addAll(source.read(jdbc -> jdbc.query(sql, (rs, row) -> task(source, table, columns, rs, perUnit),
                    taskIds.toArray())));
        }
        return found;
    }

    private enum Table {
        TASKS("tasks", "task_id", true),
        MIDJOURNEYS("midjourneys", "mj_id", false);

        final String name;
        final String idColumn;
        final boolean hasPlatform;

        Table(String name, String idColumn, boolean hasPlatform) {
            this.name = name;
            this.idColumn = idColumn;
            this.hasPlatform = hasPlatform;
        }
    }

    private static final List<String> READ = List.of("action", "status", "progress", "fail_reason", "submit_time",
            "finish_time", "quota", "user_id");

    private static String select(Table table, Set<String> columns, int ids) {
        List<String> selected = new ArrayList<>(List.of(table.idColumn + " AS task_id"));
        if (table.hasPlatform && columns.contains("platform")) {
            selected.add("platform");
        }
        READ.stream().filter(columns::contains).forEach(selected::add);
        return "SELECT " + String.join(", ", selected) + " FROM " + table.name + " WHERE " + table.idColumn
                + " IN (" + String.join(", ", Collections.nCopies(ids, "?")) + ") ORDER BY id LIMIT "
                + TaskIdExtractor.MAX_IDS * 2;
    }

    private GatewayTask task(GatewaySource source, Table table, Set<String> columns, ResultSet rs,
                             BigDecimal quotaPerUnit) throws SQLException {
        String status = text(columns, rs, "status");
        String state = state(status);
        String reason = "failure".equals(state) ? text(columns, rs, "fail_reason") : null;
        Long quota = columns.contains("quota") ? rs.getLong("quota") : null;
        String platform = table.hasPlatform ? text(columns, rs, "platform") : "midjourney";
        return new GatewayTask(rs.getString("task_id"), source.name(), source.kind().code(), platform,
                text(columns, rs, "action"), status, state, text(columns, rs, "progress"), guarded(reason),
                columns.contains("submit_time") ? NewApiAccounts.unixOrNull(rs.getLong("submit_time")) : null,
                columns.contains("finish_time") ? NewApiAccounts.unixOrNull(rs.getLong("finish_time")) : null,
                quota, quota == null ? null : NewApiAccounts.usd(quota, quotaPerUnit),
                columns.contains("user_id") ? rs.getLong("user_id") : null);
    }

    /** The gateway's status as the panel says it; new-api's own words, and midjourney-proxy's for older rows. */
    static String state(String status) {
        if (status == null || status.isBlank()) {
            return "unknown";
        }
        return switch (status.strip().toUpperCase(Locale.ROOT)) {
            case "SUCCESS" -> "success";
            case "FAILURE" -> "failure";
            case "IN_PROGRESS" -> "inProgress";
            case "SUBMITTED", "QUEUED", "NOT_START" -> "queued";
            default -> "unknown";
        };
    }

    /** An upstream's error text can quote what the customer sent, a key included: it passes the secret guard. */
    private String guarded(String reason) {
        if (reason == null) {
            return null;
        }
        String masked = guard.redact(reason).text();
        return masked.length() > MAX_FAIL_REASON ? masked.substring(0, MAX_FAIL_REASON) + "…" : masked;
    }

    private static String text(Set<String> columns, ResultSet rs, String column) throws SQLException {
        if (!columns.contains(column)) {
            return null;
        }
        String value = rs.getString(column);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
