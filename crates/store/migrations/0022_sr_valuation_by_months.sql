-- Social-return valuation by calendar months and within the contract period (issue 17, ADR 0026).
--
-- `valuation_version` says under which rules a contribution's value and lines were computed: 1 by days over 365
-- (before), 2 by calendar months, counting only the part inside the contract period. The values themselves are
-- recomputed by the re-valuation at start-up (`volkshuis serve`, `volkshuis migrate`), which needs the domain's rules
-- and so cannot be SQL; it takes every row still at version 1.
ALTER TABLE sr_contributions ADD COLUMN valuation_version BIGINT NOT NULL DEFAULT 1;
CREATE INDEX sr_contributions_valuation_version ON sr_contributions(valuation_version);

-- A contribution's value per calendar year (they add up to its value): the yearly figures split a placement across
-- the years it ran in, by its months, instead of booking it whole in its first year.
CREATE TABLE sr_contribution_years (
    contribution_id BIGINT NOT NULL REFERENCES sr_contributions(id) ON DELETE CASCADE,
    year BIGINT NOT NULL,
    value_cents BIGINT NOT NULL,
    PRIMARY KEY (contribution_id, year)
);

-- Every change of a stored contribution's value that was not a report or a decision (the re-valuation): the
-- contract's trail shows old value → new value and why.
CREATE TABLE sr_value_changes (
    id {{pk}},
    contract_id BIGINT NOT NULL REFERENCES sr_contracts(id) ON DELETE CASCADE,
    contribution_id BIGINT NOT NULL REFERENCES sr_contributions(id) ON DELETE CASCADE,
    old_cents BIGINT NOT NULL,
    new_cents BIGINT NOT NULL,
    reason TEXT NOT NULL,
    changed_at BIGINT NOT NULL
);
CREATE INDEX sr_value_changes_contract ON sr_value_changes(contract_id, id);
