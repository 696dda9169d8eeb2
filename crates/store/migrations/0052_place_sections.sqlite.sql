-- Per row, as migration 51's (SQLite has no other kind), each raising its section's number.
DROP TRIGGER areas_place_insert;
CREATE TRIGGER areas_place_insert AFTER INSERT ON areas
    BEGIN UPDATE place_version SET areas = areas + 1; END;
DROP TRIGGER areas_place_update;
CREATE TRIGGER areas_place_update AFTER UPDATE ON areas
    BEGIN UPDATE place_version SET areas = areas + 1; END;
DROP TRIGGER areas_place_delete;
CREATE TRIGGER areas_place_delete AFTER DELETE ON areas
    BEGIN UPDATE place_version SET areas = areas + 1; END;
DROP TRIGGER in_initiative_clusters_place_insert;
CREATE TRIGGER in_initiative_clusters_place_insert AFTER INSERT ON in_initiative_clusters
    BEGIN UPDATE place_version SET initiatives = initiatives + 1; END;
DROP TRIGGER in_initiative_clusters_place_update;
CREATE TRIGGER in_initiative_clusters_place_update AFTER UPDATE ON in_initiative_clusters
    BEGIN UPDATE place_version SET initiatives = initiatives + 1; END;
DROP TRIGGER in_initiative_clusters_place_delete;
CREATE TRIGGER in_initiative_clusters_place_delete AFTER DELETE ON in_initiative_clusters
    BEGIN UPDATE place_version SET initiatives = initiatives + 1; END;
DROP TRIGGER in_initiatives_place_insert;
CREATE TRIGGER in_initiatives_place_insert AFTER INSERT ON in_initiatives
    BEGIN UPDATE place_version SET initiatives = initiatives + 1; END;
DROP TRIGGER in_initiatives_place_update;
CREATE TRIGGER in_initiatives_place_update AFTER UPDATE ON in_initiatives
    BEGIN UPDATE place_version SET initiatives = initiatives + 1; END;
DROP TRIGGER in_initiatives_place_delete;
CREATE TRIGGER in_initiatives_place_delete AFTER DELETE ON in_initiatives
    BEGIN UPDATE place_version SET initiatives = initiatives + 1; END;
DROP TRIGGER nz_checks_place_insert;
CREATE TRIGGER nz_checks_place_insert AFTER INSERT ON nz_checks
    BEGIN UPDATE place_version SET nazorg = nazorg + 1; END;
DROP TRIGGER nz_checks_place_update;
CREATE TRIGGER nz_checks_place_update AFTER UPDATE ON nz_checks
    BEGIN UPDATE place_version SET nazorg = nazorg + 1; END;
DROP TRIGGER nz_checks_place_delete;
CREATE TRIGGER nz_checks_place_delete AFTER DELETE ON nz_checks
    BEGIN UPDATE place_version SET nazorg = nazorg + 1; END;
DROP TRIGGER nz_sales_place_insert;
CREATE TRIGGER nz_sales_place_insert AFTER INSERT ON nz_sales
    BEGIN UPDATE place_version SET nazorg = nazorg + 1; END;
DROP TRIGGER nz_sales_place_update;
CREATE TRIGGER nz_sales_place_update AFTER UPDATE ON nz_sales
    BEGIN UPDATE place_version SET nazorg = nazorg + 1; END;
DROP TRIGGER nz_sales_place_delete;
CREATE TRIGGER nz_sales_place_delete AFTER DELETE ON nz_sales
    BEGIN UPDATE place_version SET nazorg = nazorg + 1; END;
DROP TRIGGER nz_vves_place_insert;
CREATE TRIGGER nz_vves_place_insert AFTER INSERT ON nz_vves
    BEGIN UPDATE place_version SET nazorg = nazorg + 1; END;
DROP TRIGGER nz_vves_place_update;
CREATE TRIGGER nz_vves_place_update AFTER UPDATE ON nz_vves
    BEGIN UPDATE place_version SET nazorg = nazorg + 1; END;
DROP TRIGGER nz_vves_place_delete;
CREATE TRIGGER nz_vves_place_delete AFTER DELETE ON nz_vves
    BEGIN UPDATE place_version SET nazorg = nazorg + 1; END;
