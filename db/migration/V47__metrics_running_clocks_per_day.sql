-- Issue 15 item 4: the SLA clocks still running were counted on every report over the facts of the window (≈ 90 000
-- unresolved tickets of a 90-day window at a million tickets a year). A clock that has run longer than the longest
-- target has breached whatever its priority, so for the days before now − that target the report sums these
-- per-day counts (tickets filed that day whose clock still runs and whose priority has a target) and counts only the
-- last few days over the facts (io.gatedesk.metrics.RollupMetricsRepository). Written only by MetricsRollup; the
-- rollup's definitions string changed with this version, so the first pass after the upgrade rebuilds it all.
ALTER TABLE metrics_daily ADD COLUMN first_response_running INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE metrics_daily ADD COLUMN resolution_running INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE metrics_daily_category ADD COLUMN first_response_running INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE metrics_daily_category ADD COLUMN resolution_running INTEGER DEFAULT 0 NOT NULL;

-- Short-answer uses and sends per site-local day of use, category and answer key: what a report without a client or
-- caller-type filter sums (≈ 40 rows a day) instead of grouping every use of the period (≈ 50 000 in 90 days at a
-- million tickets a year). used_day is the day each fact counts on.
ALTER TABLE metrics_answer_facts ADD COLUMN used_day DATE;
CREATE INDEX ix_metrics_answer_facts_used_day ON metrics_answer_facts (used_day);
CREATE TABLE metrics_daily_answers (
    local_day  DATE         NOT NULL,
    category   VARCHAR(32),
    answer_key VARCHAR(100) NOT NULL,
    uses       INTEGER      NOT NULL,
    sends      INTEGER      NOT NULL
);
CREATE INDEX ix_metrics_daily_answers_day ON metrics_daily_answers (local_day);
