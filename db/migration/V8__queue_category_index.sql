-- The queue counts active tickets per category on every page; with (status, category) PostgreSQL answers from the
-- index alone instead of reading every wide ticket row. Portable: H2 and PostgreSQL.
CREATE INDEX ix_tickets_status_category ON tickets (status, category);
