-- The partner organisations whose staff a corporation may make a buyer's koopcoach (ADR 0071). A koopcoach reads the
-- buyer's name and contact details, so a corporation may assign only the staff of a partner its own administrators
-- put on this list, one at a time, each addition and removal audited; before, the staff of every partner
-- organisation on the platform was offered (another city's wijkteam, a Werkgeversservicepunt).
CREATE TABLE nz_coach_partners (
    corporation_id BIGINT NOT NULL REFERENCES organisations(id),
    partner_id BIGINT NOT NULL REFERENCES organisations(id),
    added_by TEXT NOT NULL,
    added_at BIGINT NOT NULL,
    PRIMARY KEY (corporation_id, partner_id)
);
CREATE INDEX nz_coach_partners_partner ON nz_coach_partners(partner_id);

-- Partners whose staff coach one of a corporation's buyers now stay on its list: it chose them before.
INSERT INTO nz_coach_partners (corporation_id, partner_id, added_by, added_at)
SELECT DISTINCT s.corporation_id, s.coach_org_id, 'migratie 65', 0
FROM nz_sales s JOIN organisations o ON o.id = s.coach_org_id
WHERE o.kind = 'partner';
