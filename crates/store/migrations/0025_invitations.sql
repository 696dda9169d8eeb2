-- Invitations to an organisation (issue 17 §2): adding someone's e-mail address no longer makes them a member; it
-- invites them, and the membership exists only after they accept. One open invitation per person and organisation.
CREATE TABLE invitations (
    id {{pk}},
    org_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    invited_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    answered_at BIGINT,
    accepted BIGINT
);
CREATE UNIQUE INDEX invitations_open ON invitations(org_id, user_id) WHERE answered_at IS NULL;
CREATE INDEX invitations_user ON invitations(user_id);
