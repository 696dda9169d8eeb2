-- The unit list is ordered by address: an index in that order lets both engines read the first page directly.
CREATE INDEX units_list ON units(corporation_id, in_use, woonplaats, straatnaam, huisnummer, id);
