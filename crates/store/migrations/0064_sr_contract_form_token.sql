-- A contract registered twice from one form (a double click, a reload of the answer) counted twice in every total,
-- and a contract cannot be deleted. The form carries a token made when it was shown; a contract keeps it, and a
-- second with the same one for the same buyer is refused (contracts from before have none; NULLs never collide).
ALTER TABLE sr_contracts ADD COLUMN form_token TEXT;
CREATE UNIQUE INDEX sr_contracts_form_token ON sr_contracts(buyer_id, form_token);
