-- Creating an API token answers with its secret, shown once; a reload of that answer (or a double click) sent the
-- form again and made a second token. The form carries a token made when it was shown; an API token keeps it, and a
-- second with the same one in the same organisation is refused (tokens from before have none; NULLs never collide).
ALTER TABLE api_tokens ADD COLUMN form_token TEXT;
CREATE UNIQUE INDEX api_tokens_form_token ON api_tokens(org_id, form_token);
