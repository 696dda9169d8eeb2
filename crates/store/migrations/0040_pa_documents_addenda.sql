-- Prestatieafspraken, continued (issue 19, ADR 0041): the documents of a cycle (woonvisie or
-- volkshuisvestingsprogramma, market studies, a bid as a file) in a party's own space or the shared one, and the
-- addenda that change signed agreements mid-term, each keeping what it replaced. (Numbered 40 to stay clear of the
-- migrations written beside it in the same session; the order is what counts.)
CREATE TABLE pa_addenda (
    id {{pk}},
    cycle_id BIGINT NOT NULL REFERENCES pa_cycles(id) ON DELETE CASCADE,
    org_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    agreed_on TEXT NOT NULL,
    body TEXT NOT NULL,
    -- A changed target, when the addendum changes one: the commitment, the year, and the target before and after.
    commitment_id BIGINT REFERENCES pa_commitments(id) ON DELETE SET NULL,
    year BIGINT,
    old_target_x100 BIGINT,
    new_target_x100 BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX pa_addenda_cycle ON pa_addenda(cycle_id, id);
