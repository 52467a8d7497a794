-- Exact search terms of a ticket, lower-cased: the customer's email and name (whole and word by word) and the request
-- IDs given on the form. The queue finds a ticket by any of them through the primary key instead of scanning text.
CREATE TABLE ticket_search_terms (
    term        VARCHAR(256) NOT NULL,
    ticket_id   BIGINT       NOT NULL REFERENCES tickets (id),
    CONSTRAINT pk_ticket_search_terms PRIMARY KEY (term, ticket_id)
);
CREATE INDEX ix_ticket_search_terms_ticket ON ticket_search_terms (ticket_id);

-- When the customer last answered and no staff reply followed yet: the queue marks such tickets.
ALTER TABLE tickets ADD COLUMN customer_replied_at TIMESTAMP WITH TIME ZONE;
