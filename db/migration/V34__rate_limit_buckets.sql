-- Rate-limit buckets shared by all nodes on PostgreSQL (Bucket4j's PostgreSQL proxy manager, docs/deployment.md): one
-- row per client address and kind of request, holding the bucket's serialised state; expires_at (epoch ms) lets a
-- locked job delete buckets that would be full again anyway. On H2 (one process) the buckets stay in memory and this
-- table stays empty.
CREATE TABLE rate_limit_buckets (
    id VARCHAR(200) NOT NULL,
    state BYTEA,
    expires_at BIGINT,
    CONSTRAINT rate_limit_buckets_pk PRIMARY KEY (id)
);
CREATE INDEX rate_limit_buckets_expires_at ON rate_limit_buckets (expires_at);
