-- One number that every change to what a place's page shows from the modules raises in the same transaction (ADR
-- 0056): the page keeps its blocks in memory under it (with the place's parts, the viewer, the day, and the stock
-- versions of the place's corporations, which cover the units). The triggers in each engine's file raise it on any
-- insert, update or delete of the tables the blocks read (`place::kept::TABLES`) and on some changes of the signals'
-- (`place::kept::PARTLY`); a store test checks those lists against the triggers, a unit test against the tables the
-- blocks' statements name.
CREATE TABLE place_version (version BIGINT NOT NULL);
INSERT INTO place_version (version) VALUES (0);
