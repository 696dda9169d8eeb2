UPDATE sg_soft SET delete_on = to_char(CAST(referred_on AS DATE) + INTERVAL '1 year', 'YYYY-MM-DD')
WHERE state = 'doorverwezen' AND delete_on IS NULL AND referred_on IS NOT NULL;
