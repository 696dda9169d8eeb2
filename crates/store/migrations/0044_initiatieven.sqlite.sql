-- The evidence file of a certificate (the engines name a byte column differently).
CREATE TABLE in_certificate_files (
    certificate_id BIGINT PRIMARY KEY REFERENCES in_certificates(id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    content BLOB NOT NULL,
    uploaded_at BIGINT NOT NULL
);

-- Photos with an initiative's outcome of a year (the engines name a byte column differently).
CREATE TABLE in_outcome_photos (
    id INTEGER PRIMARY KEY,
    initiative_id BIGINT NOT NULL REFERENCES in_initiatives(id) ON DELETE CASCADE,
    year BIGINT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    content BLOB NOT NULL,
    uploaded_by TEXT NOT NULL,
    uploaded_at BIGINT NOT NULL
);
CREATE INDEX in_outcome_photos_initiative ON in_outcome_photos(initiative_id, year);
