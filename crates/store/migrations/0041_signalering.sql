-- Signalering (issue 20, ADR 0043): rent-arrears signals under the Wet gemeentelijke schuldhulpverlening and soft
-- signals to partners. Every table holding personal data starts with `sg_` and is read only through the store's
-- `signalering` module, which writes each read to the audit log with its purpose; a job deletes rows when their
-- retention ends. Counts that outlive the persons are kept in `sg_facts`, without names, addresses or unit ids.

-- An organisation's settings. A municipality's: the days-late threshold it agreed with the landlords and its
-- retention periods for signals (months). A corporation's: how long a soft signal without consent, and a closed
-- referral, are kept. Absent means the defaults (30 days; 6, 12, 18 months; 3 and 12 months).
CREATE TABLE sg_settings (
    org_id BIGINT PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
    threshold_days BIGINT NOT NULL,
    not_picked_up_months BIGINT NOT NULL,
    closed_months BIGINT NOT NULL,
    follow_up_months BIGINT NOT NULL,
    soft_internal_months BIGINT NOT NULL,
    soft_closed_months BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- Each ledger a corporation brought in, with its counts. A ledger is decided when it comes in and sends nothing
-- until the user confirms what it will send (`sent_at`); only the latest sent ledger's households are kept, beside
-- a pending one.
CREATE TABLE sg_ledgers (
    id {{pk}},
    org_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    decided_on TEXT NOT NULL,
    sent_at BIGINT,
    file_name TEXT NOT NULL,
    households BIGINT NOT NULL,
    signalled BIGINT NOT NULL,
    resolved BIGINT NOT NULL,
    imported_by TEXT NOT NULL,
    imported_at BIGINT NOT NULL
);
CREATE INDEX sg_ledgers_org ON sg_ledgers(org_id, id);

-- The households of a corporation's latest ledger with the verdict on each (personal data of its own tenants).
-- `blocks` holds the codes of what stopped the signal, comma-separated; empty when it was signalled.
CREATE TABLE sg_households (
    id {{pk}},
    ledger_id BIGINT NOT NULL REFERENCES sg_ledgers(id) ON DELETE CASCADE,
    org_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    line BIGINT NOT NULL,
    contract TEXT NOT NULL,
    unit_id BIGINT NOT NULL REFERENCES units(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    phone TEXT,
    email TEXT,
    amount_cents BIGINT NOT NULL,
    arrears_since TEXT NOT NULL,
    reminder_on TEXT,
    offer_on TEXT,
    contact_on TEXT,
    contact_kind TEXT,
    contact_reached BIGINT NOT NULL,
    debt_help_pointed BIGINT NOT NULL,
    objection BIGINT NOT NULL,
    arrangement TEXT NOT NULL,
    blocks TEXT NOT NULL,
    signal_from TEXT
);
CREATE INDEX sg_households_ledger ON sg_households(org_id, ledger_id, line);
CREATE INDEX sg_households_contract ON sg_households(ledger_id, contract);

-- A municipality's buckets for incoming signals, in its order.
CREATE TABLE sg_buckets (
    id {{pk}},
    org_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    position BIGINT NOT NULL,
    min_amount_cents BIGINT,
    below_amount_cents BIGINT,
    min_months BIGINT,
    several_creditors BIGINT NOT NULL,
    action TEXT NOT NULL
);
CREATE INDEX sg_buckets_org ON sg_buckets(org_id, position);

-- A signal: only the fields the law lets travel (name and contact details, the address from the stock with its BAG
-- id, the amount and the day the arrears arose), the sender's contract as its reference, and what came of it.
-- `recipient_org_id` is the municipality organisation of the unit's gemeente; NULL when that gemeente is not on the
-- platform, and the sender delivers it by an export file (`exported_at`).
CREATE TABLE sg_signals (
    id {{pk}},
    sender_org_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    recipient_org_id BIGINT REFERENCES organisations(id) ON DELETE SET NULL,
    gemeente_code TEXT NOT NULL,
    contract TEXT NOT NULL,
    unit_id BIGINT REFERENCES units(id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    phone TEXT,
    email TEXT,
    street TEXT NOT NULL,
    house_number TEXT NOT NULL,
    postcode TEXT NOT NULL,
    woonplaats TEXT NOT NULL,
    bag_id TEXT,
    amount_cents BIGINT NOT NULL,
    arrears_since TEXT NOT NULL,
    sent_on TEXT NOT NULL,
    bucket_id BIGINT REFERENCES sg_buckets(id) ON DELETE SET NULL,
    bucket_by_hand BIGINT NOT NULL DEFAULT 0,
    outcome TEXT,
    outcome_on TEXT,
    closed_on TEXT,
    delete_on TEXT,
    exported_at BIGINT,
    collection_paused_on TEXT,
    collection_resumed_on TEXT
);
-- The inbox reads a municipality's open signals in id order, all of them or one bucket's.
CREATE INDEX sg_signals_inbox ON sg_signals(recipient_org_id, closed_on, bucket_id, id);
CREATE INDEX sg_signals_inbox_all ON sg_signals(recipient_org_id, closed_on, id);
CREATE INDEX sg_signals_sender ON sg_signals(sender_org_id, contract, closed_on);
CREATE INDEX sg_signals_address ON sg_signals(recipient_org_id, postcode, house_number);
CREATE INDEX sg_signals_delete ON sg_signals(delete_on);

-- The municipality's contact attempts on a signal.
CREATE TABLE sg_contacts (
    id {{pk}},
    signal_id BIGINT NOT NULL REFERENCES sg_signals(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    reached BIGINT NOT NULL,
    on_day TEXT NOT NULL,
    part_of_day TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at BIGINT NOT NULL
);
CREATE INDEX sg_contacts_signal ON sg_contacts(signal_id, on_day);

-- Counts that outlive a signal's retention: one row per signal, by month, place and result, without the person.
CREATE TABLE sg_facts (
    signal_id BIGINT PRIMARY KEY,
    sender_org_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    recipient_org_id BIGINT REFERENCES organisations(id) ON DELETE SET NULL,
    gemeente_code TEXT NOT NULL,
    buurt_code TEXT,
    cluster_id BIGINT REFERENCES clusters(id) ON DELETE SET NULL,
    sent_month TEXT NOT NULL,
    outcome_group TEXT,
    resolved_on TEXT,
    eviction TEXT,
    eviction_on TEXT
);
CREATE INDEX sg_facts_sender ON sg_facts(sender_org_id, sent_month);
CREATE INDEX sg_facts_recipient ON sg_facts(recipient_org_id, sent_month);

-- Soft signals: what staff noticed about a household, kept inside the corporation unless the tenant consented to a
-- referral to a partner organisation, which accepts or declines and reports back.
CREATE TABLE sg_soft (
    id {{pk}},
    org_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    unit_id BIGINT REFERENCES units(id) ON DELETE SET NULL,
    household TEXT NOT NULL,
    kind TEXT NOT NULL,
    note TEXT NOT NULL,
    consent_on TEXT,
    consent_by TEXT,
    state TEXT NOT NULL,
    partner_org_id BIGINT REFERENCES organisations(id) ON DELETE SET NULL,
    referred_on TEXT,
    answered_on TEXT,
    closed_on TEXT,
    report TEXT,
    recorded_by TEXT NOT NULL,
    recorded_on TEXT NOT NULL,
    delete_on TEXT
);
CREATE INDEX sg_soft_org ON sg_soft(org_id, state, id);
CREATE INDEX sg_soft_partner ON sg_soft(partner_org_id, state, id);
CREATE INDEX sg_soft_delete ON sg_soft(delete_on);
