-- Calendar feeds (ADR 0034): each user may have one secret iCalendar address listing the deadlines and meetings of
-- all their organisations. Only the SHA-256 of the secret is stored, as for sessions and API tokens; revoking
-- deletes the row, regenerating replaces the hash, so an old address stops working at once.
CREATE TABLE calendar_feeds (
    id {{pk}},
    user_id BIGINT NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT
);

-- When and where a consultation meeting is held: local times in the Netherlands as 'HH:MM' text (a meeting is at
-- half past seven wherever the reader is; the calendar feed names the zone), and the place. Optional: meetings
-- planned before these existed have neither, and a time is a pair (both or neither), checked in the domain.
ALTER TABLE overleg_meetings ADD COLUMN starts_at TEXT;
ALTER TABLE overleg_meetings ADD COLUMN ends_at TEXT;
ALTER TABLE overleg_meetings ADD COLUMN place TEXT;
