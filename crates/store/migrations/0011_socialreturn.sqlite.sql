CREATE TABLE sr_evidence (
    id INTEGER PRIMARY KEY,
    contribution_id BIGINT NOT NULL REFERENCES sr_contributions(id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    content BLOB NOT NULL,
    uploaded_at BIGINT NOT NULL
);
CREATE INDEX sr_evidence_contribution ON sr_evidence(contribution_id);
