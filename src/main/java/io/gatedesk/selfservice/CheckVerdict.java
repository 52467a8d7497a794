package io.gatedesk.selfservice;

import java.util.List;

/**
 * What {@link ConfigChecker} found, before it is put into words: {@code ok} when nothing is wrong, the findings most
 * important first, and the base URL this client should use.
 */
public record CheckVerdict(boolean ok, List<Finding> findings, String fix) {

    public List<ProblemCode> codes() {
        return findings.stream().map(Finding::code).toList();
    }

    /**
     * One problem; {@code variant} picks a more precise wording (e.g. curl's "add the endpoint"), {@code details}
     * are the values the message shows (the model typed, suggestions).
     */
    public record Finding(ProblemCode code, String variant, List<String> details) {

        public String messageKey() {
            return "selfservice.check." + code + (variant == null ? "" : "." + variant);
        }
    }
}
