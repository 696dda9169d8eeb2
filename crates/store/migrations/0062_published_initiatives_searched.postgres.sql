DROP TRIGGER in_initiatives_search_update ON in_initiatives;
CREATE CONSTRAINT TRIGGER in_initiatives_search_update
    AFTER UPDATE OF title, corporation_id, initiator_org_id, published ON in_initiatives
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.corporation_id IS DISTINCT FROM NEW.corporation_id
        OR OLD.initiator_org_id IS DISTINCT FROM NEW.initiator_org_id OR OLD.published IS DISTINCT FROM NEW.published)
    EXECUTE FUNCTION search_version_raise();
