ALTER TABLE sg_households DROP CONSTRAINT sg_households_org_id_fkey;
ALTER TABLE sg_households DROP CONSTRAINT sg_households_unit_id_fkey;
ALTER TABLE sg_facts DROP CONSTRAINT sg_facts_sender_org_id_fkey;
ALTER TABLE sg_facts DROP CONSTRAINT sg_facts_recipient_org_id_fkey;
ALTER TABLE sg_facts DROP CONSTRAINT sg_facts_cluster_id_fkey;
