-- Area boundaries (gemeente, wijk, buurt) with their CBS code and year; geometry as JSON rings in WGS84.
CREATE TABLE areas (
    id {{pk}},
    kind TEXT NOT NULL,
    code TEXT NOT NULL,
    year BIGINT NOT NULL,
    name TEXT NOT NULL,
    min_lon DOUBLE PRECISION NOT NULL,
    min_lat DOUBLE PRECISION NOT NULL,
    max_lon DOUBLE PRECISION NOT NULL,
    max_lat DOUBLE PRECISION NOT NULL,
    geometry TEXT NOT NULL,
    UNIQUE (kind, code, year)
);
