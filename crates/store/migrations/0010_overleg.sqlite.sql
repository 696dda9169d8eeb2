CREATE TABLE overleg_documents (
    id INTEGER PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES overleg_cases(id) ON DELETE CASCADE,
    step TEXT NOT NULL,
    org_id BIGINT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL,
    uploaded_by TEXT NOT NULL,
    uploaded_at BIGINT NOT NULL
);
CREATE INDEX overleg_documents_case ON overleg_documents(case_id, id);
CREATE TRIGGER overleg_events_no_update BEFORE UPDATE ON overleg_events
BEGIN SELECT RAISE(ABORT, 'overleg_events is append-only'); END;
CREATE TRIGGER overleg_events_no_delete BEFORE DELETE ON overleg_events
BEGIN SELECT RAISE(ABORT, 'overleg_events is append-only'); END;
