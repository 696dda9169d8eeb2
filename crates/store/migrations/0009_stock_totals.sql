-- The number of units in use per corporation, kept by the import, so the unfiltered list need not count them.
CREATE TABLE stock_totals (
    corporation_id BIGINT PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
    units_in_use BIGINT NOT NULL
);
