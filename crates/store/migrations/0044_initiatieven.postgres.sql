-- The evidence file of a certificate (the engines name a byte column differently).
CREATE TABLE in_certificate_files (
    certificate_id BIGINT PRIMARY KEY REFERENCES in_certificates(id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    content BYTEA NOT NULL,
    uploaded_at BIGINT NOT NULL
);
