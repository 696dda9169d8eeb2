-- A complex's kind (VERA CLUSTERSOORT: VEX vastgoedexploitatie, OND onderhoud, MAR markt …), to filter the stock by.
ALTER TABLE clusters ADD COLUMN soort TEXT;
CREATE INDEX clusters_soort ON clusters(corporation_id, soort);
