-- Issue 15 item 4: the percentiles of first-reply and resolution time without sorting every wait of the window
-- (io.gatedesk.metrics.WaitPercentiles, docs/performance.md). Written only by MetricsRollup; rebuilt from the tickets
-- (the rollup's definitions string changed with this version, so the first pass after the upgrade rebuilds it all).

-- The log-scaled bucket of each stopped clock: floor(ln(1 + seconds) * 8), NULL while the clock runs.
ALTER TABLE metrics_ticket_facts ADD COLUMN first_response_bucket SMALLINT;
ALTER TABLE metrics_ticket_facts ADD COLUMN resolution_bucket SMALLINT;
-- Reading one bucket's waits of a window in order: an index-only range scan (both instants give the wait).
CREATE INDEX ix_metrics_facts_first_response_bucket
    ON metrics_ticket_facts (first_response_bucket, first_response_at, created_at);
CREATE INDEX ix_metrics_facts_resolution_bucket ON metrics_ticket_facts (resolution_bucket, resolved_at, created_at);

-- Per site-local day the clock stopped, kind of clock and bucket: how many tickets (unfiltered).
CREATE TABLE metrics_daily_waits (
    local_day DATE        NOT NULL,
    kind      VARCHAR(16) NOT NULL,
    bucket    SMALLINT    NOT NULL,
    tickets   INTEGER     NOT NULL,
    PRIMARY KEY (local_day, kind, bucket)
);
