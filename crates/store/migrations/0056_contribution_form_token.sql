-- A contribution reported twice from one form (a double click, a second tab) was stored and counted twice. The form
-- carries a token made when it was shown; a contribution keeps it, and a second with the same token on the same
-- contract is refused (the index; contributions from before this migration have none, and NULLs never collide).
ALTER TABLE sr_contributions ADD COLUMN form_token TEXT;
CREATE UNIQUE INDEX sr_contributions_form_token ON sr_contributions(contract_id, form_token);
