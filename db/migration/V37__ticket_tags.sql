-- Free tags on tickets (normalised: lower case, no spaces, at most 40 characters) and the colours admins chose for
-- some of them; a tag without a row here gets a colour derived from its name.
CREATE TABLE ticket_tags (
    ticket_id  BIGINT      NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    tag        VARCHAR(40) NOT NULL,
    PRIMARY KEY (ticket_id, tag)
);
-- The queue's tag filter and the autocomplete look tags up by name.
CREATE INDEX ticket_tags_by_tag ON ticket_tags (tag, ticket_id);

CREATE TABLE tag_colours (
    tag     VARCHAR(40) PRIMARY KEY,
    colour  VARCHAR(7)  NOT NULL
);
