-- Issue 15 item 4: the metrics rollup (docs/metrics.md "How the figures are kept", docs/performance.md).
-- Written only by io.gatedesk.metrics.MetricsRollup; every value is derived from other features' tables and can be
-- rebuilt from them at any time, so nothing here is a source of truth.

-- One row per ticket: what the heavy figures need, computed once with the report's own SQL definitions.
-- Flags are 0/1 so the daily rows can SUM them on H2 and PostgreSQL alike. The breach flags only count clocks
-- that have stopped (replied / resolved); an open clock depends on "now" and is counted live by the report.
CREATE TABLE metrics_ticket_facts (
    ticket_id             BIGINT       NOT NULL PRIMARY KEY,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    first_response_at     TIMESTAMP WITH TIME ZONE,
    resolved_at           TIMESTAMP WITH TIME ZONE,
    created_day           DATE         NOT NULL,
    first_response_day    DATE,
    resolved_day          DATE,
    category              VARCHAR(32),
    client                VARCHAR(32),
    caller_type           VARCHAR(16),
    priority              VARCHAR(4)   NOT NULL,
    config                SMALLINT     NOT NULL,
    returning_customer    SMALLINT     NOT NULL,
    library_answered      SMALLINT     NOT NULL,
    follow_up             SMALLINT     NOT NULL,
    one_touch             SMALLINT     NOT NULL,
    reopened              SMALLINT     NOT NULL,
    first_response_breach SMALLINT     NOT NULL,
    resolution_breach     SMALLINT     NOT NULL
);
-- The percentiles read the wait of every ticket first replied / resolved in the period, the open-clock breaches
-- the tickets filed in the period that have no reply / resolution yet: composite indexes so both stay index scans.
CREATE INDEX ix_metrics_facts_first_response ON metrics_ticket_facts (first_response_at, created_at, category, client, caller_type);
CREATE INDEX ix_metrics_facts_resolved ON metrics_ticket_facts (resolved_at, created_at, category, client, caller_type);
-- A pass recomputes whole days from the facts that count on them.
CREATE INDEX ix_metrics_facts_created_day ON metrics_ticket_facts (created_day);
CREATE INDEX ix_metrics_facts_first_response_day ON metrics_ticket_facts (first_response_day);
CREATE INDEX ix_metrics_facts_resolved_day ON metrics_ticket_facts (resolved_day);

-- One row per short-answer insertion, with whether a reply followed and its ticket's filter values.
CREATE TABLE metrics_answer_facts (
    usage_id    BIGINT       NOT NULL PRIMARY KEY,
    ticket_id   BIGINT       NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    answer_key  VARCHAR(100) NOT NULL,
    sent        SMALLINT     NOT NULL,
    category    VARCHAR(32),
    client      VARCHAR(32),
    caller_type VARCHAR(16)
);
CREATE INDEX ix_metrics_answer_facts_used ON metrics_answer_facts (used_at, answer_key, sent, category, client, caller_type);
CREATE INDEX ix_metrics_answer_facts_ticket ON metrics_answer_facts (ticket_id);

-- Per site-local day and filter values (one row each), the additive counts. A ticket adds to the day it was filed
-- (filed … resolution_breaches), the day it was first replied (replied … follow_up) and the day it was resolved
-- (resolved … reopened); each day is recomputed as a whole from metrics_ticket_facts.
CREATE TABLE metrics_daily (
    local_day               DATE        NOT NULL,
    category                VARCHAR(32),
    client                  VARCHAR(32),
    caller_type             VARCHAR(16),
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
CREATE INDEX ix_metrics_daily_day ON metrics_daily (local_day);

-- The refresher's single row: how far it has read (watermark), which definitions the rows were built with
-- (a change means a full rebuild) and a lease so only one node refreshes at a time.
CREATE TABLE metrics_rollup_state (
    id           INTEGER      NOT NULL PRIMARY KEY,
    watermark    TIMESTAMP WITH TIME ZONE,
    definitions  VARCHAR(1000),
    lease_owner  VARCHAR(64),
    lease_until  TIMESTAMP WITH TIME ZONE
);
INSERT INTO metrics_rollup_state (id) VALUES (1);

-- What a refresher pass asks every few seconds: which tickets got a message, an event or a ticket filed after a
-- self-service episode since the watermark. Without these, each pass would scan the whole message and event tables.
CREATE INDEX ix_ticket_messages_created ON ticket_messages (created_at);
CREATE INDEX ix_ticket_events_created ON ticket_events (created_at);
CREATE INDEX ix_deflection_episodes_filed ON deflection_episodes (ticket_filed_at);
