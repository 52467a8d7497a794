package io.gatedesk.triage;

import java.util.List;

/**
 * The inferred category with a confidence in [0, 1] and the reasons behind it. Reasons for the chosen category come
 * first; reasons that pointed elsewhere follow, so an agent can see what was outweighed.
 */
public record Classification(ErrorCategory category, double confidence, List<Reason> reasons) {

    public Classification {
        reasons = List.copyOf(reasons);
    }

    /** The confidence as a whole percentage, for display. */
    public int confidencePercent() {
        return (int) Math.round(confidence * 100);
    }

    static Classification nothingMatched() {
        return new Classification(ErrorCategory.OTHER, 0.0, List.of());
    }
}
