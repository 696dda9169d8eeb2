CREATE TABLE pa_documents (
    id INTEGER PRIMARY KEY,
    cycle_id BIGINT NOT NULL REFERENCES pa_cycles(id) ON DELETE CASCADE,
    org_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    shared BIGINT NOT NULL DEFAULT 0,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL,
    uploaded_by TEXT NOT NULL,
    uploaded_at BIGINT NOT NULL
);
CREATE INDEX pa_documents_cycle ON pa_documents(cycle_id, id);
