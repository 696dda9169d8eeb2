-- Once per statement. The row stays locked until the transaction ends, so the number and the change it announces
-- become visible together: a search never reads the new number with rows from before the change.
CREATE FUNCTION search_version_raise() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE search_version SET version = version + 1;
    RETURN NULL;
END
$$;
CREATE TRIGGER overleg_cases_search AFTER INSERT OR DELETE OR UPDATE OF title, corporation_id, tenant_org_id ON overleg_cases
    FOR EACH STATEMENT EXECUTE FUNCTION search_version_raise();
CREATE TRIGGER part_groups_search AFTER INSERT OR DELETE OR UPDATE OF name, parent_id, ended_on, corporation_id, org_id ON part_groups
    FOR EACH STATEMENT EXECUTE FUNCTION search_version_raise();
CREATE TRIGGER sr_contracts_search AFTER INSERT OR DELETE OR UPDATE OF title, buyer_id, supplier_id, coordinator_id ON sr_contracts
    FOR EACH STATEMENT EXECUTE FUNCTION search_version_raise();
CREATE TRIGGER pa_cycles_search AFTER INSERT OR DELETE OR UPDATE OF title, gemeente_code ON pa_cycles
    FOR EACH STATEMENT EXECUTE FUNCTION search_version_raise();
CREATE TRIGGER pa_parties_search AFTER INSERT OR DELETE OR UPDATE OF cycle_id, org_id ON pa_parties
    FOR EACH STATEMENT EXECUTE FUNCTION search_version_raise();
CREATE TRIGGER in_initiatives_search AFTER INSERT OR DELETE OR UPDATE OF title, corporation_id, initiator_org_id ON in_initiatives
    FOR EACH STATEMENT EXECUTE FUNCTION search_version_raise();
