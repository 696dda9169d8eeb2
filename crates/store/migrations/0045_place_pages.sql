-- One place per complex and buurt (issue 23, ADR 0048): a place's page reads each module's rows by complex or buurt,
-- where the modules themselves read them by organisation. These indexes let it do so without a scan.
CREATE INDEX overleg_case_clusters_code ON overleg_case_clusters(cluster_code);
-- Signals by place and who counts them (the sender, the receiving municipality), then month: with two equalities the
-- place's index is the better match than `sg_facts_sender (sender_org_id, sent_month)` even where the engine has no
-- statistics yet, and a complex's signals are not found by reading all of a national corporation's.
CREATE INDEX sg_facts_cluster ON sg_facts(cluster_id, sender_org_id, sent_month);
CREATE INDEX sg_facts_buurt_sender ON sg_facts(buurt_code, sender_org_id, sent_month);
CREATE INDEX sg_facts_buurt_recipient ON sg_facts(buurt_code, recipient_org_id, sent_month);
CREATE INDEX nz_vves_cluster ON nz_vves(cluster_id);
CREATE INDEX in_initiative_clusters_cluster ON in_initiative_clusters(cluster_id);
CREATE INDEX in_initiatives_buurt ON in_initiatives(buurt_code);
