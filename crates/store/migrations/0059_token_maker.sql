-- A token's right to bring in the arrears ledger holds while the administrator who made it is one (the API audit of
-- 7 December 2026): the maker's user id, taken for existing tokens from the audit log's entry of their making.
ALTER TABLE api_tokens ADD COLUMN created_by_user_id BIGINT;
UPDATE api_tokens SET created_by_user_id = (
    SELECT MIN(a.actor_user_id) FROM audit_log a
    WHERE a.action = 'create' AND a.entity = 'api_token' AND a.entity_id = CAST(api_tokens.id AS TEXT)
);
