-- A queued or running import beats a heartbeat into its row, so that one whose node stopped in the middle (a shutdown,
-- a crash) can be told from one still running on another node, and marked failed instead of importing forever.
ALTER TABLE log_imports ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;
-- The sweep looks for the few unfinished imports among many finished ones (every ingest call is an import).
CREATE INDEX ix_log_imports_status ON log_imports (status);
