-- The VERA reference data (code lists). (soort, code) is unique only among codes that are not retired.
CREATE TABLE vera_codes (
    id {{pk}},
    soort TEXT NOT NULL,
    code TEXT NOT NULL,
    naam TEXT NOT NULL,
    omschrijving TEXT NOT NULL,
    begindatum TEXT,
    einddatum TEXT,
    retired BIGINT NOT NULL,
    parent_soort TEXT,
    parent_code TEXT,
    informatiedomein TEXT NOT NULL
);
CREATE INDEX vera_codes_key ON vera_codes(soort, code);
