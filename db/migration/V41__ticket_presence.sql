-- Who has a ticket open right now, and who is typing a reply on it: one row per staff member and ticket, refreshed
-- by the ticket page every few seconds. In the database so that every node of a multi-node desk sees everyone.
CREATE TABLE ticket_presence (
    ticket_id    BIGINT        NOT NULL,
    user_id      BIGINT        NOT NULL,
    display_name VARCHAR(120)  NOT NULL,
    seen_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    typing_at    TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (ticket_id, user_id)
);
CREATE INDEX ix_ticket_presence_seen ON ticket_presence (seen_at);