DROP TRIGGER org_gemeenten_place_insert;
CREATE TRIGGER org_gemeenten_place_insert AFTER INSERT ON org_gemeenten
    BEGIN UPDATE place_version SET nazorg = nazorg + 1; END;
DROP TRIGGER org_gemeenten_place_update;
CREATE TRIGGER org_gemeenten_place_update AFTER UPDATE ON org_gemeenten
    BEGIN UPDATE place_version SET nazorg = nazorg + 1; END;
DROP TRIGGER org_gemeenten_place_delete;
CREATE TRIGGER org_gemeenten_place_delete AFTER DELETE ON org_gemeenten
    BEGIN UPDATE place_version SET nazorg = nazorg + 1; END;
DROP TRIGGER organisations_place_insert;
CREATE TRIGGER organisations_place_insert AFTER INSERT ON organisations
    BEGIN UPDATE place_version SET partners = partners + 1; END;
DROP TRIGGER organisations_place_update;
CREATE TRIGGER organisations_place_update AFTER UPDATE ON organisations
    BEGIN UPDATE place_version SET partners = partners + 1; END;
DROP TRIGGER organisations_place_delete;
CREATE TRIGGER organisations_place_delete AFTER DELETE ON organisations
    BEGIN UPDATE place_version SET partners = partners + 1; END;
DROP TRIGGER overleg_partners_place_insert;
CREATE TRIGGER overleg_partners_place_insert AFTER INSERT ON overleg_partners
    BEGIN UPDATE place_version SET partners = partners + 1; END;
DROP TRIGGER overleg_partners_place_update;
CREATE TRIGGER overleg_partners_place_update AFTER UPDATE ON overleg_partners
    BEGIN UPDATE place_version SET partners = partners + 1; END;
DROP TRIGGER overleg_partners_place_delete;
CREATE TRIGGER overleg_partners_place_delete AFTER DELETE ON overleg_partners
    BEGIN UPDATE place_version SET partners = partners + 1; END;
DROP TRIGGER overleg_case_clusters_place_insert;
CREATE TRIGGER overleg_case_clusters_place_insert AFTER INSERT ON overleg_case_clusters
    BEGIN UPDATE place_version SET overleg = overleg + 1; END;
DROP TRIGGER overleg_case_clusters_place_update;
CREATE TRIGGER overleg_case_clusters_place_update AFTER UPDATE ON overleg_case_clusters
    BEGIN UPDATE place_version SET overleg = overleg + 1; END;
DROP TRIGGER overleg_case_clusters_place_delete;
CREATE TRIGGER overleg_case_clusters_place_delete AFTER DELETE ON overleg_case_clusters
    BEGIN UPDATE place_version SET overleg = overleg + 1; END;
DROP TRIGGER overleg_cases_place_insert;
CREATE TRIGGER overleg_cases_place_insert AFTER INSERT ON overleg_cases
    BEGIN UPDATE place_version SET overleg = overleg + 1; END;
DROP TRIGGER overleg_cases_place_update;
CREATE TRIGGER overleg_cases_place_update AFTER UPDATE ON overleg_cases
    BEGIN UPDATE place_version SET overleg = overleg + 1; END;
DROP TRIGGER overleg_cases_place_delete;
CREATE TRIGGER overleg_cases_place_delete AFTER DELETE ON overleg_cases
    BEGIN UPDATE place_version SET overleg = overleg + 1; END;
DROP TRIGGER pa_commitments_place_insert;
CREATE TRIGGER pa_commitments_place_insert AFTER INSERT ON pa_commitments
    BEGIN UPDATE place_version SET afspraken = afspraken + 1; END;
DROP TRIGGER pa_commitments_place_update;
CREATE TRIGGER pa_commitments_place_update AFTER UPDATE ON pa_commitments
    BEGIN UPDATE place_version SET afspraken = afspraken + 1; END;
DROP TRIGGER pa_commitments_place_delete;
CREATE TRIGGER pa_commitments_place_delete AFTER DELETE ON pa_commitments
    BEGIN UPDATE place_version SET afspraken = afspraken + 1; END;
