-- Deferred to the commit and once per transaction, as `search_version` (migration 50, ADR 0054): the row is the last
-- lock a writing transaction takes, so writers do not wait on each other for their whole transaction and cannot
-- deadlock over it, and the number becomes visible together with the change it announces. A transaction can raise
-- both numbers, their triggers firing in the order of its changes: so this one takes `search_version`'s row first,
-- and every writer locks the two rows in the same order (two transactions taking them in opposite orders could each
-- wait for the other).
CREATE FUNCTION place_version_raise() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('volkshuis.place_version_raised', true) = 'on' THEN
        RETURN NULL;
    END IF;
    PERFORM set_config('volkshuis.place_version_raised', 'on', true);
    PERFORM version FROM search_version FOR UPDATE;
    UPDATE place_version SET version = version + 1;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER areas_place AFTER INSERT OR UPDATE OR DELETE ON areas
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise();
CREATE CONSTRAINT TRIGGER in_initiative_clusters_place AFTER INSERT OR UPDATE OR DELETE ON in_initiative_clusters
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise();
CREATE CONSTRAINT TRIGGER in_initiatives_place AFTER INSERT OR UPDATE OR DELETE ON in_initiatives
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise();
CREATE CONSTRAINT TRIGGER nz_checks_place AFTER INSERT OR UPDATE OR DELETE ON nz_checks
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise();
CREATE CONSTRAINT TRIGGER nz_sales_place AFTER INSERT OR UPDATE OR DELETE ON nz_sales
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise();
CREATE CONSTRAINT TRIGGER nz_vves_place AFTER INSERT OR UPDATE OR DELETE ON nz_vves
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise();
CREATE CONSTRAINT TRIGGER org_gemeenten_place AFTER INSERT OR UPDATE OR DELETE ON org_gemeenten
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise();
CREATE CONSTRAINT TRIGGER organisations_place AFTER INSERT OR UPDATE OR DELETE ON organisations
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise();
CREATE CONSTRAINT TRIGGER overleg_case_clusters_place AFTER INSERT OR UPDATE OR DELETE ON overleg_case_clusters
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise();
CREATE CONSTRAINT TRIGGER overleg_cases_place AFTER INSERT OR UPDATE OR DELETE ON overleg_cases
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise();
CREATE CONSTRAINT TRIGGER overleg_partners_place AFTER INSERT OR UPDATE OR DELETE ON overleg_partners
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise();
CREATE CONSTRAINT TRIGGER pa_commitments_place AFTER INSERT OR UPDATE OR DELETE ON pa_commitments
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise();
CREATE CONSTRAINT TRIGGER pa_cycles_place AFTER INSERT OR UPDATE OR DELETE ON pa_cycles
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise();
CREATE CONSTRAINT TRIGGER pa_parties_place AFTER INSERT OR UPDATE OR DELETE ON pa_parties
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise();
CREATE CONSTRAINT TRIGGER part_group_areas_place AFTER INSERT OR UPDATE OR DELETE ON part_group_areas
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise();
CREATE CONSTRAINT TRIGGER part_groups_place AFTER INSERT OR UPDATE OR DELETE ON part_groups
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise();
-- A ledger's signals come in by the hundred thousand (ADR 0049 took the foreign keys off these rows for their cost):
-- not a trigger event per row, but the one update of the ledger that sends them (`sent_at`). A signal's outcome, the
-- one column of `sg_facts` a place shows that changes later, is updated a row at a time.
CREATE CONSTRAINT TRIGGER sg_ledgers_place_sent AFTER UPDATE OF sent_at ON sg_ledgers
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.sent_at IS DISTINCT FROM NEW.sent_at)
    EXECUTE FUNCTION place_version_raise();
CREATE CONSTRAINT TRIGGER sg_facts_place_outcome AFTER UPDATE OF outcome_group ON sg_facts
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.outcome_group IS DISTINCT FROM NEW.outcome_group)
    EXECUTE FUNCTION place_version_raise();
CREATE CONSTRAINT TRIGGER sg_facts_place_delete AFTER DELETE ON sg_facts
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise();
CREATE CONSTRAINT TRIGGER sr_tenant_totals_place AFTER INSERT OR UPDATE OR DELETE ON sr_tenant_totals
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION place_version_raise();
