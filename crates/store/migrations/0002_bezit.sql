-- Bezit: complexes (clusters) and units (verhuureenheden) of a corporation, and a record of every import.

CREATE TABLE clusters (
    id {{pk}},
    corporation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    naam TEXT,
    UNIQUE (corporation_id, code)
);

CREATE TABLE units (
    id {{pk}},
    corporation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    id_extern TEXT NOT NULL,
    cluster_id BIGINT REFERENCES clusters(id) ON DELETE SET NULL,
    soort TEXT,
    detail_soort TEXT,
    status TEXT,
    straatnaam TEXT NOT NULL,
    huisnummer BIGINT NOT NULL,
    huisletter TEXT,
    huisnummer_toevoeging TEXT,
    postcode TEXT NOT NULL,
    woonplaats TEXT NOT NULL,
    bag_verblijfsobject_id TEXT,
    bag_pand_id TEXT,
    gemeente_code TEXT,
    wijk_code TEXT,
    buurt_code TEXT,
    cbs_year BIGINT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    bouwjaar BIGINT,
    gebruiksoppervlakte DOUBLE PRECISION,
    kamers BIGINT,
    maatschappelijk_label TEXT,
    nettohuur_cents BIGINT,
    brutohuur_cents BIGINT,
    fingerprint TEXT NOT NULL,
    in_use BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (corporation_id, id_extern)
);
CREATE INDEX units_cluster ON units(corporation_id, cluster_id);
CREATE INDEX units_gemeente ON units(corporation_id, gemeente_code);
CREATE INDEX units_buurt ON units(corporation_id, buurt_code);
CREATE INDEX units_address ON units(postcode, huisnummer);

CREATE TABLE imports (
    id {{pk}},
    corporation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    source TEXT NOT NULL,
    at BIGINT NOT NULL,
    actor_label TEXT NOT NULL,
    rows_read BIGINT NOT NULL,
    units_new BIGINT NOT NULL,
    units_changed BIGINT NOT NULL,
    units_unchanged BIGINT NOT NULL,
    units_missing BIGINT NOT NULL,
    units_marked_missing BIGINT NOT NULL
);
CREATE INDEX imports_corporation ON imports(corporation_id, at);

-- The error report of an import, kept so the user can download it as CSV.
CREATE TABLE import_reports (
    id {{pk}},
    corporation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    csv TEXT NOT NULL
);
