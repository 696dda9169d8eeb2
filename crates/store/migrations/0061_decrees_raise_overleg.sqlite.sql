-- As migration 52's triggers: one per table and event.
CREATE TRIGGER atw_decrees_place_insert AFTER INSERT ON atw_decrees
    BEGIN UPDATE place_version SET overleg = overleg + 1; END;
CREATE TRIGGER atw_decrees_place_update AFTER UPDATE ON atw_decrees
    BEGIN UPDATE place_version SET overleg = overleg + 1; END;
CREATE TRIGGER atw_decrees_place_delete AFTER DELETE ON atw_decrees
    BEGIN UPDATE place_version SET overleg = overleg + 1; END;
CREATE TRIGGER atw_decreed_days_place_insert AFTER INSERT ON atw_decreed_days
    BEGIN UPDATE place_version SET overleg = overleg + 1; END;
CREATE TRIGGER atw_decreed_days_place_update AFTER UPDATE ON atw_decreed_days
    BEGIN UPDATE place_version SET overleg = overleg + 1; END;
CREATE TRIGGER atw_decreed_days_place_delete AFTER DELETE ON atw_decreed_days
    BEGIN UPDATE place_version SET overleg = overleg + 1; END;
