-- Prestatieafspraken (issue 19, ADR 0041): the yearly cycle in which a municipality, the corporations with homes in
-- it and their tenant organisations agree on measurable commitments and follow them up. A cycle is named by the year
-- its agreements apply to (`first_year`); a multi-year agreement (kaderafspraken) runs to `last_year` and carries a
-- target per year (its jaarschijven). Figures are kept in hundredths (`*_x100`), exact on both engines.
CREATE TABLE pa_cycles (
    id {{pk}},
    gemeente_code TEXT NOT NULL,
    first_year BIGINT NOT NULL,
    last_year BIGINT NOT NULL,
    title TEXT NOT NULL,
    -- A phase code of volkshuis_domain::afspraken::Phase, and the day it began.
    phase TEXT NOT NULL,
    phase_since TEXT NOT NULL,
    -- The day the talks (onderhandeling) began: the dispute window counts from it.
    talks_started_on TEXT,
    -- The day the last party signed; the commitments are locked from then on.
    signed_on TEXT,
    opened_by BIGINT NOT NULL REFERENCES organisations(id),
    created_at BIGINT NOT NULL
);
CREATE INDEX pa_cycles_gemeente ON pa_cycles(gemeente_code, first_year);
-- The cycle's timeline reads its entries in the audit log by subject.
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id, id);

-- Who is a party. Every read of a cycle starts here: an organisation that is not a party sees nothing of it.
CREATE TABLE pa_parties (
    cycle_id BIGINT NOT NULL REFERENCES pa_cycles(id) ON DELETE CASCADE,
    org_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    signed_at BIGINT,
    signed_by_user BIGINT REFERENCES users(id) ON DELETE SET NULL,
    -- Who signed for the party, as typed on the confirmation (name and function).
    signed_by_name TEXT,
    PRIMARY KEY (cycle_id, org_id)
);
CREATE INDEX pa_parties_org ON pa_parties(org_id, cycle_id);

-- A corporation's bid (het bod): its text, the board's approval, and the day it was sent (then it is locked).
CREATE TABLE pa_bids (
    cycle_id BIGINT NOT NULL REFERENCES pa_cycles(id) ON DELETE CASCADE,
    corporation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    board_approved_on TEXT,
    sent_on TEXT,
    PRIMARY KEY (cycle_id, corporation_id)
);

-- The bid as a structured list: intended activities with a number per year.
CREATE TABLE pa_bid_activities (
    id {{pk}},
    cycle_id BIGINT NOT NULL REFERENCES pa_cycles(id) ON DELETE CASCADE,
    corporation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    theme TEXT NOT NULL,
    description TEXT NOT NULL,
    unit TEXT NOT NULL,
    year BIGINT NOT NULL,
    amount_x100 BIGINT NOT NULL
);
CREATE INDEX pa_bid_activities_cycle ON pa_bid_activities(cycle_id, corporation_id);

-- A commitment as an indicator. `owner_id` is the party that carries it (a municipality's or tenants' own
-- commitment is first-class); `computed` names what Volkshuis computes itself (ComputedSource), else actuals are
-- entered by hand with evidence.
CREATE TABLE pa_commitments (
    id {{pk}},
    cycle_id BIGINT NOT NULL REFERENCES pa_cycles(id) ON DELETE CASCADE,
    theme TEXT NOT NULL,
    body TEXT NOT NULL,
    unit TEXT NOT NULL,
    baseline_x100 BIGINT,
    owner_id BIGINT REFERENCES organisations(id) ON DELETE SET NULL,
    computed TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX pa_commitments_cycle ON pa_commitments(cycle_id);

CREATE TABLE pa_targets (
    commitment_id BIGINT NOT NULL REFERENCES pa_commitments(id) ON DELETE CASCADE,
    year BIGINT NOT NULL,
    target_x100 BIGINT NOT NULL,
    PRIMARY KEY (commitment_id, year)
);

-- Actuals per commitment and year; every entry is kept, the newest counts.
CREATE TABLE pa_actuals (
    id {{pk}},
    commitment_id BIGINT NOT NULL REFERENCES pa_commitments(id) ON DELETE CASCADE,
    year BIGINT NOT NULL,
    value_x100 BIGINT NOT NULL,
    source TEXT NOT NULL,
    evidence TEXT NOT NULL,
    org_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    entered_at BIGINT NOT NULL
);
CREATE INDEX pa_actuals_commitment ON pa_actuals(commitment_id, year, id);

-- Notes in a party's private space (`shared` = 0) or put in the shared space by their party (`shared` = 1):
-- knowledge items, negotiation items and the stakeholder analysis are kept apart by `kind`.
CREATE TABLE pa_notes (
    id {{pk}},
    cycle_id BIGINT NOT NULL REFERENCES pa_cycles(id) ON DELETE CASCADE,
    org_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    shared BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);
CREATE INDEX pa_notes_cycle ON pa_notes(cycle_id, org_id);

-- The negotiation's agenda and each party's position per item, with what its achterban said as evidence.
CREATE TABLE pa_agenda (
    id {{pk}},
    cycle_id BIGINT NOT NULL REFERENCES pa_cycles(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX pa_agenda_cycle ON pa_agenda(cycle_id);
CREATE TABLE pa_positions (
    item_id BIGINT NOT NULL REFERENCES pa_agenda(id) ON DELETE CASCADE,
    org_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    evidence TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (item_id, org_id)
);

-- The draft text, every version kept.
CREATE TABLE pa_drafts (
    cycle_id BIGINT NOT NULL REFERENCES pa_cycles(id) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    body TEXT NOT NULL,
    org_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (cycle_id, version)
);

-- A dispute file (geschil): opened by a party once six months of talks passed without agreement.
CREATE TABLE pa_disputes (
    cycle_id BIGINT PRIMARY KEY REFERENCES pa_cycles(id) ON DELETE CASCADE,
    opened_by BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    opened_on TEXT NOT NULL,
    point TEXT NOT NULL
);
CREATE TABLE pa_dispute_positions (
    cycle_id BIGINT NOT NULL REFERENCES pa_disputes(cycle_id) ON DELETE CASCADE,
    org_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    PRIMARY KEY (cycle_id, org_id)
);
