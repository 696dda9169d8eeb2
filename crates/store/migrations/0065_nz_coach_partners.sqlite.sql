-- Each partner the migration put on a corporation's list is in its audit log, as an administrator's addition is.
INSERT INTO audit_log (at, actor_user_id, actor_label, org_id, action, entity, entity_id, before_json, after_json,
                       personal_data, request_id)
SELECT CAST(strftime('%s', 'now') AS INTEGER), NULL, 'migratie 65', r.corporation_id, 'add_coach_partner',
       'nz_coach_partner', CAST(r.partner_id AS TEXT), NULL, '{"partner":' || r.partner_id || '}', 0, NULL
FROM nz_coach_partners r WHERE r.added_by = 'migratie 65';
