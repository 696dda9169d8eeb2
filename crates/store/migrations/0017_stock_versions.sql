-- A number per corporation that every change to its units or complexes raises in the same transaction, so kept
-- pages of its stock (store::stock::cache) are known to be current by reading one row.
CREATE TABLE stock_versions (
    corporation_id BIGINT PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
    version BIGINT NOT NULL
);
