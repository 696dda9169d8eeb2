-- The search box (issue 23, ADR 0047) finds addresses by the start of the street name, case ignored. An expression
-- index on the ASCII lower case of the name serves it on both engines alike: SQLite's lower() folds ASCII only, and
-- PostgreSQL's does the same under the column's COLLATE "C" (ADR 0018), so both keep the same byte order and a range
-- `lower(straatnaam) >= 'kerk' AND < 'kerk\u{10FFFF}'` walks it. Behind the corporation, because every search is
-- bounded to the corporations a viewer may look up; the house number last, for the order of the results.
-- The stock's bulk load drops and builds it again with the others (`stock/bulk.rs`).
CREATE INDEX units_street ON units(corporation_id, lower(straatnaam), huisnummer);
