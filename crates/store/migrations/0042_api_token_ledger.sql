-- An API token may also bring in Signalering's arrears ledger (issue 20, ADR 0044): a corporation's ERP posts its
-- monthly ledger without a person at the keyboard. Tokens read only unless they carry this right, given when the
-- token is made; nothing else can be written through the API.
ALTER TABLE api_tokens ADD COLUMN may_bring_ledger BIGINT NOT NULL DEFAULT 0;
