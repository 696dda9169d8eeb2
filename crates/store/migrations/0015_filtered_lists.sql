-- The unit list filtered by gemeente or buurt is read in address order. With only (corporation_id, gemeente_code) the
-- database had to choose between sorting every unit of the gemeente and walking the whole address index past the
-- other gemeenten (1.8 s per page on the national stock); with the address order behind the filter it reads one page.
DROP INDEX units_gemeente;
CREATE INDEX units_gemeente ON units(corporation_id, gemeente_code, in_use, woonplaats, straatnaam, huisnummer, id);
DROP INDEX units_buurt;
CREATE INDEX units_buurt ON units(corporation_id, buurt_code, in_use, woonplaats, straatnaam, huisnummer, id);
