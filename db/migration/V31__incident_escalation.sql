-- An incident may point at the escalated ticket whose engineering case explains it (issue 16): the incident page shows
-- that case's latest round and findings, and the case shows the incident it belongs to.
ALTER TABLE incidents ADD COLUMN escalation_ticket_id BIGINT;
