DROP TRIGGER in_initiatives_search_update;
CREATE TRIGGER in_initiatives_search_update AFTER UPDATE OF title, corporation_id, initiator_org_id, published
    ON in_initiatives
    WHEN OLD.title IS NOT NEW.title OR OLD.corporation_id IS NOT NEW.corporation_id
        OR OLD.initiator_org_id IS NOT NEW.initiator_org_id OR OLD.published IS NOT NEW.published
    BEGIN UPDATE search_version SET version = version + 1; END;
