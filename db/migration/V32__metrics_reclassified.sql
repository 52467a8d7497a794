-- Tickets triage reclassified since the metrics rollup's last pass (issue 15). Triage stores a category without
-- touching tickets.updated_at, so the rollup's watermark cannot see it; the rollup notes each committed
-- classification here, on whichever node ran it, and the next pass (on any node) reprocesses and clears them.
CREATE TABLE metrics_reclassified (
    ticket_id BIGINT PRIMARY KEY
);