DROP TRIGGER pa_cycles_place_insert;
CREATE TRIGGER pa_cycles_place_insert AFTER INSERT ON pa_cycles
    BEGIN UPDATE place_version SET afspraken = afspraken + 1; END;
DROP TRIGGER pa_cycles_place_update;
CREATE TRIGGER pa_cycles_place_update AFTER UPDATE ON pa_cycles
    BEGIN UPDATE place_version SET afspraken = afspraken + 1; END;
DROP TRIGGER pa_cycles_place_delete;
CREATE TRIGGER pa_cycles_place_delete AFTER DELETE ON pa_cycles
    BEGIN UPDATE place_version SET afspraken = afspraken + 1; END;
DROP TRIGGER pa_parties_place_insert;
CREATE TRIGGER pa_parties_place_insert AFTER INSERT ON pa_parties
    BEGIN UPDATE place_version SET afspraken = afspraken + 1; END;
DROP TRIGGER pa_parties_place_update;
CREATE TRIGGER pa_parties_place_update AFTER UPDATE ON pa_parties
    BEGIN UPDATE place_version SET afspraken = afspraken + 1; END;
DROP TRIGGER pa_parties_place_delete;
CREATE TRIGGER pa_parties_place_delete AFTER DELETE ON pa_parties
    BEGIN UPDATE place_version SET afspraken = afspraken + 1; END;
DROP TRIGGER part_group_areas_place_insert;
CREATE TRIGGER part_group_areas_place_insert AFTER INSERT ON part_group_areas
    BEGIN UPDATE place_version SET participation = participation + 1; END;
DROP TRIGGER part_group_areas_place_update;
CREATE TRIGGER part_group_areas_place_update AFTER UPDATE ON part_group_areas
    BEGIN UPDATE place_version SET participation = participation + 1; END;
DROP TRIGGER part_group_areas_place_delete;
CREATE TRIGGER part_group_areas_place_delete AFTER DELETE ON part_group_areas
    BEGIN UPDATE place_version SET participation = participation + 1; END;
DROP TRIGGER part_groups_place_insert;
CREATE TRIGGER part_groups_place_insert AFTER INSERT ON part_groups
    BEGIN UPDATE place_version SET participation = participation + 1; END;
DROP TRIGGER part_groups_place_update;
CREATE TRIGGER part_groups_place_update AFTER UPDATE ON part_groups
    BEGIN UPDATE place_version SET participation = participation + 1; END;
DROP TRIGGER part_groups_place_delete;
CREATE TRIGGER part_groups_place_delete AFTER DELETE ON part_groups
    BEGIN UPDATE place_version SET participation = participation + 1; END;
DROP TRIGGER sr_tenant_totals_place_insert;
CREATE TRIGGER sr_tenant_totals_place_insert AFTER INSERT ON sr_tenant_totals
    BEGIN UPDATE place_version SET social_return = social_return + 1; END;
DROP TRIGGER sr_tenant_totals_place_update;
CREATE TRIGGER sr_tenant_totals_place_update AFTER UPDATE ON sr_tenant_totals
    BEGIN UPDATE place_version SET social_return = social_return + 1; END;
DROP TRIGGER sr_tenant_totals_place_delete;
CREATE TRIGGER sr_tenant_totals_place_delete AFTER DELETE ON sr_tenant_totals
    BEGIN UPDATE place_version SET social_return = social_return + 1; END;
DROP TRIGGER sg_ledgers_place_sent;
CREATE TRIGGER sg_ledgers_place_sent AFTER UPDATE OF sent_at ON sg_ledgers WHEN OLD.sent_at IS NOT NEW.sent_at
    BEGIN UPDATE place_version SET signals = signals + 1; END;
DROP TRIGGER sg_facts_place_outcome;
CREATE TRIGGER sg_facts_place_outcome AFTER UPDATE OF outcome_group ON sg_facts
    WHEN OLD.outcome_group IS NOT NEW.outcome_group
    BEGIN UPDATE place_version SET signals = signals + 1; END;
DROP TRIGGER sg_facts_place_delete;
CREATE TRIGGER sg_facts_place_delete AFTER DELETE ON sg_facts
    BEGIN UPDATE place_version SET signals = signals + 1; END;
ALTER TABLE place_version DROP COLUMN version;
