package io.gatedesk.answer;

/** How often answers were inserted: per answer id, or per agent name. */
public record AnswerUsageCount(String label, long count) {
}
