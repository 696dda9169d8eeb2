-- One function for every section, its column the trigger's argument; still deferred to the commit and raised once
-- per transaction and section, `search_version`'s row locked first (see migration 51): every section is a column of
-- the one row, so writers still lock the same two rows in the same order.
CREATE OR REPLACE FUNCTION place_version_raise() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    raised TEXT := 'volkshuis.place_raised_' || TG_ARGV[0];
BEGIN
    IF current_setting(raised, true) = 'on' THEN
        RETURN NULL;
    END IF;
    PERFORM set_config(raised, 'on', true);
    PERFORM version FROM search_version FOR UPDATE;
    EXECUTE format('UPDATE place_version SET %I = %I + 1', TG_ARGV[0], TG_ARGV[0]);
    RETURN NULL;
END
$$;
DROP TRIGGER areas_place ON areas;
CREATE CONSTRAINT TRIGGER areas_place AFTER INSERT OR UPDATE OR DELETE ON areas
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise('areas');
DROP TRIGGER in_initiative_clusters_place ON in_initiative_clusters;
CREATE CONSTRAINT TRIGGER in_initiative_clusters_place AFTER INSERT OR UPDATE OR DELETE ON in_initiative_clusters
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise('initiatives');
DROP TRIGGER in_initiatives_place ON in_initiatives;
CREATE CONSTRAINT TRIGGER in_initiatives_place AFTER INSERT OR UPDATE OR DELETE ON in_initiatives
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise('initiatives');
DROP TRIGGER nz_checks_place ON nz_checks;
CREATE CONSTRAINT TRIGGER nz_checks_place AFTER INSERT OR UPDATE OR DELETE ON nz_checks
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise('nazorg');
DROP TRIGGER nz_sales_place ON nz_sales;
CREATE CONSTRAINT TRIGGER nz_sales_place AFTER INSERT OR UPDATE OR DELETE ON nz_sales
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise('nazorg');
DROP TRIGGER nz_vves_place ON nz_vves;
CREATE CONSTRAINT TRIGGER nz_vves_place AFTER INSERT OR UPDATE OR DELETE ON nz_vves
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise('nazorg');
DROP TRIGGER org_gemeenten_place ON org_gemeenten;
CREATE CONSTRAINT TRIGGER org_gemeenten_place AFTER INSERT OR UPDATE OR DELETE ON org_gemeenten
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise('nazorg');
DROP TRIGGER organisations_place ON organisations;
CREATE CONSTRAINT TRIGGER organisations_place AFTER INSERT OR UPDATE OR DELETE ON organisations
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise('partners');
DROP TRIGGER overleg_partners_place ON overleg_partners;
CREATE CONSTRAINT TRIGGER overleg_partners_place AFTER INSERT OR UPDATE OR DELETE ON overleg_partners
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise('partners');
DROP TRIGGER overleg_case_clusters_place ON overleg_case_clusters;
CREATE CONSTRAINT TRIGGER overleg_case_clusters_place AFTER INSERT OR UPDATE OR DELETE ON overleg_case_clusters
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise('overleg');
DROP TRIGGER overleg_cases_place ON overleg_cases;
CREATE CONSTRAINT TRIGGER overleg_cases_place AFTER INSERT OR UPDATE OR DELETE ON overleg_cases
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise('overleg');
DROP TRIGGER pa_commitments_place ON pa_commitments;
CREATE CONSTRAINT TRIGGER pa_commitments_place AFTER INSERT OR UPDATE OR DELETE ON pa_commitments
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise('afspraken');
DROP TRIGGER pa_cycles_place ON pa_cycles;
CREATE CONSTRAINT TRIGGER pa_cycles_place AFTER INSERT OR UPDATE OR DELETE ON pa_cycles
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise('afspraken');
DROP TRIGGER pa_parties_place ON pa_parties;
CREATE CONSTRAINT TRIGGER pa_parties_place AFTER INSERT OR UPDATE OR DELETE ON pa_parties
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise('afspraken');
DROP TRIGGER part_group_areas_place ON part_group_areas;
CREATE CONSTRAINT TRIGGER part_group_areas_place AFTER INSERT OR UPDATE OR DELETE ON part_group_areas
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise('participation');
DROP TRIGGER part_groups_place ON part_groups;
CREATE CONSTRAINT TRIGGER part_groups_place AFTER INSERT OR UPDATE OR DELETE ON part_groups
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise('participation');
DROP TRIGGER sr_tenant_totals_place ON sr_tenant_totals;
CREATE CONSTRAINT TRIGGER sr_tenant_totals_place AFTER INSERT OR UPDATE OR DELETE ON sr_tenant_totals
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise('social_return');
DROP TRIGGER sg_ledgers_place_sent ON sg_ledgers;
CREATE CONSTRAINT TRIGGER sg_ledgers_place_sent AFTER UPDATE OF sent_at ON sg_ledgers
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.sent_at IS DISTINCT FROM NEW.sent_at)
    EXECUTE FUNCTION place_version_raise('signals');
DROP TRIGGER sg_facts_place_outcome ON sg_facts;
CREATE CONSTRAINT TRIGGER sg_facts_place_outcome AFTER UPDATE OF outcome_group ON sg_facts
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.outcome_group IS DISTINCT FROM NEW.outcome_group)
    EXECUTE FUNCTION place_version_raise('signals');
DROP TRIGGER sg_facts_place_delete ON sg_facts;
CREATE CONSTRAINT TRIGGER sg_facts_place_delete AFTER DELETE ON sg_facts
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise('signals');
ALTER TABLE place_version DROP COLUMN version;
