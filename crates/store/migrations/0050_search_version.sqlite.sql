-- SQLite's triggers are per row: a bulk insert raises the number once for each row, which costs next to nothing.
CREATE TRIGGER overleg_cases_search_insert AFTER INSERT ON overleg_cases
    BEGIN UPDATE search_version SET version = version + 1; END;
CREATE TRIGGER overleg_cases_search_update AFTER UPDATE OF title, corporation_id, tenant_org_id ON overleg_cases
    BEGIN UPDATE search_version SET version = version + 1; END;
CREATE TRIGGER overleg_cases_search_delete AFTER DELETE ON overleg_cases
    BEGIN UPDATE search_version SET version = version + 1; END;
CREATE TRIGGER part_groups_search_insert AFTER INSERT ON part_groups
    BEGIN UPDATE search_version SET version = version + 1; END;
CREATE TRIGGER part_groups_search_update AFTER UPDATE OF name, parent_id, ended_on, corporation_id, org_id ON part_groups
    BEGIN UPDATE search_version SET version = version + 1; END;
CREATE TRIGGER part_groups_search_delete AFTER DELETE ON part_groups
    BEGIN UPDATE search_version SET version = version + 1; END;
CREATE TRIGGER sr_contracts_search_insert AFTER INSERT ON sr_contracts
    BEGIN UPDATE search_version SET version = version + 1; END;
CREATE TRIGGER sr_contracts_search_update AFTER UPDATE OF title, buyer_id, supplier_id, coordinator_id ON sr_contracts
    BEGIN UPDATE search_version SET version = version + 1; END;
CREATE TRIGGER sr_contracts_search_delete AFTER DELETE ON sr_contracts
    BEGIN UPDATE search_version SET version = version + 1; END;
CREATE TRIGGER pa_cycles_search_insert AFTER INSERT ON pa_cycles
    BEGIN UPDATE search_version SET version = version + 1; END;
CREATE TRIGGER pa_cycles_search_update AFTER UPDATE OF title, gemeente_code ON pa_cycles
    BEGIN UPDATE search_version SET version = version + 1; END;
CREATE TRIGGER pa_cycles_search_delete AFTER DELETE ON pa_cycles
    BEGIN UPDATE search_version SET version = version + 1; END;
CREATE TRIGGER pa_parties_search_insert AFTER INSERT ON pa_parties
    BEGIN UPDATE search_version SET version = version + 1; END;
CREATE TRIGGER pa_parties_search_update AFTER UPDATE OF cycle_id, org_id ON pa_parties
    BEGIN UPDATE search_version SET version = version + 1; END;
CREATE TRIGGER pa_parties_search_delete AFTER DELETE ON pa_parties
    BEGIN UPDATE search_version SET version = version + 1; END;
CREATE TRIGGER in_initiatives_search_insert AFTER INSERT ON in_initiatives
    BEGIN UPDATE search_version SET version = version + 1; END;
CREATE TRIGGER in_initiatives_search_update AFTER UPDATE OF title, corporation_id, initiator_org_id ON in_initiatives
    BEGIN UPDATE search_version SET version = version + 1; END;
CREATE TRIGGER in_initiatives_search_delete AFTER DELETE ON in_initiatives
    BEGIN UPDATE search_version SET version = version + 1; END;
