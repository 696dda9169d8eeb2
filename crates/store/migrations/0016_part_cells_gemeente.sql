-- The unit list filtered by gemeente takes its total from the coverage cells (the units in use per complex, buurt,
-- wijk and gemeente), so they are found by gemeente as they already are by buurt.
CREATE INDEX part_cells_gemeente ON part_cells(corporation_id, gemeente_code);
