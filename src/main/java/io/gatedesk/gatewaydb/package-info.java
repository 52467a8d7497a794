/**
 * A read-only connection to the gateway's own database (new-api, one-api or LiteLLM): who owns a key the ticket
 * names, its group, status, quota and model limits, the image/video/music tasks the ticket names (status,
 * progress, fail reason, charge), and the gateway's own log rows for the ticket, matched by the imported logs' rules
 * ({@code gatewaylog}'s {@code MatchQuery}), so an agent need not ask the customer or export files.
 *
 * <p>Nothing here writes to a gateway database, and the key column is never read: a key is matched in SQL by the
 * visible start and end a ticket carries ({@code sk-abcd…wxyz}), and only the other columns are selected. Each source
 * has its own small read-only pool, apart from GateDesk's own data source; a source that is down is reported on the
 * admin page and in the ticket's panel, never as a broken page. Other features reach this one only through
 * {@link io.gatedesk.gatewaydb.GatewayAccounts}, {@link io.gatedesk.gatewaydb.GatewayTasks} and
 * {@link io.gatedesk.gatewaydb.GatewayLogs}; tickets get the accounts through
 * {@link io.gatedesk.ticket.TicketEvidenceContributor}, triage the refused keys and failed tasks through
 * {@link io.gatedesk.triage.LogEvidenceSource}.
 */
package io.gatedesk.gatewaydb;
