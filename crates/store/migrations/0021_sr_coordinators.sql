-- The organisations a buyer works with as its social-return coordinator (ADR 0026). Only these can be named
-- coordinator on the buyer's contracts, and a coordinator reads candidate names and evidence files, so the list is
-- kept by the buyer's administrators, one organisation at a time, each addition audited.
CREATE TABLE sr_coordinators (
    buyer_id BIGINT NOT NULL REFERENCES organisations(id),
    coordinator_id BIGINT NOT NULL REFERENCES organisations(id),
    added_by TEXT NOT NULL,
    added_at BIGINT NOT NULL,
    PRIMARY KEY (buyer_id, coordinator_id)
);
CREATE INDEX sr_coordinators_coordinator ON sr_coordinators(coordinator_id);

-- Coordinators already named on a contract, of a kind that may coordinate (a partner such as a
-- Werkgeversservicepunt, or a municipality), become the buyer's coordinators: the buyer chose them before.
INSERT INTO sr_coordinators (buyer_id, coordinator_id, added_by, added_at)
SELECT DISTINCT c.buyer_id, c.coordinator_id, 'migratie 21', 0
FROM sr_contracts c JOIN organisations o ON o.id = c.coordinator_id
WHERE o.kind IN ('partner', 'municipality') AND c.coordinator_id <> c.buyer_id;
