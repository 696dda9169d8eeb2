UPDATE sg_soft SET delete_on = CASE
        WHEN substr(referred_on, 6, 5) = '02-29' THEN date(referred_on, '-1 day', '+1 year')
        ELSE date(referred_on, '+1 year')
    END
WHERE state = 'doorverwezen' AND delete_on IS NULL AND referred_on IS NOT NULL;
