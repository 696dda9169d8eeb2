-- A contract whose coordinator could not be one (a supplier, a corporation, a tenant organisation, the buyer
-- itself) loses it: that organisation read candidate names and evidence it had no business with. Each removal is
-- written to the audit log first.
INSERT INTO audit_log (at, actor_user_id, actor_label, org_id, action, entity, entity_id, before_json, after_json,
                       personal_data, request_id)
SELECT CAST(strftime('%s', 'now') AS INTEGER), NULL, 'migratie 21', c.buyer_id, 'remove_coordinator', 'sr_contract',
       CAST(c.id AS TEXT), '{"coordinator_id":' || c.coordinator_id || '}', '{"coordinator_id":null}', 0, NULL
FROM sr_contracts c
WHERE c.coordinator_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM sr_coordinators k WHERE k.buyer_id = c.buyer_id AND k.coordinator_id = c.coordinator_id);
UPDATE sr_contracts SET coordinator_id = NULL
WHERE coordinator_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM sr_coordinators k WHERE k.buyer_id = sr_contracts.buyer_id
                  AND k.coordinator_id = sr_contracts.coordinator_id);
