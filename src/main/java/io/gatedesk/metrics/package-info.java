/**
 * Metrics: the support lead's dashboard ({@code /desk/metrics}), the same figures as JSON ({@code /api/v1/metrics})
 * and CSV ({@code /api/v1/metrics.csv}). Every figure comes from one {@link io.gatedesk.metrics.MetricsService} call,
 * so page, API and CSV cannot disagree; the definitions are in {@code docs/metrics.md}.
 *
 * <p>This is a reporting feature and, as such, the one place that reads other features' tables directly: its
 * {@code MetricsRepository} aggregates {@code tickets}, {@code ticket_events}, {@code ticket_messages},
 * {@code answer_usage} and {@code deflection_episodes} in SQL, read only; usage counts (short-answer inserts, checklist
 * ticks, help-page views) come from the knowledge base's use ledger through its public face {@code KbUsage}. Going
 * through each feature's public face for the ticket figures would mean loading every ticket into memory to count it.
 * The walls that keep this honest ({@code ArchitectureTest}): metrics writes nothing, uses no other feature's entities or
 * repositories, and no feature depends on metrics.
 */
package io.gatedesk.metrics;
