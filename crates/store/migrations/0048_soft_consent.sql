-- Soft signals (ADR 0043, later section): the tenant's consent is written on the signal when it is referred, and can
-- be withdrawn. Referrals made before this migration carried the consent only in the referral's audit entry (the
-- referral was refused without it), so their consent day is the referral day; who recorded it stays in that entry.
ALTER TABLE sg_soft ADD COLUMN consent_withdrawn_on TEXT;
UPDATE sg_soft SET consent_on = referred_on WHERE referred_on IS NOT NULL AND consent_on IS NULL;
