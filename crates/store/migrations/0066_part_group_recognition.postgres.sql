-- Groups recognised before keep it, as recognised on the day of the migration: they counted so, and the
-- corporation can withdraw it. Each is in the audit log.
UPDATE part_groups SET recognised_on = to_char(current_date, 'YYYY-MM-DD'), recognised_by = 'migratie 66' WHERE level = 2;
INSERT INTO audit_log (at, actor_user_id, actor_label, org_id, action, entity, entity_id, before_json, after_json,
                       personal_data, request_id)
SELECT CAST(EXTRACT(EPOCH FROM now()) AS BIGINT), NULL, 'migratie 66', g.corporation_id, 'recognise', 'part_group',
       CAST(g.id AS TEXT), NULL, '{"recognised":true}', 0, NULL
FROM part_groups g WHERE g.recognised_by = 'migratie 66';
