-- Days decreed equal to a holiday under the Algemene termijnenwet (art. 3 lid 3). They cannot be computed: each
-- *Besluit gelijkstelling* names the years it covers and the days it decrees, and a platform administrator adds a
-- new decree's days in the web interface. The last year any decree covers tells which terms are still provisional
-- ("nog niet vastgesteld").
CREATE TABLE atw_decrees (
    id {{pk}},
    name TEXT NOT NULL,
    source TEXT NOT NULL,
    first_year BIGINT NOT NULL,
    last_year BIGINT NOT NULL,
    -- NULL for the decrees this migration seeds.
    created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT,
    CHECK (first_year <= last_year)
);

-- One row per decreed day (`YYYY-MM-DD`, as every calendar date in the schema); a day is decreed once.
CREATE TABLE atw_decreed_days (
    day TEXT PRIMARY KEY,
    decree_id BIGINT NOT NULL REFERENCES atw_decrees(id),
    reason TEXT NOT NULL
);
CREATE INDEX atw_decreed_days_decree ON atw_decreed_days(decree_id);

-- The decrees known when this was written (shared/design/RULES.md, "Deadlines in general"). The Staatsblad
-- references were not in that list; an administrator can correct the source on a new decree.
INSERT INTO atw_decrees (name, source, first_year, last_year) VALUES
    ('Besluit gelijkstelling dagen Algemene termijnenwet 2023–2025',
     'Algemene termijnenwet art. 3 lid 3; dagen volgens de Volkshuis-ontwerpregels (RULES.md)', 2023, 2025),
    ('Besluit gelijkstelling dagen Algemene termijnenwet 2026–2028',
     'Algemene termijnenwet art. 3 lid 3; dagen volgens de Volkshuis-ontwerpregels (RULES.md)', 2026, 2028);

INSERT INTO atw_decreed_days (day, decree_id, reason)
SELECT d.day, (SELECT id FROM atw_decrees WHERE first_year = d.first_year), d.reason FROM (
    SELECT '2023-04-28' AS day, 2023 AS first_year, 'vrijdag na Koningsdag' AS reason
    UNION ALL SELECT '2023-05-19', 2023, 'vrijdag na Hemelvaartsdag'
    UNION ALL SELECT '2024-05-10', 2023, 'vrijdag na Hemelvaartsdag'
    UNION ALL SELECT '2024-12-27', 2023, 'vrijdag na Tweede Kerstdag'
    UNION ALL SELECT '2025-05-30', 2023, 'vrijdag na Hemelvaartsdag'
    UNION ALL SELECT '2026-01-02', 2026, 'vrijdag na Nieuwjaarsdag'
    UNION ALL SELECT '2026-05-15', 2026, 'vrijdag na Hemelvaartsdag'
    UNION ALL SELECT '2027-05-07', 2026, 'vrijdag na Hemelvaartsdag'
    UNION ALL SELECT '2028-04-28', 2026, 'vrijdag na Koningsdag'
    UNION ALL SELECT '2028-05-26', 2026, 'vrijdag na Hemelvaartsdag'
) d;

-- Every stored next deadline of an open case is recomputed against these days by the migration step in
-- `migrate.rs` (Rust: the Algemene termijnenwet is not SQL), in this migration's transaction.
