-- Social return: buyers' valuation tables, contracts with an obligation, suppliers' contributions.
-- Tables and contributions keep their domain values as JSON (`body`): the rules read them whole, and the columns
-- beside them (value, status, year, target group) are what lists and dashboards filter and sum on.

-- One version of a buyer's valuation table; never changed once a contract uses it.
CREATE TABLE sr_tables (
    id {{pk}},
    buyer_id BIGINT NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    body TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX sr_tables_buyer ON sr_tables(buyer_id, valid_from);

-- A contract with its obligation; the approved and pending sums are kept with every decision, so portfolio pages
-- read one row per contract instead of summing a million contributions.
CREATE TABLE sr_contracts (
    id {{pk}},
    buyer_id BIGINT NOT NULL REFERENCES organisations(id),
    supplier_id BIGINT NOT NULL REFERENCES organisations(id),
    coordinator_id BIGINT REFERENCES organisations(id),
    title TEXT NOT NULL,
    value_cents BIGINT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    awarded_on TEXT NOT NULL,
    obligation TEXT NOT NULL,
    obligation_cents BIGINT NOT NULL,
    cadence TEXT NOT NULL,
    table_id BIGINT NOT NULL REFERENCES sr_tables(id),
    approved_cents BIGINT NOT NULL DEFAULT 0,
    pending_cents BIGINT NOT NULL DEFAULT 0,
    repair_until TEXT,
    did_all_it_could BIGINT NOT NULL DEFAULT 0,
    settlement_note TEXT,
    settled_on TEXT,
    names_purged BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);
CREATE INDEX sr_contracts_buyer ON sr_contracts(buyer_id, ends_on);
CREATE INDEX sr_contracts_supplier ON sr_contracts(supplier_id, ends_on);
CREATE INDEX sr_contracts_coordinator ON sr_contracts(coordinator_id);
CREATE INDEX sr_contracts_purge ON sr_contracts(names_purged, ends_on);

CREATE TABLE sr_contributions (
    id {{pk}},
    contract_id BIGINT NOT NULL REFERENCES sr_contracts(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    value_cents BIGINT NOT NULL,
    lines TEXT NOT NULL,
    target_group TEXT NOT NULL,
    year BIGINT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    reported_by TEXT NOT NULL,
    reported_at BIGINT NOT NULL,
    decided_by TEXT,
    decided_at BIGINT,
    tenant_cluster TEXT,
    tenant_consent_on TEXT
);
CREATE INDEX sr_contributions_contract ON sr_contributions(contract_id, id);

-- Personal data: a candidate's name, only if the supplier entered one. Read only by the supplier that entered it
-- and the coordinator, every read audited; deleted by a job a set time after the contract ends.
CREATE TABLE sr_candidate_names (
    contribution_id BIGINT PRIMARY KEY REFERENCES sr_contributions(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- Approved value and count per buyer × supplier × year × target group × kind, kept with every decision.
CREATE TABLE sr_totals (
    buyer_id BIGINT NOT NULL,
    supplier_id BIGINT NOT NULL,
    year BIGINT NOT NULL,
    target_group TEXT NOT NULL,
    kind TEXT NOT NULL,
    approved_cents BIGINT NOT NULL DEFAULT 0,
    approved_count BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (buyer_id, supplier_id, year, target_group, kind)
);

-- Approved placements of the buyer's own tenants per complex, kept with every approval and marking.
CREATE TABLE sr_tenant_totals (
    buyer_id BIGINT NOT NULL,
    cluster TEXT NOT NULL,
    jobs BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (buyer_id, cluster)
);
