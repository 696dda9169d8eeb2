-- Per row (SQLite has no other kind); a bulk insert raises the number once for each row, which costs next to nothing,
-- and SQLite's one writer at a time leaves nothing to wait for.
CREATE TRIGGER overleg_cases_search_insert AFTER INSERT ON overleg_cases
    BEGIN UPDATE search_version SET version = version + 1; END;
CREATE TRIGGER overleg_cases_search_update AFTER UPDATE OF title, corporation_id, tenant_org_id ON overleg_cases
    WHEN OLD.title IS NOT NEW.title OR OLD.corporation_id IS NOT NEW.corporation_id OR OLD.tenant_org_id IS NOT NEW.tenant_org_id
    BEGIN UPDATE search_version SET version = version + 1; END;
CREATE TRIGGER overleg_cases_search_delete AFTER DELETE ON overleg_cases
    BEGIN UPDATE search_version SET version = version + 1; END;
CREATE TRIGGER part_groups_search_insert AFTER INSERT ON part_groups
    BEGIN UPDATE search_version SET version = version + 1; END;
CREATE TRIGGER part_groups_search_update AFTER UPDATE OF name, parent_id, ended_on, corporation_id, org_id ON part_groups
    WHEN OLD.name IS NOT NEW.name OR OLD.parent_id IS NOT NEW.parent_id OR OLD.ended_on IS NOT NEW.ended_on OR OLD.corporation_id IS NOT NEW.corporation_id OR OLD.org_id IS NOT NEW.org_id
    BEGIN UPDATE search_version SET version = version + 1; END;
CREATE TRIGGER part_groups_search_delete AFTER DELETE ON part_groups
    BEGIN UPDATE search_version SET version = version + 1; END;
CREATE TRIGGER sr_contracts_search_insert AFTER INSERT ON sr_contracts
    BEGIN UPDATE search_version SET version = version + 1; END;
CREATE TRIGGER sr_contracts_search_update AFTER UPDATE OF title, buyer_id, supplier_id, coordinator_id ON sr_contracts
    WHEN OLD.title IS NOT NEW.title OR OLD.buyer_id IS NOT NEW.buyer_id OR OLD.supplier_id IS NOT NEW.supplier_id OR OLD.coordinator_id IS NOT NEW.coordinator_id
    BEGIN UPDATE search_version SET version = version + 1; END;
CREATE TRIGGER sr_contracts_search_delete AFTER DELETE ON sr_contracts
    BEGIN UPDATE search_version SET version = version + 1; END;
CREATE TRIGGER pa_cycles_search_insert AFTER INSERT ON pa_cycles
    BEGIN UPDATE search_version SET version = version + 1; END;
CREATE TRIGGER pa_cycles_search_update AFTER UPDATE OF title, gemeente_code ON pa_cycles
    WHEN OLD.title IS NOT NEW.title OR OLD.gemeente_code IS NOT NEW.gemeente_code
    BEGIN UPDATE search_version SET version = version + 1; END;
CREATE TRIGGER pa_cycles_search_delete AFTER DELETE ON pa_cycles
    BEGIN UPDATE search_version SET version = version + 1; END;
CREATE TRIGGER pa_parties_search_insert AFTER INSERT ON pa_parties
    BEGIN UPDATE search_version SET version = version + 1; END;
CREATE TRIGGER pa_parties_search_update AFTER UPDATE OF cycle_id, org_id ON pa_parties
    WHEN OLD.cycle_id IS NOT NEW.cycle_id OR OLD.org_id IS NOT NEW.org_id
    BEGIN UPDATE search_version SET version = version + 1; END;
CREATE TRIGGER pa_parties_search_delete AFTER DELETE ON pa_parties
    BEGIN UPDATE search_version SET version = version + 1; END;
CREATE TRIGGER in_initiatives_search_insert AFTER INSERT ON in_initiatives
    BEGIN UPDATE search_version SET version = version + 1; END;
CREATE TRIGGER in_initiatives_search_update AFTER UPDATE OF title, corporation_id, initiator_org_id ON in_initiatives
    WHEN OLD.title IS NOT NEW.title OR OLD.corporation_id IS NOT NEW.corporation_id OR OLD.initiator_org_id IS NOT NEW.initiator_org_id
    BEGIN UPDATE search_version SET version = version + 1; END;
CREATE TRIGGER in_initiatives_search_delete AFTER DELETE ON in_initiatives
    BEGIN UPDATE search_version SET version = version + 1; END;
