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

-- The SLA clocks still running are counted per report as created_at < now − target (per priority): with priority in
-- the index the count never leaves it.
DROP INDEX ix_metrics_facts_first_response;
DROP INDEX ix_metrics_facts_resolved;
CREATE INDEX ix_metrics_facts_first_response
    ON metrics_ticket_facts (first_response_at, created_at, priority, category, client, caller_type);
CREATE INDEX ix_metrics_facts_resolved
    ON metrics_ticket_facts (resolved_at, created_at, priority, category, client, caller_type);

-- metrics_daily summed over client and caller type: what a report without those two filters reads (≈ 12 rows a day
-- instead of ≈ 300), including "unresolved now", which sums every day.
CREATE TABLE metrics_daily_category (
    local_day               DATE        NOT NULL,
    category                VARCHAR(32),
    filed                   INTEGER     NOT NULL,
    config                  INTEGER     NOT NULL,
    classified              INTEGER     NOT NULL,
    returning_customers     INTEGER     NOT NULL,
    first_response_breaches INTEGER     NOT NULL,
    resolution_breaches     INTEGER     NOT NULL,
    replied                 INTEGER     NOT NULL,
    library_answered        INTEGER     NOT NULL,
    follow_up               INTEGER     NOT NULL,
    resolved                INTEGER     NOT NULL,
    one_touch               INTEGER     NOT NULL,
    reopened                INTEGER     NOT NULL
);
CREATE INDEX ix_metrics_daily_category_day ON metrics_daily_category (local_day);
