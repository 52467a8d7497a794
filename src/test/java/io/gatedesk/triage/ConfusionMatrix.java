package io.gatedesk.triage;

import java.util.EnumMap;
import java.util.Map;

/** Expected against predicted categories, with per-category precision and recall, printed as Markdown tables. */
final class ConfusionMatrix {

    private final Map<ErrorCategory, Map<ErrorCategory, Integer>> counts = new EnumMap<>(ErrorCategory.class);
    private int total;
    private int correct;

    void add(ErrorCategory expected, ErrorCategory predicted) {
        counts.computeIfAbsent(expected, k -> new EnumMap<>(ErrorCategory.class)).merge(predicted, 1, Integer::sum);
        total++;
        correct += expected == predicted ? 1 : 0;
    }

    int total() {
        return total;
    }

    double accuracy() {
        return total == 0 ? 0 : (double) correct / total;
    }

    int count(ErrorCategory expected, ErrorCategory predicted) {
        return counts.getOrDefault(expected, Map.of()).getOrDefault(predicted, 0);
    }

    double recall(ErrorCategory category) {
        int actual = 0;
        for (ErrorCategory predicted : ErrorCategory.values()) {
            actual += count(category, predicted);
        }
        return actual == 0 ? Double.NaN : (double) count(category, category) / actual;
    }

    double precision(ErrorCategory category) {
        int predictedAs = 0;
        for (ErrorCategory expected : ErrorCategory.values()) {
            predictedAs += count(expected, category);
        }
        return predictedAs == 0 ? Double.NaN : (double) count(category, category) / predictedAs;
    }

    String render(String title) {
        StringBuilder out = new StringBuilder();
        out.append(title).append(": ").append(correct).append('/').append(total).append(" = ")
                .append(percent(accuracy())).append("\n\n| category | precision | recall | tickets |\n|---|---|---|---|\n");
        for (ErrorCategory category : ErrorCategory.values()) {
            int actual = 0;
            for (ErrorCategory predicted : ErrorCategory.values()) {
                actual += count(category, predicted);
            }
            out.append("| ").append(category).append(" | ").append(percent(precision(category))).append(" | ")
                    .append(percent(recall(category))).append(" | ").append(actual).append(" |\n");
        }
        out.append("\nconfusion (rows expected, columns predicted):\n\n| |");
        for (ErrorCategory c : ErrorCategory.values()) {
            out.append(' ').append(abbreviation(c)).append(" |");
        }
        out.append("\n|---|").append("---|".repeat(ErrorCategory.values().length)).append('\n');
        for (ErrorCategory expected : ErrorCategory.values()) {
            out.append("| ").append(abbreviation(expected)).append(" |");
            for (ErrorCategory predicted : ErrorCategory.values()) {
                int n = count(expected, predicted);
                out.append(' ').append(n == 0 ? "·" : String.valueOf(n)).append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String abbreviation(ErrorCategory category) {
        return switch (category) {
            case INVALID_KEY -> "KEY";
            case ACCESS_DENIED -> "DENY";
            case INSUFFICIENT_QUOTA -> "QUOTA";
            case BILLING -> "BILL";
            case RATE_LIMITED -> "RATE";
            case MODEL_NOT_AVAILABLE -> "MODEL";
            case WRONG_BASE_URL -> "URL";
            case UPSTREAM_TIMEOUT -> "TIME";
            case STREAM_INTERRUPTED -> "STREAM";
            case CONTEXT_LENGTH -> "CTX";
            case UPSTREAM_ERROR -> "UPERR";
            case OTHER -> "OTHER";
        };
    }

    static String percent(double ratio) {
        return Double.isNaN(ratio) ? "–" : String.format("%.1f %%", ratio * 100);
    }
}
