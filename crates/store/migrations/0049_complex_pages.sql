-- A complex's page shows 50 of its units at a time in address order, with the figures of all of them (issue 16,
-- ADR 0050). This index serves both: a page walks it from the complex's first unit in use in address order and stops
-- after its rows, and the figures read one range of it (the count and the first and last town from the index, the
-- labels and rents from the rows). It takes the place of `units_by_cluster` on the complex's id alone, with which each
-- page read and sorted every unit of its complex.
-- No rent in it: a yearly rent change must not touch any index, so that PostgreSQL can update each row in its own
-- page (see the PostgreSQL part).
-- The stock's bulk load drops and builds it again with the others (`stock/bulk.rs`).
DROP INDEX units_by_cluster;
CREATE INDEX units_by_cluster ON units(cluster_id, in_use, woonplaats, straatnaam, huisnummer, id);
