-- Merge and split (issue 21 item 4). A merged ticket is closed and points to the ticket its thread moved to; a message
-- moved there remembers the ticket it came from; a ticket split off a message points to the ticket it came from.
ALTER TABLE tickets ADD COLUMN merged_into BIGINT;
ALTER TABLE tickets ADD COLUMN split_from BIGINT;
ALTER TABLE tickets ADD CONSTRAINT fk_tickets_merged_into FOREIGN KEY (merged_into) REFERENCES tickets (id);
ALTER TABLE tickets ADD CONSTRAINT fk_tickets_split_from FOREIGN KEY (split_from) REFERENCES tickets (id);
ALTER TABLE ticket_messages ADD COLUMN moved_from BIGINT;
