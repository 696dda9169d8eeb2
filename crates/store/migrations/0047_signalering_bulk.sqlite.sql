-- SQLite cannot drop a reference: each table is made again without it, its rows copied, and its indexes built again
-- as migrations 41 and 45 made them.
CREATE TABLE sg_households_new (
    id INTEGER PRIMARY KEY,
    ledger_id BIGINT NOT NULL REFERENCES sg_ledgers(id) ON DELETE CASCADE,
    org_id BIGINT NOT NULL,
    line BIGINT NOT NULL,
    contract TEXT NOT NULL,
    unit_id BIGINT NOT NULL,
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
INSERT INTO sg_households_new SELECT id, ledger_id, org_id, line, contract, unit_id, name, phone, email, amount_cents,
    arrears_since, reminder_on, offer_on, contact_on, contact_kind, contact_reached, debt_help_pointed, objection,
    arrangement, blocks, signal_from FROM sg_households;
DROP TABLE sg_households;
ALTER TABLE sg_households_new RENAME TO sg_households;
CREATE INDEX sg_households_ledger ON sg_households(org_id, ledger_id, line);
CREATE INDEX sg_households_contract ON sg_households(ledger_id, contract);

CREATE TABLE sg_facts_new (
    signal_id BIGINT PRIMARY KEY,
    sender_org_id BIGINT NOT NULL,
    recipient_org_id BIGINT,
    gemeente_code TEXT NOT NULL,
    buurt_code TEXT,
    cluster_id BIGINT,
    sent_month TEXT NOT NULL,
    outcome_group TEXT,
    resolved_on TEXT,
    eviction TEXT,
    eviction_on TEXT
);
INSERT INTO sg_facts_new SELECT signal_id, sender_org_id, recipient_org_id, gemeente_code, buurt_code, cluster_id,
    sent_month, outcome_group, resolved_on, eviction, eviction_on FROM sg_facts;
DROP TABLE sg_facts;
ALTER TABLE sg_facts_new RENAME TO sg_facts;
CREATE INDEX sg_facts_sender ON sg_facts(sender_org_id, sent_month);
CREATE INDEX sg_facts_recipient ON sg_facts(recipient_org_id, sent_month);
CREATE INDEX sg_facts_cluster ON sg_facts(cluster_id, sender_org_id, sent_month);
CREATE INDEX sg_facts_buurt_sender ON sg_facts(buurt_code, sender_org_id, sent_month);
CREATE INDEX sg_facts_buurt_recipient ON sg_facts(buurt_code, recipient_org_id, sent_month);
