-- The partner organisations a corporation refers soft signals to (ADR 0043, "referral partners"). A referral carries
-- a household's personal data, so a corporation may refer only to a partner its own administrators put on this list,
-- one at a time, each addition and removal audited; before, every partner organisation on the platform was offered
-- (a Werkgeversservicepunt, another city's wijkteam).
CREATE TABLE sg_referral_partners (
    corporation_id BIGINT NOT NULL REFERENCES organisations(id),
    partner_id BIGINT NOT NULL REFERENCES organisations(id),
    added_by TEXT NOT NULL,
    added_at BIGINT NOT NULL,
    PRIMARY KEY (corporation_id, partner_id)
);
CREATE INDEX sg_referral_partners_partner ON sg_referral_partners(partner_id);

-- Partners a corporation already referred to stay on its list: it chose them before.
INSERT INTO sg_referral_partners (corporation_id, partner_id, added_by, added_at)
SELECT DISTINCT s.org_id, s.partner_org_id, 'migratie 53', 0
FROM sg_soft s JOIN organisations o ON o.id = s.partner_org_id
WHERE o.kind = 'partner';
