-- The unit list filtered by gemeente is read in address order. With only (corporation_id, gemeente_code) the database
-- had to choose between sorting every unit of the gemeente (a city has a hundred thousand) and walking the whole
-- address index past the other gemeenten (1.8 s per page on the national stock); with the address order behind the
-- filter it reads one page. A buurt holds a few hundred units, so sorting them stays cheap: its index is unchanged.
DROP INDEX units_gemeente;
CREATE INDEX units_gemeente ON units(corporation_id, gemeente_code, in_use, woonplaats, straatnaam, huisnummer, id);
