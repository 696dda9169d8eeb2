-- Notices of the other side's steps (ADR 0033).
-- How each user wants them by mail: 'immediate' (also when the user has no row), 'digest' or 'none'; and when the
-- user's last daily digest went out.
CREATE TABLE notice_settings (
    user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    mail TEXT NOT NULL CHECK (mail IN ('immediate', 'digest', 'none')),
    last_digest_at BIGINT,
    updated_at BIGINT NOT NULL
);

-- 1 while a notice waits for its user's daily digest; the digest takes it (sets 0) in the transaction that queues the
-- mail, so a notice is mailed in one digest only.
ALTER TABLE notifications ADD COLUMN digest_pending BIGINT NOT NULL DEFAULT 0;
CREATE INDEX notifications_digest ON notifications(user_id) WHERE digest_pending = 1;
