-- The stock aggregated on a grid per zoom level, so the map of even the national stock is a small read.
-- Rebuilt for a corporation after each import that changed its stock.
CREATE TABLE map_cells (
    corporation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    level BIGINT NOT NULL,
    gx BIGINT NOT NULL,
    gy BIGINT NOT NULL,
    units BIGINT NOT NULL,
    daeb_units BIGINT NOT NULL,
    lat DOUBLE PRECISION NOT NULL,
    lon DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (corporation_id, level, gx, gy)
);
CREATE INDEX units_position ON units(corporation_id, lat, lon);
