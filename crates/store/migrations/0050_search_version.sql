-- One number that every change to what the search box keeps in memory of the modules raises in the same transaction:
-- the titles and names of Overleg cases, groups, contracts, cycles and initiatives, and the columns that say who may
-- find them (a cycle's parties too). The triggers in each engine's file raise it; a search reads it to know whether
-- its kept index is current (ADR 0054). An update that leaves those columns as they were does not raise it.
CREATE TABLE search_version (version BIGINT NOT NULL);
INSERT INTO search_version (version) VALUES (0);
