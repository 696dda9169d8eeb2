-- A place's Overleg block shows whether a case's deadline is settled by a known Besluit gelijkstelling ("nog niet
-- vastgesteld"), so the decrees are read for that block and raise its section's number like the cases do (ADR 0057).
-- Each engine's file holds its triggers.

-- The two decrees migration 19 seeded named "RULES.md", a file of the developers, as their source on the platform's
-- decree page; they now say where their days came from in words a user can follow.
UPDATE atw_decrees
SET source = 'Algemene termijnenwet art. 3 lid 3; dagen ingevoerd bij de start van Volkshuis (vindplaats in de Staatscourant niet vastgelegd)'
WHERE created_by IS NULL AND source LIKE '%RULES.md%';
