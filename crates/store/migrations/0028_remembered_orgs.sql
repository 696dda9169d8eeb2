-- The organisation a user chose last with "Werk voor …" (issue 18): the next log-in lands there again, as long as the
-- user is still a member of it (the read joins the memberships, so a membership that ended makes it void).
CREATE TABLE remembered_orgs (
    user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    org_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    chosen_at BIGINT NOT NULL
);
