-- Only advice has a term in law (ADR 0064): consent and a view now have the date the corporation asks, as it falls;
-- a view and an advice after its term have no reply term. No table changes: the stored next deadline of every case
-- still waiting (the lists' order, a place page's column) is recomputed from its facts after this migration, as
-- after the decreed days (migration 19).
SELECT 1;
