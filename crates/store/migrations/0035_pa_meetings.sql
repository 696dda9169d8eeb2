-- Meetings at the edges of the day (issue 19): the parties of a prestatieafspraken cycle plan their talks before
-- work or after dinner, because the tenants' representatives are volunteers with jobs. Times are local times in the
-- Netherlands as 'HH:MM' text and days as 'YYYY-MM-DD', as for the overleg meetings (migration 30).

-- When one person can meet (volkshuis_domain::afspraken::planner::EdgePreferences), kept for every cycle they take
-- part in: five characters '1'/'0' for Monday to Friday, a morning before 09:00 from `morning_from`, an evening from
-- `evening_from` (17:30 at the earliest) until `evening_until`. A person without a row has the defaults.
CREATE TABLE pa_edge_preferences (
    user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    weekdays TEXT NOT NULL CHECK (length(weekdays) = 5),
    morning BIGINT NOT NULL CHECK (morning IN (0, 1)),
    morning_from TEXT NOT NULL,
    evening BIGINT NOT NULL CHECK (evening IN (0, 1)),
    evening_from TEXT NOT NULL,
    evening_until TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- A meeting of a cycle's parties: what it is about, how long, the agenda and the minutes. Who planned it may choose
-- its time (as may the lead party).
CREATE TABLE pa_meetings (
    id {{pk}},
    cycle_id BIGINT NOT NULL REFERENCES pa_cycles(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    duration_minutes BIGINT NOT NULL,
    place TEXT,
    agenda TEXT NOT NULL DEFAULT '',
    minutes TEXT NOT NULL DEFAULT '',
    created_by_user BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_by_org BIGINT NOT NULL REFERENCES organisations(id),
    created_at BIGINT NOT NULL
);
CREATE INDEX pa_meetings_cycle ON pa_meetings(cycle_id, id);

-- The times proposed for a meeting (computed when it was planned, so they do not move when someone later changes
-- their preferences), and the one chosen: at most one a meeting, held by the database.
CREATE TABLE pa_meeting_slots (
    id {{pk}},
    meeting_id BIGINT NOT NULL REFERENCES pa_meetings(id) ON DELETE CASCADE,
    held_on TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    chosen BIGINT NOT NULL DEFAULT 0 CHECK (chosen IN (0, 1))
);
CREATE INDEX pa_meeting_slots_meeting ON pa_meeting_slots(meeting_id, held_on, starts_at);
CREATE UNIQUE INDEX pa_meeting_slots_chosen ON pa_meeting_slots(meeting_id) WHERE chosen = 1;

-- Whether a person can make a proposed time: one answer a person a slot, changed as often as they like.
CREATE TABLE pa_meeting_availability (
    slot_id BIGINT NOT NULL REFERENCES pa_meeting_slots(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    available BIGINT NOT NULL CHECK (available IN (0, 1)),
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (slot_id, user_id)
);
