package io.gatedesk.gatewaylog;

import java.util.Map;

/**
 * One row of a tabular export, whatever the container. Column names are compared without case, spaces or
 * underscores, because the same export comes as {@code startTime} from the API, {@code start_time} from a database
 * tool and {@code Start Time} from a spreadsheet.
 */
record Row(long lineNumber, Map<String, String> values) {

    static String normalize(String columnName) {
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
