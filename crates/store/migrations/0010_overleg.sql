-- Overleg: the Overlegwet between a corporation and its tenant organisations.
-- Calendar dates (receipt, answer, decision) are TEXT 'YYYY-MM-DD': legal terms count days, not instants, and ISO
-- dates sort and compare the same on both backends. Moments (created_at, trail) are unix seconds as elsewhere.

-- Which tenant organisations a corporation consults, with a longer advice term if they agreed one.
CREATE TABLE overleg_partners (
    corporation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    tenant_org_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    agreed_weeks BIGINT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (corporation_id, tenant_org_id)
);
CREATE INDEX overleg_partners_tenant ON overleg_partners(tenant_org_id);

-- One request with its answer and decision. `version` rises with every step, so two board members answering at
-- once cannot overwrite each other: a step names the version it saw.
CREATE TABLE overleg_cases (
    id {{pk}},
    corporation_id BIGINT NOT NULL REFERENCES organisations(id),
    tenant_org_id BIGINT NOT NULL REFERENCES organisations(id),
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    title TEXT NOT NULL,
    explanation TEXT NOT NULL,
    received_on TEXT NOT NULL,
    agreed_weeks BIGINT,
    stage TEXT NOT NULL,
    next_deadline TEXT,
    answer_kind TEXT,
    answer_text TEXT,
    answered_on TEXT,
    answered_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    decision TEXT,
    reply_text TEXT,
    decided_on TEXT,
    decided_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    version BIGINT NOT NULL DEFAULT 1,
    created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX overleg_cases_tenant ON overleg_cases(tenant_org_id, stage, next_deadline);
CREATE INDEX overleg_cases_corporation ON overleg_cases(corporation_id, stage, next_deadline);

-- The complexes a case concerns (by the corporation's complex code, which outlives a re-import).
CREATE TABLE overleg_case_clusters (
    case_id BIGINT NOT NULL REFERENCES overleg_cases(id) ON DELETE CASCADE,
    cluster_code TEXT NOT NULL,
    PRIMARY KEY (case_id, cluster_code)
);

-- The trail: every step with who and when. Append-only (triggers in the backend-specific part).
CREATE TABLE overleg_events (
    id {{pk}},
    case_id BIGINT NOT NULL,
    at BIGINT NOT NULL,
    org_id BIGINT NOT NULL,
    actor_user_id BIGINT,
    actor_label TEXT NOT NULL,
    step TEXT NOT NULL,
    note TEXT
);
CREATE INDEX overleg_events_case ON overleg_events(case_id, id);

-- Internal discussion: visible only to members of `org_id` (the tenant organisation's board, or the corporation).
CREATE TABLE overleg_comments (
    id {{pk}},
    case_id BIGINT NOT NULL REFERENCES overleg_cases(id) ON DELETE CASCADE,
    org_id BIGINT NOT NULL,
    author_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    author_name TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX overleg_comments_case ON overleg_comments(case_id, org_id, id);

-- The organisation's requests for more information (art. 3: answered as soon as possible).
CREATE TABLE overleg_questions (
    id {{pk}},
    case_id BIGINT NOT NULL REFERENCES overleg_cases(id) ON DELETE CASCADE,
    question TEXT NOT NULL,
    asked_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    asked_on TEXT NOT NULL,
    answer TEXT,
    answered_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    answered_on TEXT
);
CREATE INDEX overleg_questions_case ON overleg_questions(case_id, id);

-- Meetings of the year: at least one consultation meeting a year; both sides may add agenda items.
CREATE TABLE overleg_meetings (
    id {{pk}},
    corporation_id BIGINT NOT NULL REFERENCES organisations(id),
    tenant_org_id BIGINT NOT NULL REFERENCES organisations(id),
    held_on TEXT NOT NULL,
    title TEXT NOT NULL,
    minutes TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX overleg_meetings_pair ON overleg_meetings(corporation_id, tenant_org_id, held_on);

CREATE TABLE overleg_agenda_items (
    id {{pk}},
    meeting_id BIGINT NOT NULL REFERENCES overleg_meetings(id) ON DELETE CASCADE,
    org_id BIGINT NOT NULL,
    text TEXT NOT NULL,
    added_by TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- Art. 7: the yearly budget the corporation pays, what the organisation spent it on, and when it accounted for it.
CREATE TABLE overleg_budgets (
    id {{pk}},
    corporation_id BIGINT NOT NULL REFERENCES organisations(id),
    tenant_org_id BIGINT NOT NULL REFERENCES organisations(id),
    year BIGINT NOT NULL,
    amount_cents BIGINT NOT NULL,
    accounted_on TEXT,
    UNIQUE (corporation_id, tenant_org_id, year)
);

CREATE TABLE overleg_budget_lines (
    id {{pk}},
    budget_id BIGINT NOT NULL REFERENCES overleg_budgets(id) ON DELETE CASCADE,
    category TEXT NOT NULL,
    description TEXT NOT NULL,
    amount_cents BIGINT NOT NULL,
    spent_on TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- In-app reminders and notices, per user.
CREATE TABLE notifications (
    id {{pk}},
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    org_id BIGINT NOT NULL,
    text TEXT NOT NULL,
    link TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    read_at BIGINT
);
CREATE INDEX notifications_user ON notifications(user_id, read_at, id);
