-- Migration 52's function, one trigger per table.
CREATE CONSTRAINT TRIGGER atw_decrees_place AFTER INSERT OR UPDATE OR DELETE ON atw_decrees
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise('overleg');
CREATE CONSTRAINT TRIGGER atw_decreed_days_place AFTER INSERT OR UPDATE OR DELETE ON atw_decreed_days
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise('overleg');
