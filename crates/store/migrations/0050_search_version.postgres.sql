-- Deferred to the commit and once per transaction: the row of `search_version` is then the last lock a writing
-- transaction takes, held only while it commits, so writers of the modules do not wait on each other for their whole
-- transaction and cannot deadlock over it. Raised in the transaction itself, the number and the change it announces
-- become visible together: a search never reads the new number with the rows from before the change (a sequence,
-- raised outside the transaction, could not promise that).
CREATE FUNCTION search_version_raise() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('volkshuis.search_version_raised', true) = 'on' THEN
        RETURN NULL;
    END IF;
    PERFORM set_config('volkshuis.search_version_raised', 'on', true);
    UPDATE search_version SET version = version + 1;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER overleg_cases_search_insert_delete AFTER INSERT OR DELETE ON overleg_cases
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_version_raise();
CREATE CONSTRAINT TRIGGER overleg_cases_search_update AFTER UPDATE OF title, corporation_id, tenant_org_id ON overleg_cases
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.corporation_id IS DISTINCT FROM NEW.corporation_id OR OLD.tenant_org_id IS DISTINCT FROM NEW.tenant_org_id)
    EXECUTE FUNCTION search_version_raise();
CREATE CONSTRAINT TRIGGER part_groups_search_insert_delete AFTER INSERT OR DELETE ON part_groups
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_version_raise();
CREATE CONSTRAINT TRIGGER part_groups_search_update AFTER UPDATE OF name, parent_id, ended_on, corporation_id, org_id ON part_groups
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.parent_id IS DISTINCT FROM NEW.parent_id OR OLD.ended_on IS DISTINCT FROM NEW.ended_on OR OLD.corporation_id IS DISTINCT FROM NEW.corporation_id OR OLD.org_id IS DISTINCT FROM NEW.org_id)
    EXECUTE FUNCTION search_version_raise();
CREATE CONSTRAINT TRIGGER sr_contracts_search_insert_delete AFTER INSERT OR DELETE ON sr_contracts
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_version_raise();
CREATE CONSTRAINT TRIGGER sr_contracts_search_update AFTER UPDATE OF title, buyer_id, supplier_id, coordinator_id ON sr_contracts
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.buyer_id IS DISTINCT FROM NEW.buyer_id OR OLD.supplier_id IS DISTINCT FROM NEW.supplier_id OR OLD.coordinator_id IS DISTINCT FROM NEW.coordinator_id)
    EXECUTE FUNCTION search_version_raise();
CREATE CONSTRAINT TRIGGER pa_cycles_search_insert_delete AFTER INSERT OR DELETE ON pa_cycles
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_version_raise();
CREATE CONSTRAINT TRIGGER pa_cycles_search_update AFTER UPDATE OF title, gemeente_code ON pa_cycles
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.gemeente_code IS DISTINCT FROM NEW.gemeente_code)
    EXECUTE FUNCTION search_version_raise();
CREATE CONSTRAINT TRIGGER pa_parties_search_insert_delete AFTER INSERT OR DELETE ON pa_parties
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_version_raise();
CREATE CONSTRAINT TRIGGER pa_parties_search_update AFTER UPDATE OF cycle_id, org_id ON pa_parties
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD.cycle_id IS DISTINCT FROM NEW.cycle_id OR OLD.org_id IS DISTINCT FROM NEW.org_id)
    EXECUTE FUNCTION search_version_raise();
CREATE CONSTRAINT TRIGGER in_initiatives_search_insert_delete AFTER INSERT OR DELETE ON in_initiatives
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_version_raise();
CREATE CONSTRAINT TRIGGER in_initiatives_search_update AFTER UPDATE OF title, corporation_id, initiator_org_id ON in_initiatives
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.corporation_id IS DISTINCT FROM NEW.corporation_id OR OLD.initiator_org_id IS DISTINCT FROM NEW.initiator_org_id)
    EXECUTE FUNCTION search_version_raise();
