package io.gatedesk.gatewaylog.format;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One row of a tabular export, whatever the container. Column names are compared without case, spaces or
 * underscores, because the same export comes as {@code startTime} from the API, {@code start_time} from a database
 * tool and {@code Start Time} from a spreadsheet.
 */
record Row(long lineNumber, Map<String, String> values) {

    /**
     * Every row looks up its columns by name, and every JSON row repeats them: remembering the normalised names
     * spares an import tens of string copies a row. Bounded, because the names of a JSON row come from the file.
     */
    private static final Map<String, String> NORMALIZED = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_NAMES = 1_024;

    static String normalize(String columnName) {
        String cached = NORMALIZED.get(columnName);
        if (cached != null) {
            return cached;
        }
        String normalized = normalizeNow(columnName);
        if (NORMALIZED.size() < MAX_CACHED_NAMES) {
            NORMALIZED.put(columnName, normalized);
        }
        return normalized;
    }

    private static String normalizeNow(String columnName) {
        StringBuilder sb = new StringBuilder(columnName.length());
        for (int i = 0; i < columnName.length(); i++) {
            char c = columnName.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /** The first non-blank value among the given column names, or {@code null}. */
    String get(String... names) {
        for (String name : names) {
            String value = values.get(normalize(name));
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
