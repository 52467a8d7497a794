-- The metrics dashboard reads tickets by when they were first answered and resolved, a customer's earlier tickets of
-- the same category (the "returning" ratio), and answer uses by time and by ticket. Portable: H2 and PostgreSQL.
CREATE INDEX ix_tickets_first_response ON tickets (first_response_at);
CREATE INDEX ix_tickets_resolved ON tickets (resolved_at);
CREATE INDEX ix_tickets_email_category_created ON tickets (customer_email, category, created_at);
CREATE INDEX ix_answer_usage_ticket ON answer_usage (ticket_id, used_at);
CREATE INDEX ix_answer_usage_used ON answer_usage (used_at);
CREATE INDEX ix_ticket_checklist_items_changed ON ticket_checklist_items (changed_at);
