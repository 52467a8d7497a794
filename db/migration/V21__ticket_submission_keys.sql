-- Idempotency keys of ticket submissions (the public form's hidden key, the API's Idempotency-Key header). A retried
-- submission with the same key finds its row and gets the first ticket's receipt instead of filing a second ticket;
-- the primary key makes two concurrent first submissions of one key end with one ticket. Only hashes of the key and
-- of the masked body are stored; the receipt's follow token is encrypted under a key derived from the idempotency
-- key, so the table alone reveals no follow link. Rows older than gatedesk.tickets.idempotency-key-ttl are purged.
CREATE TABLE ticket_submission_keys (
    key_hash    CHAR(64)                 NOT NULL PRIMARY KEY,
    body_hash   CHAR(64)                 NOT NULL,
    ticket_id   BIGINT REFERENCES tickets (id) ON DELETE CASCADE,
    receipt     VARCHAR(8000),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX ticket_submission_keys_created ON ticket_submission_keys (created_at);
CREATE INDEX ticket_submission_keys_ticket ON ticket_submission_keys (ticket_id);
