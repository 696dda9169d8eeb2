-- Initiatieven (issue 22, ADR 0046): residents' initiatives the corporation helps to grow, what it lends them (space,
-- a liveability budget, zelfbeheer), their outcomes, neighbourhood budget rounds, and the register of social
-- enterprises that suppliers in Social return buy from.

-- An initiative, brought in by a user (on their own or for an organisation) to a corporation. `needs` holds the codes
-- of what it asks (ruimte, geld, toestemming, advies), comma-separated. The business plan's lines are JSON arrays of
-- [name, cents]. `published` says whether the public page shows its summary.
CREATE TABLE in_initiatives (
    id {{pk}},
    corporation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    place TEXT NOT NULL,
    buurt_code TEXT,
    who TEXT NOT NULL,
    needs TEXT NOT NULL,
    initiator_user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    initiator_org_id BIGINT REFERENCES organisations(id) ON DELETE SET NULL,
    stage TEXT NOT NULL,
    coach_user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    plan_income TEXT NOT NULL,
    plan_costs TEXT NOT NULL,
    risk_bearer TEXT NOT NULL,
    lessons TEXT,
    published BIGINT NOT NULL,
    public_summary TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX in_initiatives_corporation ON in_initiatives(corporation_id, stage);
CREATE INDEX in_initiatives_initiator ON in_initiatives(initiator_user_id);

-- The complexes an initiative concerns.
CREATE TABLE in_initiative_clusters (
    initiative_id BIGINT NOT NULL REFERENCES in_initiatives(id) ON DELETE CASCADE,
    cluster_id BIGINT NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
    PRIMARY KEY (initiative_id, cluster_id)
);

-- The coach's log: contacts, next steps, stage moves (kind: contact, stap, fase).
CREATE TABLE in_log (
    id {{pk}},
    initiative_id BIGINT NOT NULL REFERENCES in_initiatives(id) ON DELETE CASCADE,
    on_date TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    next_step TEXT,
    written_by TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX in_log_initiative ON in_log(initiative_id, id);

-- A unit of the corporation lent to an initiative, on these terms.
CREATE TABLE in_loans (
    id {{pk}},
    initiative_id BIGINT NOT NULL REFERENCES in_initiatives(id) ON DELETE CASCADE,
    unit_id BIGINT NOT NULL REFERENCES units(id) ON DELETE CASCADE,
    rent_cents BIGINT NOT NULL,
    discount_bp BIGINT NOT NULL,
    from_on TEXT NOT NULL,
    until_on TEXT,
    recorded_by TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX in_loans_initiative ON in_loans(initiative_id);
CREATE INDEX in_loans_unit ON in_loans(unit_id);

-- Agreements other than space and money: zelfbeheer (who maintains which common space, with which budget), a request
-- to form a wooncoöperatie, a permission or advice given.
CREATE TABLE in_agreements (
    id {{pk}},
    initiative_id BIGINT NOT NULL REFERENCES in_initiatives(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    who TEXT NOT NULL,
    budget_cents BIGINT,
    on_date TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX in_agreements_initiative ON in_agreements(initiative_id);

-- A liveability budget per year and area (a gemeente, wijk or buurt code, or a complex code), set by the corporation.
CREATE TABLE in_budgets (
    id {{pk}},
    corporation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    year BIGINT NOT NULL,
    area_code TEXT NOT NULL,
    name TEXT NOT NULL,
    amount_cents BIGINT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (corporation_id, year, area_code)
);

-- A grant from a budget to an initiative; an override past the budget is explicit and says why.
CREATE TABLE in_grants (
    id {{pk}},
    budget_id BIGINT NOT NULL REFERENCES in_budgets(id) ON DELETE CASCADE,
    initiative_id BIGINT NOT NULL REFERENCES in_initiatives(id) ON DELETE CASCADE,
    amount_cents BIGINT NOT NULL,
    granted_on TEXT NOT NULL,
    override_reason TEXT,
    recorded_by TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX in_grants_budget ON in_grants(budget_id);
CREATE INDEX in_grants_initiative ON in_grants(initiative_id);

-- What a grant was spent on, with its evidence (a receipt described, or an uploaded file's stored name).
CREATE TABLE in_spending (
    id {{pk}},
    grant_id BIGINT NOT NULL REFERENCES in_grants(id) ON DELETE CASCADE,
    on_date TEXT NOT NULL,
    amount_cents BIGINT NOT NULL,
    description TEXT NOT NULL,
    evidence TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX in_spending_grant ON in_spending(grant_id);

-- What an initiative brought, per year.
CREATE TABLE in_outcomes (
    id {{pk}},
    initiative_id BIGINT NOT NULL REFERENCES in_initiatives(id) ON DELETE CASCADE,
    year BIGINT NOT NULL,
    participants BIGINT NOT NULL,
    volunteers BIGINT NOT NULL,
    jobs BIGINT NOT NULL,
    visitors BIGINT NOT NULL,
    story TEXT,
    recorded_by TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (initiative_id, year)
);

-- A neighbourhood budget round for an area: residents propose, the corporation checks, residents vote (one ballot per
-- household, by account or by a personal code sent by letter), the results are published and followed.
CREATE TABLE in_rounds (
    id {{pk}},
    corporation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    area_code TEXT NOT NULL,
    budget_cents BIGINT NOT NULL,
    min_projects BIGINT NOT NULL,
    max_projects BIGINT NOT NULL,
    phase TEXT NOT NULL,
    ballots_cast BIGINT NOT NULL DEFAULT 0,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX in_rounds_corporation ON in_rounds(corporation_id);

CREATE TABLE in_round_projects (
    id {{pk}},
    round_id BIGINT NOT NULL REFERENCES in_rounds(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    cost_cents BIGINT NOT NULL,
    proposed_by TEXT NOT NULL,
    status TEXT NOT NULL,
    check_note TEXT,
    progress TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX in_round_projects_round ON in_round_projects(round_id);

-- One ballot per household (a unit of the area) per round. A household's letter code is stored as its SHA-256 only.
CREATE TABLE in_round_codes (
    round_id BIGINT NOT NULL REFERENCES in_rounds(id) ON DELETE CASCADE,
    unit_id BIGINT NOT NULL REFERENCES units(id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    PRIMARY KEY (round_id, unit_id),
    UNIQUE (round_id, code_hash)
);

-- The households that have voted: the primary key is what refuses a second ballot. The choices are kept only as counts
-- per project (`in_round_tallies`), so nobody reading the database sees how a household voted (the vote is secret,
-- also from the corporation that runs it).
CREATE TABLE in_round_voted (
    round_id BIGINT NOT NULL REFERENCES in_rounds(id) ON DELETE CASCADE,
    unit_id BIGINT NOT NULL REFERENCES units(id) ON DELETE CASCADE,
    PRIMARY KEY (round_id, unit_id)
);

-- The votes per project, as counts only: no ballot is stored, so no row (nor its order or time) can be matched to
-- the household row above; the number of ballots is `in_rounds.ballots_cast`.
CREATE TABLE in_round_tallies (
    round_id BIGINT NOT NULL REFERENCES in_rounds(id) ON DELETE CASCADE,
    project_id BIGINT NOT NULL REFERENCES in_round_projects(id) ON DELETE CASCADE,
    votes BIGINT NOT NULL,
    PRIMARY KEY (round_id, project_id)
);

-- The register of social enterprises (platform-wide: suppliers of any buyer buy from them).
CREATE TABLE in_enterprises (
    id {{pk}},
    name TEXT NOT NULL,
    kvk TEXT NOT NULL UNIQUE,
    activity TEXT NOT NULL,
    region TEXT NOT NULL,
    website TEXT,
    registered_by_org BIGINT REFERENCES organisations(id) ON DELETE SET NULL,
    updated_by TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- A certificate of an enterprise with its validity; its evidence file is in `in_certificate_files` (no register
-- offers a public API, so the certificate is entered with the document that proves it).
CREATE TABLE in_certificates (
    id {{pk}},
    enterprise_id BIGINT NOT NULL REFERENCES in_enterprises(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    level TEXT,
    valid_from TEXT NOT NULL,
    valid_until TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX in_certificates_enterprise ON in_certificates(enterprise_id, valid_until);

-- A social-return purchase may name the registered enterprise it was bought from (its certificate then checked at the
-- purchase date instead of typed).
ALTER TABLE sr_contributions ADD COLUMN enterprise_id BIGINT REFERENCES in_enterprises(id) ON DELETE SET NULL;
CREATE INDEX sr_contributions_enterprise ON sr_contributions(enterprise_id);
