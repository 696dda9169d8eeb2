-- One API ledger call at a time per corporation (ADR 0067): a lease row, claimed when free or expired and deleted when
-- the call ends. It holds no connection while the call works, and every server of the platform sees it.
CREATE TABLE sg_ledger_turns (
    org_id BIGINT PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
    holder TEXT NOT NULL,
    until_at BIGINT NOT NULL
);
