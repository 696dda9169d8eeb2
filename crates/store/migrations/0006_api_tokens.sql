-- API tokens: an organisation's read access to its data through /api/v1. Only the SHA-256 of a token is stored.
CREATE TABLE api_tokens (
    id {{pk}},
    org_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    created_by TEXT NOT NULL,
    last_used_at BIGINT,
    revoked_at BIGINT
);
CREATE INDEX api_tokens_org ON api_tokens(org_id);
