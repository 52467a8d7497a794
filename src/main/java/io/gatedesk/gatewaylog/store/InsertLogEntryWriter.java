package io.gatedesk.gatewaylog.store;

import io.gatedesk.gatewaylog.format.GatewayLogRecord;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Multi-row {@code INSERT … ON CONFLICT DO NOTHING} statements of {@value #ROWS_PER_STATEMENT} rows, whose update
 * counts tell new rows from duplicates. Portable SQL: what GateDesk uses on H2.
 */
final class InsertLogEntryWriter implements LogEntryWriter {

    static final int ROWS_PER_STATEMENT = 250;

    private final DataSource dataSource;
    private final String[] inserts = new String[ROWS_PER_STATEMENT + 1];

    InsertLogEntryWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Prepared prepare(List<GatewayLogRecord> records, Long importId) {
        List<Object[]> rows = new ArrayList<>(records.size());
        for (GatewayLogRecord record : records) {
            rows.add(EntryColumns.values(record, importId));
        }
        return new Prepared() {
            @Override
            public int rows() {
                return rows.size();
            }

            @Override
            public int store() {
                return rows.isEmpty() ? 0 : insert(rows);
            }
        };
    }

    private int insert(List<Object[]> rows) {
        return LogEntryWriter.inOneTransaction(dataSource, connection -> {
            int inserted = 0;
            for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
                List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
                try (PreparedStatement statement = connection.prepareStatement(insert(chunk.size()))) {
                    int p = 1;
                    for (Object[] values : chunk) {
                        p = bind(statement, p, values);
                    }
                    inserted += statement.executeUpdate();
                }
            }
            return inserted;
        });
    }

    private static int bind(PreparedStatement statement, int p, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                statement.setNull(p++, EntryColumns.ALL.get(i).sqlType());
            } else {
                statement.setObject(p++, values[i]);
            }
        }
        return p;
    }

    private String insert(int rows) {
        String sql = inserts[rows];
        if (sql == null) {
            String one = "(" + "?, ".repeat(EntryColumns.ALL.size() - 1) + "?)";
            StringBuilder sb = new StringBuilder(64 + EntryColumns.NAMES.length() + rows * (one.length() + 2));
            sb.append("INSERT INTO gateway_log_entries (").append(EntryColumns.NAMES).append(") VALUES ");
            for (int i = 0; i < rows; i++) {
                sb.append(i == 0 ? "" : ", ").append(one);
            }
            sql = sb.append(" ON CONFLICT DO NOTHING").toString();
            inserts[rows] = sql;
        }
        return sql;
    }
}
