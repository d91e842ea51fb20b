-- Checkpoints of the audit chain's head, kept apart from the log. The chain alone cannot show
-- that its newest entries were cut off; a checkpoint records how far it reached (last entry,
-- its hash, the number of entries), and an exported copy held by the auditor proves it later.
-- Checkpoints form their own hash chain, so a removed or edited checkpoint shows too.
CREATE TABLE audit_checkpoint (
  seq integer PRIMARY KEY,
  at timestamptz NOT NULL,
  last_id bigint NOT NULL,
  entries bigint NOT NULL,
  head_hash text NOT NULL,
  made_by text NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL UNIQUE
);
CREATE TRIGGER audit_checkpoint_no_update BEFORE UPDATE OR DELETE ON audit_checkpoint
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
