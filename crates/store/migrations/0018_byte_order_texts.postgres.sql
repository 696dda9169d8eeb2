-- The stock's codes and address texts compare byte by byte ("C"), as on SQLite: lists come in the same order on both
-- engines, whatever the database's own locale, and their indexes build about a third faster (a linguistic collation
-- compares through the locale library, and PostgreSQL only uses its fast sort keys for "C"). See ADR 0018.
ALTER TABLE units
    ALTER COLUMN id_extern TYPE TEXT COLLATE "C",
    ALTER COLUMN gemeente_code TYPE TEXT COLLATE "C",
    ALTER COLUMN wijk_code TYPE TEXT COLLATE "C",
    ALTER COLUMN buurt_code TYPE TEXT COLLATE "C",
    ALTER COLUMN postcode TYPE TEXT COLLATE "C",
    ALTER COLUMN woonplaats TYPE TEXT COLLATE "C",
    ALTER COLUMN straatnaam TYPE TEXT COLLATE "C";
ALTER TABLE clusters ALTER COLUMN code TYPE TEXT COLLATE "C";
