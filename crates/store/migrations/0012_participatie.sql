-- Participatiekaart: participation groups in a corporation's stock, the areas they speak for, their activities,
-- coverage per unit, join requests from tenants (personal data) and the yearly diagnosis.

CREATE TABLE part_groups (
    id {{pk}},
    corporation_id BIGINT NOT NULL REFERENCES organisations(id),
    -- The organisation that keeps this group in Volkshuis: the corporation or one of its tenant organisations.
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    parent_id BIGINT REFERENCES part_groups(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    -- 'complexes' or 'buurten' (codes in part_group_areas) or 'all' (every unit of the corporation).
    area_kind TEXT NOT NULL,
    contact_role TEXT NOT NULL,
    approx_size BIGINT,
    channels TEXT NOT NULL,
    description TEXT NOT NULL,
    join_info TEXT NOT NULL,
    started_on TEXT,
    ended_on TEXT,
    criteria TEXT NOT NULL,
    -- The coverage this group gives (0 none, 1 informal, 2 recognised formal body), kept with every change.
    level BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX part_groups_corporation ON part_groups(corporation_id, area_kind);
CREATE INDEX part_groups_org ON part_groups(org_id);

CREATE TABLE part_group_areas (
    group_id BIGINT NOT NULL REFERENCES part_groups(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    PRIMARY KEY (group_id, code)
);
CREATE INDEX part_group_areas_code ON part_group_areas(code);

CREATE TABLE part_activities (
    id {{pk}},
    group_id BIGINT NOT NULL REFERENCES part_groups(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    held_on TEXT NOT NULL,
    topic TEXT NOT NULL,
    participants BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX part_activities_group ON part_activities(group_id, held_on);

-- Coverage cells: the units of a corporation grouped by complex and area (a few per complex, so a national stock of
-- millions of units is tens of thousands of cells), with their mean position and the best coverage level. Rebuilt
-- from the stock after an import; only the levels are recomputed when a group changes.
CREATE TABLE part_cells (
    corporation_id BIGINT NOT NULL,
    cluster_code TEXT NOT NULL,
    cluster_name TEXT,
    buurt_code TEXT NOT NULL,
    wijk_code TEXT NOT NULL,
    gemeente_code TEXT NOT NULL,
    units BIGINT NOT NULL,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    level BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (corporation_id, cluster_code, buurt_code, wijk_code, gemeente_code)
);
CREATE INDEX part_cells_buurt ON part_cells(corporation_id, buurt_code);

-- A tenant's request to join or contact a group, given with explicit consent. Personal data: only the members of
-- the group's organisation read it, every read audited.
CREATE TABLE part_join_requests (
    id {{pk}},
    group_id BIGINT NOT NULL REFERENCES part_groups(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    contact TEXT NOT NULL,
    message TEXT NOT NULL,
    address TEXT NOT NULL,
    consent_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX part_join_requests_group ON part_join_requests(group_id, id);

-- The yearly diagnosis: each party's answers (scores per question, and per golden rule with a remark), as JSON.
CREATE TABLE part_diagnoses (
    id {{pk}},
    corporation_id BIGINT NOT NULL REFERENCES organisations(id),
    tenant_org_id BIGINT NOT NULL REFERENCES organisations(id),
    year BIGINT NOT NULL,
    party TEXT NOT NULL,
    answers TEXT NOT NULL,
    submitted_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (corporation_id, tenant_org_id, year, party)
);

-- Tenants' contact data, imported by the corporation (a file apart from the stock file). Personal data: used only to
-- send a group's approved message; never shown to the group.
CREATE TABLE tenant_contacts (
    unit_id BIGINT PRIMARY KEY REFERENCES units(id) ON DELETE CASCADE,
    corporation_id BIGINT NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    email TEXT,
    imported_at BIGINT NOT NULL
);
CREATE INDEX tenant_contacts_corporation ON tenant_contacts(corporation_id);

-- A group's message to the tenants of its area: approved by the corporation, then mailed or put on the letter list.
CREATE TABLE part_messages (
    id {{pk}},
    group_id BIGINT NOT NULL REFERENCES part_groups(id) ON DELETE CASCADE,
    corporation_id BIGINT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    written_by TEXT NOT NULL,
    written_at BIGINT NOT NULL,
    decided_by TEXT,
    decided_at BIGINT,
    emailed BIGINT NOT NULL DEFAULT 0,
    letters BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX part_messages_corporation ON part_messages(corporation_id, status);
CREATE INDEX part_messages_group ON part_messages(group_id, id);
