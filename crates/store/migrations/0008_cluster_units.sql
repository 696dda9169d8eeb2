-- A complex's units by the complex alone (the join from clusters does not know the corporation of the unit).
CREATE INDEX units_by_cluster ON units(cluster_id);
