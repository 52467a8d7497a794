package io.gatedesk.triage;

/**
 * Why the classifier leaned towards a category: which rule matched which words in which part of the evidence.
 *
 * @param source one of {@code STATUS_CODE}, {@code ERROR_MESSAGE}, {@code TEXT}, {@code BASE_URL}, {@code LOG}
 * @param weight the rule's weight times the trust placed in that source
 */
public record Reason(String ruleId, ErrorCategory category, String source, String matched, double weight) {
}
