-- A buyer's personal data is deleted a set time after the aftercare ends (ADR 0066): the day it was, so the sale's page
-- can say so and the hourly purge passes over the sale from then on.
ALTER TABLE nz_sales ADD COLUMN buyer_deleted_on TEXT;
