-- The support mailbox's last read, shared by every node: the poll runs on whichever node holds its job lock, and the
-- admin page, on any node, must say when the mailbox was last read and what went wrong (issue 20).
CREATE TABLE mail_inbound_poll (
    id          INT PRIMARY KEY,
    polled_at   TIMESTAMP WITH TIME ZONE,
    last_error  VARCHAR(500),
    node        VARCHAR(200)
);

INSERT INTO mail_inbound_poll (id) VALUES (1);
