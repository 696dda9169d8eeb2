-- `units_cluster` (corporation_id, cluster_id) duplicated `units_by_cluster` (cluster_id): a complex belongs to one
-- corporation, so its id alone finds its units. One index less to keep up to date on every import.
DROP INDEX units_cluster;
