-- An Overleg partnership is a proposal by the corporation until the tenant organisation accepts it (issue 17 §2):
-- before that no case can be sent to it and it sees nothing of the corporation. NULL: proposed, not yet accepted.
-- Declining deletes the proposal (the audit log keeps it).
ALTER TABLE overleg_partners ADD COLUMN accepted_at BIGINT;
-- The partnerships made before this existed stay as they were: accepted, from when they were made.
UPDATE overleg_partners SET accepted_at = created_at;
