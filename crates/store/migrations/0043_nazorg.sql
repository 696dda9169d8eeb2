-- Nazorg (issue 21, ADR 0045): homes a corporation sold to their tenants, the talk before the sale, the koopcoach,
-- the checks after three and six years, owners' associations (VvE's) with the corporation among the owners, and
-- buy-backs. Buyer data (`nz_sales` buyer columns, talks, coach logs, checks, buy-backs) is personal: the store's
-- `nazorg` module reads it only for the corporation's staff and the assigned koopcoach, and logs every read.

-- A corporation's settings: the years after the sale at which a check falls due ("3,6").
CREATE TABLE nz_settings (
    corporation_id BIGINT PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
    check_years TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- The corporation's own checklist for the talk before a sale, one row per version (the newest is used; a talk keeps
-- the version it was held with).
CREATE TABLE nz_checklists (
    id {{pk}},
    corporation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    items TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (corporation_id, version)
);

-- A unit sold to its tenant. While `bought_back_on` is empty the unit is out of the rental stock (units.in_use = 0).
-- Ratios in basis points (10000 = 100%).
CREATE TABLE nz_sales (
    id {{pk}},
    corporation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    unit_id BIGINT NOT NULL REFERENCES units(id) ON DELETE CASCADE,
    sold_on TEXT NOT NULL,
    price_cents BIGINT NOT NULL,
    value_cents BIGINT NOT NULL,
    value_kind TEXT NOT NULL,
    sale_condition TEXT NOT NULL,
    discount_bp BIGINT,
    owner_share_bp BIGINT,
    buyer_name TEXT NOT NULL,
    buyer_email TEXT,
    buyer_phone TEXT,
    coach_org_id BIGINT REFERENCES organisations(id) ON DELETE SET NULL,
    coach_user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    bought_back_on TEXT,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX nz_sales_corporation ON nz_sales(corporation_id, sold_on);
-- A home has at most one open sale: a second sale of the same unit waits for its buy-back.
CREATE UNIQUE INDEX nz_sales_unit_open ON nz_sales(unit_id) WHERE bought_back_on IS NULL;
CREATE INDEX nz_sales_unit ON nz_sales(unit_id);
CREATE INDEX nz_sales_coach ON nz_sales(coach_user_id, coach_org_id);

-- The talk before the sale: the checklist version, the buyer's answer per item (JSON array of texts), the monthly
-- costs compared and the buyer's consent to aftercare (1 yes, 0 no; asked, never pre-set).
CREATE TABLE nz_talks (
    id {{pk}},
    sale_id BIGINT NOT NULL UNIQUE REFERENCES nz_sales(id) ON DELETE CASCADE,
    checklist_id BIGINT NOT NULL REFERENCES nz_checklists(id),
    held_on TEXT NOT NULL,
    owning_monthly_cents BIGINT NOT NULL,
    rent_monthly_cents BIGINT NOT NULL,
    answers TEXT NOT NULL,
    consent BIGINT NOT NULL,
    held_by TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- The koopcoach's short log per buyer.
CREATE TABLE nz_coach_log (
    id {{pk}},
    sale_id BIGINT NOT NULL REFERENCES nz_sales(id) ON DELETE CASCADE,
    on_date TEXT NOT NULL,
    contact TEXT NOT NULL,
    topic TEXT NOT NULL,
    follow_up TEXT,
    written_by TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX nz_coach_log_sale ON nz_coach_log(sale_id, on_date);

-- The checks after the sale, planned when the sale is recorded (one per configured year); done with its checklist.
CREATE TABLE nz_checks (
    id {{pk}},
    sale_id BIGINT NOT NULL REFERENCES nz_sales(id) ON DELETE CASCADE,
    years BIGINT NOT NULL,
    due_on TEXT NOT NULL,
    done_on TEXT,
    maintenance TEXT,
    payment_problems BIGINT,
    vve_participation TEXT,
    wish_to_sell_back BIGINT,
    notes TEXT,
    done_by TEXT,
    UNIQUE (sale_id, years)
);
CREATE INDEX nz_checks_due ON nz_checks(due_on);

-- Follow-up actions of a check: what, who, by when, done.
CREATE TABLE nz_actions (
    id {{pk}},
    check_id BIGINT NOT NULL REFERENCES nz_checks(id) ON DELETE CASCADE,
    description TEXT NOT NULL,
    owner TEXT NOT NULL,
    due_on TEXT NOT NULL,
    done_on TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX nz_actions_check ON nz_actions(check_id);

-- An owners' association in which the corporation owns homes, with the facts its health is judged on.
CREATE TABLE nz_vves (
    id {{pk}},
    corporation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    cluster_id BIGINT REFERENCES clusters(id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    kvk TEXT,
    votes_corporation BIGINT NOT NULL,
    votes_total BIGINT NOT NULL,
    is_manager BIGINT NOT NULL,
    rebuild_value_cents BIGINT,
    yearly_reserve_cents BIGINT,
    mjop_adopted_on TEXT,
    mjop_horizon_years BIGINT,
    mjop_yearly_cents BIGINT,
    last_meeting_on TEXT,
    minutes TEXT,
    conflict_disclosed_on TEXT,
    conflict_abstentions TEXT,
    updated_by TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX nz_vves_corporation ON nz_vves(corporation_id, name);

-- The corporation's votes in a VvE's meeting, each able to cite the advice its tenants' group gave in an Overleg case.
CREATE TABLE nz_vve_votes (
    id {{pk}},
    vve_id BIGINT NOT NULL REFERENCES nz_vves(id) ON DELETE CASCADE,
    meeting_on TEXT NOT NULL,
    subject TEXT NOT NULL,
    vote TEXT NOT NULL,
    cited_case_id BIGINT REFERENCES overleg_cases(id) ON DELETE SET NULL,
    note TEXT,
    recorded_by TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX nz_vve_votes_vve ON nz_vve_votes(vve_id, meeting_on);

-- A buy-back under the sale's conditions: the valuations, the improvements, a dispute, the price the domain rule
-- computed, and the day it was completed (the unit then returns to the rental stock).
CREATE TABLE nz_buybacks (
    id {{pk}},
    sale_id BIGINT NOT NULL UNIQUE REFERENCES nz_sales(id) ON DELETE CASCADE,
    requested_on TEXT NOT NULL,
    value_now_cents BIGINT NOT NULL,
    improvements_cents BIGINT NOT NULL,
    valuation_note TEXT,
    dispute TEXT,
    price_cents BIGINT NOT NULL,
    completed_on TEXT,
    recorded_by TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
