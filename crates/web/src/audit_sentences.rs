//! Audit entries in plain sentences, for the dashboard's recent changes and the platform's audit log page: every
//! audit action the code writes has its sentence in both languages, with the names the store looked up
//! ([`volkshuis_store::audit::name_entries`]): "Anna de Vries importeerde 20 eenheden uit goed20.csv". An action
//! without one still reads as a sentence, never as a code; `tests/audit_sentences.rs` fails when the code writes an
//! action that is not in [`AUDITED`]. The texts live with the dashboard's (`i18n/*/dashboard.ftl`, `recent-*`), where
//! they were first written.

use crate::i18n::DashboardTexts;
use serde_json::Value;
use volkshuis_domain::access::Role;
use volkshuis_store::audit::Named;

/// Every `(action, entity)` pair the platform writes to the audit log, each with its own sentence below.
pub const AUDITED: &[(&str, &str)] = &[
    ("login", "session"),
    ("logout", "session"),
    ("switch_organisation", "session"),
    ("password_link_sent", "user"),
    ("set_password", "user"),
    ("create", "user"),
    ("update", "user"),
    ("update", "user_locale"),
    ("create", "membership"),
    ("update", "membership"),
    ("delete", "membership"),
    ("create", "organisation"),
    ("update", "organisation"),
    ("set_gemeenten", "organisation"),
    ("create", "invitation"),
    ("accept", "invitation"),
    ("decline", "invitation"),
    ("withdraw", "invitation"),
    ("create", "api_token"),
    ("revoke", "api_token"),
    ("import", "units"),
    ("fill_area_codes", "units"),
    ("import", "areas"),
    ("import", "vera_codes"),
    ("create", "atw_decree"),
    ("read_personal", "outbox_message"),
    ("admin_open", "overleg_case"),
    ("propose", "overleg_partner"),
    ("accept", "overleg_partner"),
    ("decline", "overleg_partner"),
    ("create", "overleg_meeting"),
    ("update", "overleg_minutes"),
    ("set", "overleg_budget"),
    ("add_line", "overleg_budget"),
    ("account", "overleg_budget"),
    ("create", "part_group"),
    ("update", "part_group"),
    ("criteria", "part_group"),
    ("end", "part_group"),
    ("recognise", "part_group"),
    ("withdraw_recognition", "part_group"),
    ("read_personal", "part_join_requests"),
    ("handle", "part_join_requests"),
    ("approve", "part_message"),
    ("reject", "part_message"),
    ("read_personal", "part_message_letters"),
    ("import", "tenant_contacts"),
    ("create", "sr_contract"),
    ("settle", "sr_contract"),
    ("remove_coordinator", "sr_contract"),
    ("create", "sr_table"),
    ("add_coordinator", "sr_coordinator"),
    ("report", "sr_contribution"),
    ("approved", "sr_contribution"),
    ("rejected", "sr_contribution"),
    ("mark_tenant", "sr_contribution"),
    ("revalue", "sr_contribution"),
    ("read_personal", "sr_tenant_marks"),
    ("read_personal", "sr_candidate_names"),
    ("purge_personal", "sr_candidate_names"),
    ("read_personal", "sr_evidence"),
    ("create", "calendar_feed"),
    ("regenerate", "calendar_feed"),
    ("revoke", "calendar_feed"),
    ("update", "notice_settings"),
    ("update", "overleg_meeting"),
    ("update", "public_contact"),
    ("open", "pa_cycle"),
    ("move", "pa_cycle"),
    ("sign", "pa_cycle"),
    ("signed", "pa_cycle"),
    ("send_bid", "pa_cycle"),
    ("add_commitment", "pa_cycle"),
    ("record_actual", "pa_cycle"),
    ("share_note", "pa_cycle"),
    ("add_item", "pa_cycle"),
    ("set_position", "pa_cycle"),
    ("save_draft", "pa_cycle"),
    ("open_dispute", "pa_cycle"),
    ("dispute_position", "pa_cycle"),
    ("plan_meeting", "pa_cycle"),
    ("mark_availability", "pa_cycle"),
    ("choose_slot", "pa_cycle"),
    ("meeting_agenda", "pa_cycle"),
    ("meeting_minutes", "pa_cycle"),
    ("update", "pa_edge_preferences"),
    ("save", "pa_bid"),
    ("add_activity", "pa_bid"),
    ("remove_activity", "pa_bid"),
    ("create", "pa_note"),
    ("add_document", "pa_cycle"),
    ("create", "pa_document"),
    ("addendum", "pa_cycle"),
    ("import", "sg_ledgers"),
    ("send", "sg_ledgers"),
    ("drop", "sg_ledgers"),
    ("update", "sg_settings"),
    ("create", "sg_buckets"),
    ("delete", "sg_buckets"),
    ("reorder", "sg_buckets"),
    ("contact", "sg_signals"),
    ("outcome", "sg_signals"),
    ("move", "sg_signals"),
    ("pause_collection", "sg_signals"),
    ("resume_collection", "sg_signals"),
    ("eviction", "sg_signals"),
    ("read_personal", "sg_households"),
    ("read_personal", "sg_signals"),
    ("read_personal", "sg_soft"),
    ("purge_personal", "sg_households"),
    ("purge_personal", "sg_signals"),
    ("purge_personal", "sg_soft"),
    ("purge_personal", "part_join_requests"),
    ("purge_personal", "nz_sales"),
    ("purge_personal", "outbox_message"),
    ("create", "sg_soft"),
    ("refer", "sg_soft"),
    ("add_referral_partner", "sg_referral_partner"),
    ("remove_referral_partner", "sg_referral_partner"),
    ("add_coach_partner", "nz_coach_partner"),
    ("remove_coach_partner", "nz_coach_partner"),
    ("partner_step", "sg_soft"),
    ("withdraw_consent", "sg_soft"),
    // Nazorg: sales, talks, the koopcoach, checks and buy-backs.
    ("create", "nz_sale"),
    ("assign_coach", "nz_sale"),
    ("talk", "nz_sale"),
    ("buyback", "nz_sale"),
    ("create", "nz_coach_log"),
    ("create", "nz_checklist"),
    ("check_done", "nz_check"),
    ("create", "nz_action"),
    ("action_done", "nz_action"),
    ("update", "nz_settings"),
    ("read_personal", "nz_sales"),
    ("read_personal", "nz_sale"),
    ("read_personal", "nz_checks"),
    // Nazorg: VvE register
    ("create", "nz_vve"),
    ("update", "nz_vve"),
    ("create", "nz_vve_vote"),
    // Initiatieven: initiatives, what the corporation lends and grants, budgets.
    ("create", "in_initiative"),
    ("update", "in_initiative"),
    ("stage", "in_initiative"),
    ("log", "in_initiative"),
    ("assign_coach", "in_initiative"),
    ("publish", "in_initiative"),
    ("withdraw", "in_initiative"),
    ("lend", "in_initiative"),
    ("agreement", "in_initiative"),
    ("grant", "in_initiative"),
    ("spend", "in_initiative"),
    ("outcome", "in_initiative"),
    ("photo", "in_initiative"),
    ("set", "in_budget"),
    // Initiatieven: the register of social enterprises
    ("create", "in_enterprise"),
    ("update", "in_enterprise"),
    ("create", "in_certificate"),
    // Initiatieven: buurtbudget rounds
    ("create", "in_round"),
    ("phase", "in_round"),
    ("issue_codes", "in_round"),
    ("read_personal", "in_round_letters"),
    ("vote", "in_round"),
    ("create", "in_round_project"),
    ("approve", "in_round_project"),
    ("reject", "in_round_project"),
    ("progress", "in_round_project"),
];

/// What a sentence is made of: the entry's action, kind of thing, actor and the names and details it carries.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Facts<'a> {
    /// The action code.
    pub action: &'a str,
    /// The kind of thing.
    pub entity: &'a str,
    /// The actor's name; `None` for the system.
    pub actor: Option<&'a str>,
    /// The name of what changed.
    pub subject: Option<&'a str>,
    /// A second name (organisation, other party, contract).
    pub party: Option<&'a str>,
    /// The entry's details.
    pub details: &'a Value,
    /// The actor acted on their own record: a membership made in the invitee's own name (an accepted invitation).
    pub own: bool,
}

impl<'a> Facts<'a> {
    /// The facts of a named audit entry.
    pub(crate) fn of(named: &'a Named) -> Self {
        Facts {
            action: &named.entry.action,
            entity: &named.entry.entity,
            actor: named.entry.actor_user_id.map(|_| named.actor.as_str()),
            subject: named.subject.as_deref(),
            party: named.party.as_deref(),
            details: &named.details,
            own: named.entry.actor_user_id.is_some_and(|id| {
                let user = named.entry.entity_id.as_deref().and_then(|e| e.split(':').next());
                user == Some(id.to_string().as_str())
            }),
        }
    }
}

fn number(details: &Value, key: &str) -> i64 {
    details.get(key).and_then(Value::as_i64).unwrap_or(0)
}

/// A text in the entry's details, as written (a meeting's title).
fn detail<'a>(details: &'a Value, key: &str) -> &'a str {
    details.get(key).and_then(Value::as_str).unwrap_or_default()
}

/// The time chosen for a meeting (in the entry's `after`): `30-11-2026 07:30–09:00`.
fn slot_when(details: &Value) -> String {
    let day: Vec<&str> = detail(details, "date").split('-').rev().collect();
    format!("{} {}–{}", day.join("-"), detail(details, "starts"), detail(details, "ends"))
}

/// The name of the phase a cycle moved to (in the entry's `after`).
fn phase_name(dt: &DashboardTexts, details: &Value) -> &'static str {
    use volkshuis_domain::afspraken::Phase;
    match details.get("phase").and_then(Value::as_str).and_then(Phase::parse) {
        Some(Phase::Kennisvergaring) => dt.pa_phase_kennisvergaring,
        Some(Phase::Bod) => dt.pa_phase_bod,
        Some(Phase::Onderhandeling) => dt.pa_phase_onderhandeling,
        Some(Phase::Ondertekening) => dt.pa_phase_ondertekening,
        Some(Phase::Monitoring) => dt.pa_phase_monitoring,
        Some(Phase::Geschil) => dt.pa_phase_geschil,
        None => dt.recent_unnamed,
    }
}

fn role_noun(dt: &DashboardTexts, details: &Value) -> &'static str {
    match details.get("role").and_then(Value::as_str).and_then(|r| Role::parse(r).ok()) {
        Some(Role::Admin) => dt.role_noun_admin,
        Some(Role::Staff) => dt.role_noun_staff,
        Some(Role::ReadOnly) => dt.role_noun_read_only,
        None => dt.recent_unnamed,
    }
}

/// The sentence for an audit entry: its own for every pair in [`AUDITED`], a general one for anything else.
pub(crate) fn sentence(dt: &DashboardTexts, f: &Facts<'_>) -> String {
    own_sentence(dt, f).unwrap_or_else(|| match f.subject {
        Some(subject) => dt.recent_unknown_named(f.actor.unwrap_or(dt.recent_system), subject),
        None => dt.recent_unknown(f.actor.unwrap_or(dt.recent_system)),
    })
}

/// The sentence of a known pair; `None` for a pair [`AUDITED`] does not list.
pub(crate) fn own_sentence(dt: &DashboardTexts, f: &Facts<'_>) -> Option<String> {
    let actor = f.actor.unwrap_or(dt.recent_system);
    let subject = f.subject.unwrap_or(dt.recent_unnamed);
    let party = f.party.unwrap_or(dt.recent_unnamed);
    let d = f.details;
    Some(match (f.action, f.entity) {
        ("login", "session") => dt.recent_login(actor),
        ("logout", "session") => dt.recent_logout(actor),
        ("switch_organisation", "session") => dt.recent_switch(actor, party),
        ("password_link_sent", "user") => dt.recent_password_link(actor, subject),
        // By its owner, on the account page or through a reset link (whose actor is labelled "password reset").
        ("set_password", "user") if f.own => dt.recent_set_own_password(subject),
        ("set_password", "user") => dt.recent_set_password(actor, subject),
        ("create", "user") => dt.recent_user_create(actor, subject),
        ("update", "user") => dt.recent_user_update(actor, subject),
        ("update", "user_locale") => dt.recent_user_locale(actor),
        // Accepting an invitation makes the membership in the invitee's own name ("Pieter voegde Pieter toe").
        ("create", "membership") if f.own => dt.recent_membership_joined(actor, party, role_noun(dt, d)),
        ("create", "membership") => dt.recent_membership_create(actor, party, role_noun(dt, d), subject),
        ("update", "membership") => dt.recent_membership_update(actor, party, role_noun(dt, d), subject),
        ("delete", "membership") => dt.recent_membership_delete(actor, party, subject),
        ("create", "organisation") => dt.recent_org_create(actor, subject),
        ("update", "organisation") => dt.recent_org_update(actor, subject),
        ("set_gemeenten", "organisation") => dt.recent_org_gemeenten(actor, subject),
        ("create", "invitation") => dt.recent_invitation_create(actor, party, role_noun(dt, d), subject),
        ("accept", "invitation") => dt.recent_invitation_accept(actor, party),
        ("decline", "invitation") => dt.recent_invitation_decline(actor, party),
        ("withdraw", "invitation") => dt.recent_invitation_withdraw(actor, party, subject),
        ("create", "api_token") => dt.recent_token_create(actor, subject),
        ("revoke", "api_token") => dt.recent_token_revoke(actor, subject),
        ("import", "units") => {
            let units = number(d, "new") + number(d, "changed") + number(d, "unchanged");
            match number(d, "rows_with_errors_skipped") {
                0 => dt.recent_units_import(actor, units, subject),
                skipped => dt.recent_units_import_skipped(actor, units, subject, skipped),
            }
        }
        ("fill_area_codes", "units") => {
            let most = number(d, "gemeente").max(number(d, "wijk")).max(number(d, "buurt"));
            dt.recent_area_codes(actor, most)
        }
        ("import", "areas") => dt.recent_areas_import(actor, number(d, "areas"), subject),
        ("import", "vera_codes") => dt.recent_vera_import(actor, number(d, "codes")),
        ("create", "atw_decree") => dt.recent_decree_create(actor, subject),
        ("read_personal", "outbox_message") => dt.recent_outbox_read(actor),
        ("admin_open", "overleg_case") => dt.recent_case_admin_open(actor, subject),
        ("propose", "overleg_partner") => dt.recent_partner_propose(actor, subject),
        ("accept", "overleg_partner") => dt.recent_partner_accept(actor, subject),
        ("decline", "overleg_partner") => dt.recent_partner_decline(actor, subject),
        ("create", "overleg_meeting") => dt.recent_meeting_create(actor, subject),
        ("update", "overleg_minutes") => dt.recent_minutes_update(actor, subject),
        ("set", "overleg_budget") => dt.recent_budget_set(actor, party, subject),
        ("add_line", "overleg_budget") => dt.recent_budget_line(actor, party, subject),
        ("account", "overleg_budget") => dt.recent_budget_account(actor, party, subject),
        ("create", "part_group") => dt.recent_group_create(actor, subject),
        ("update", "part_group") => dt.recent_group_update(actor, subject),
        ("criteria", "part_group") => dt.recent_group_criteria(actor, subject),
        ("end", "part_group") => dt.recent_group_end(actor, subject),
        ("recognise", "part_group") => dt.recent_group_recognise(actor, subject),
        ("withdraw_recognition", "part_group") => dt.recent_group_unrecognise(actor, subject),
        ("read_personal", "part_join_requests") => dt.recent_join_requests_read(actor, subject),
        ("handle", "part_join_requests") => dt.recent_join_request_handled(actor, subject),
        ("approve", "part_message") => dt.recent_message_approve(actor, subject),
        ("reject", "part_message") => dt.recent_message_reject(actor, subject),
        ("read_personal", "part_message_letters") => dt.recent_letters(actor, subject),
        ("import", "tenant_contacts") => dt.recent_contacts_import(actor, number(d, "rows")),
        ("create", "sr_contract") => dt.recent_contract_create(actor, subject),
        ("settle", "sr_contract") => dt.recent_contract_settle(actor, subject),
        ("remove_coordinator", "sr_contract") => dt.recent_contract_remove_coordinator(actor, subject),
        ("create", "sr_table") => dt.recent_table_create(actor, subject),
        ("add_coordinator", "sr_coordinator") => dt.recent_coordinator_add(actor, subject),
        ("report", "sr_contribution") => dt.recent_contribution_report(actor, subject),
        ("approved", "sr_contribution") => dt.recent_contribution_approve(actor, subject),
        ("rejected", "sr_contribution") => dt.recent_contribution_reject(actor, subject),
        ("mark_tenant", "sr_contribution") => dt.recent_contribution_tenant(actor, subject),
        ("revalue", "sr_contribution") => dt.recent_contribution_revalue(actor, subject),
        ("read_personal", "sr_tenant_marks") => dt.recent_tenant_marks_read(actor, subject),
        ("read_personal", "sr_candidate_names") => dt.recent_candidate_names_read(actor, subject),
        ("purge_personal", "sr_candidate_names") => dt.recent_candidate_names_purge(actor, subject),
        ("read_personal", "sr_evidence") => dt.recent_evidence_read(actor, subject, party),
        ("create", "calendar_feed") => dt.recent_calendar_create(actor),
        ("regenerate", "calendar_feed") => dt.recent_calendar_regenerate(actor),
        ("revoke", "calendar_feed") => dt.recent_calendar_revoke(actor),
        ("update", "notice_settings") => dt.recent_notice_settings(actor),
        ("update", "overleg_meeting") => dt.recent_meeting_update(actor, subject),
        ("update", "public_contact") => dt.recent_public_contact(actor, party),
        ("open", "pa_cycle") => dt.recent_pa_open(actor, subject),
        ("move", "pa_cycle") => dt.recent_pa_move(actor, subject, phase_name(dt, d)),
        ("sign", "pa_cycle") => dt.recent_pa_sign(actor, subject, party),
        ("signed", "pa_cycle") => dt.recent_pa_signed(actor, subject),
        ("send_bid", "pa_cycle") => dt.recent_pa_send_bid(actor, subject, party),
        ("add_commitment", "pa_cycle") => dt.recent_pa_commitment(actor, subject),
        ("record_actual", "pa_cycle") => dt.recent_pa_actual(actor, subject),
        ("share_note", "pa_cycle") => dt.recent_pa_share_note(actor, subject, party),
        ("add_item", "pa_cycle") => dt.recent_pa_agenda(actor, subject),
        ("set_position", "pa_cycle") => dt.recent_pa_position(actor, subject, party),
        ("save_draft", "pa_cycle") => dt.recent_pa_draft(actor, subject, number(d, "version")),
        ("open_dispute", "pa_cycle") => dt.recent_pa_dispute(actor, subject, party),
        ("dispute_position", "pa_cycle") => dt.recent_pa_dispute_position(actor, subject, party),
        ("plan_meeting", "pa_cycle") => dt.recent_pa_meeting_plan(actor, subject, detail(d, "title")),
        ("mark_availability", "pa_cycle") => dt.recent_pa_meeting_availability(actor, subject, detail(d, "title")),
        ("choose_slot", "pa_cycle") => dt.recent_pa_meeting_choose(actor, subject, detail(d, "title"), slot_when(d)),
        ("meeting_agenda", "pa_cycle") => dt.recent_pa_meeting_agenda(actor, subject, detail(d, "title")),
        ("meeting_minutes", "pa_cycle") => dt.recent_pa_meeting_minutes(actor, subject, detail(d, "title")),
        ("update", "pa_edge_preferences") => dt.recent_pa_edge_preferences(actor),
        ("save", "pa_bid") => dt.recent_pa_bid_save(actor, subject),
        ("add_activity", "pa_bid") => dt.recent_pa_bid_activity(actor, subject),
        ("remove_activity", "pa_bid") => dt.recent_pa_bid_activity_remove(actor, subject),
        ("create", "pa_note") => dt.recent_pa_note(actor, party, subject),
        ("add_document", "pa_cycle") => dt.recent_pa_document(actor, subject),
        ("create", "pa_document") => dt.recent_pa_own_document(actor, party, subject),
        ("addendum", "pa_cycle") => dt.recent_pa_addendum(actor, subject),
        // Signalering: never a person's name, only what was done and how many.
        ("import", "sg_ledgers") => dt.recent_sg_ledger(actor, number(d, "households"), number(d, "signalled")),
        ("send", "sg_ledgers") => dt.recent_sg_ledger_sent(actor, number(d, "signalled")),
        ("drop", "sg_ledgers") => dt.recent_sg_ledger_dropped(actor),
        ("update", "sg_settings") => dt.recent_sg_settings(actor),
        ("create", "sg_buckets") => dt.recent_sg_bucket_create(actor),
        ("delete", "sg_buckets") => dt.recent_sg_bucket_delete(actor),
        ("reorder", "sg_buckets") => dt.recent_sg_bucket_reorder(actor),
        ("contact", "sg_signals") => dt.recent_sg_contact(actor),
        ("outcome", "sg_signals") => dt.recent_sg_outcome(actor),
        ("move", "sg_signals") => dt.recent_sg_move(actor),
        ("pause_collection", "sg_signals") => dt.recent_sg_pause(actor),
        ("resume_collection", "sg_signals") => dt.recent_sg_resume(actor),
        ("eviction", "sg_signals") => dt.recent_sg_eviction(actor),
        ("read_personal", "sg_households") => dt.recent_sg_read_ledger(actor, number(d, "persons")),
        ("read_personal", "sg_signals") => dt.recent_sg_read_signals(actor, number(d, "persons")),
        ("read_personal", "sg_soft") => dt.recent_sg_read_soft(actor, number(d, "persons")),
        ("purge_personal", "sg_households") => dt.recent_sg_purge_households(actor, number(d, "deleted")),
        ("purge_personal", "sg_signals") => dt.recent_sg_purge_signals(actor, number(d, "deleted")),
        ("purge_personal", "sg_soft") => dt.recent_sg_purge_soft(actor, number(d, "deleted")),
        ("purge_personal", "part_join_requests") => dt.recent_join_requests_purge(actor, number(d, "deleted")),
        ("purge_personal", "nz_sales") => dt.recent_buyers_purge(actor, number(d, "buyers")),
        ("purge_personal", "outbox_message") => dt.recent_outbox_purge(actor, number(d, "deleted")),
        ("create", "sg_soft") => dt.recent_sg_soft_create(actor),
        ("refer", "sg_soft") => dt.recent_sg_soft_refer(actor),
        ("add_referral_partner", "sg_referral_partner") => dt.recent_sg_referral_partner_add(actor, subject),
        ("remove_referral_partner", "sg_referral_partner") => dt.recent_sg_referral_partner_remove(actor, subject),
        ("add_coach_partner", "nz_coach_partner") => dt.recent_nz_coach_partner_add(actor, subject),
        ("remove_coach_partner", "nz_coach_partner") => dt.recent_nz_coach_partner_remove(actor, subject),
        ("partner_step", "sg_soft") => dt.recent_sg_soft_answer(actor),
        ("withdraw_consent", "sg_soft") => dt.recent_sg_soft_withdraw(actor),
        // Nazorg: never a buyer's name, only what was done.
        ("create", "nz_sale") => dt.recent_nz_sale(actor),
        ("assign_coach", "nz_sale") => dt.recent_nz_coach(actor),
        ("talk", "nz_sale") => dt.recent_nz_talk(actor),
        ("buyback", "nz_sale") => dt.recent_nz_buyback(actor),
        ("create", "nz_coach_log") => dt.recent_nz_log(actor),
        ("create", "nz_checklist") => dt.recent_nz_checklist(actor, number(d, "version")),
        ("check_done", "nz_check") => dt.recent_nz_check(actor),
        ("create", "nz_action") => dt.recent_nz_action(actor),
        ("action_done", "nz_action") => dt.recent_nz_action_done(actor),
        ("update", "nz_settings") => dt.recent_nz_settings(actor),
        ("read_personal", "nz_sales" | "nz_sale" | "nz_checks") => dt.recent_nz_read(actor, number(d, "persons")),
        // Initiatieven.
        ("create", "in_initiative") => dt.recent_in_create(actor, detail(d, "title")),
        ("update", "in_initiative") => dt.recent_in_update(actor),
        ("stage", "in_initiative") => dt.recent_in_stage(actor),
        ("log", "in_initiative") => dt.recent_in_log(actor),
        ("assign_coach", "in_initiative") => dt.recent_in_coach(actor),
        ("publish", "in_initiative") => dt.recent_in_publish(actor),
        ("withdraw", "in_initiative") => dt.recent_in_withdraw(actor),
        ("lend", "in_initiative") => dt.recent_in_lend(actor),
        ("agreement", "in_initiative") => dt.recent_in_agreement(actor),
        ("grant", "in_initiative") => dt.recent_in_grant(actor),
        ("spend", "in_initiative") => dt.recent_in_spend(actor),
        ("outcome", "in_initiative") => dt.recent_in_outcome(actor),
        ("photo", "in_initiative") => dt.recent_in_photo(actor),
        ("set", "in_budget") => dt.recent_in_budget(actor),
        // Nazorg: VvE register (its texts in `vve.ftl`, beside the register's pages)
        ("create", "nz_vve") => vve_texts(dt).recent_vve_create(actor, vve_name(dt, f)),
        ("update", "nz_vve") => vve_texts(dt).recent_vve_update(actor, vve_name(dt, f)),
        ("create", "nz_vve_vote") => vve_texts(dt).recent_vve_vote(actor),
        // Initiatieven: the register of social enterprises (its texts in `ondernemingen.ftl`, beside its pages)
        ("create", "in_enterprise") => register_texts(dt).recent_enterprise_create(actor, enterprise_name(dt, f)),
        ("update", "in_enterprise") => register_texts(dt).recent_enterprise_update(actor, enterprise_name(dt, f)),
        ("create", "in_certificate") => register_texts(dt).recent_certificate_create(actor),
        // Initiatieven: buurtbudget (its texts in `buurtbudget.ftl`, beside the rounds' pages); a vote names no one.
        ("create", "in_round") => buurtbudget_texts(dt).recent_round_create(actor, detail(d, "title")),
        ("phase", "in_round") => {
            let bt = buurtbudget_texts(dt);
            bt.recent_round_phase(actor, round_phase(bt, d), detail(d, "title"))
        }
        ("issue_codes", "in_round") => {
            buurtbudget_texts(dt).recent_round_codes(actor, number(d, "households"), detail(d, "title"))
        }
        ("read_personal", "in_round_letters") => buurtbudget_texts(dt).recent_round_letters(actor, detail(d, "title")),
        // Cast with a code, without an account: the actor is Volkshuis itself.
        ("vote", "in_round") => buurtbudget_texts(dt).recent_round_vote(actor, detail(d, "title")),
        ("create", "in_round_project") => buurtbudget_texts(dt).recent_project_propose(actor, detail(d, "title")),
        ("approve", "in_round_project") => buurtbudget_texts(dt).recent_project_approve(actor, detail(d, "title")),
        ("reject", "in_round_project") => buurtbudget_texts(dt).recent_project_reject(actor, detail(d, "title")),
        ("progress", "in_round_project") => buurtbudget_texts(dt).recent_project_progress(actor, detail(d, "title")),
        _ => return None,
    })
}

/// The VvE register's texts in the language of `dt`.
fn vve_texts(dt: &DashboardTexts) -> &'static crate::i18n::VveTexts {
    use crate::i18n::Lang;
    let lang = [Lang::Nl, Lang::En].into_iter().find(|l| std::ptr::eq(DashboardTexts::of(*l), dt)).unwrap_or_default();
    crate::i18n::VveTexts::of(lang)
}

/// A VvE's name: as the store named it, else as the entry wrote it.
/// A VvE as a sentence names it: "VvE De Vlinderhof", or its name alone when that says VvE already (the sentence read
/// "de VvE VvE De Vlinderhof").
fn vve_name(dt: &DashboardTexts, f: &Facts<'_>) -> String {
    let name = f.subject.or(Some(detail(f.details, "name")).filter(|n| !n.is_empty())).unwrap_or(dt.recent_unnamed);
    let starts = |with: &str| name.get(..with.len()).is_some_and(|start| start.eq_ignore_ascii_case(with));
    let says_vve = starts("vve ") || starts("vereniging van eigenaars");
    if says_vve {
        name.to_owned()
    } else {
        format!("VvE {name}")
    }
}

/// The register of social enterprises' texts in the language of `dt`.
fn register_texts(dt: &DashboardTexts) -> &'static crate::i18n::OndernemingenTexts {
    use crate::i18n::Lang;
    let lang = [Lang::Nl, Lang::En].into_iter().find(|l| std::ptr::eq(DashboardTexts::of(*l), dt)).unwrap_or_default();
    crate::i18n::OndernemingenTexts::of(lang)
}

/// The buurtbudget's texts in the language of `dt`.
fn buurtbudget_texts(dt: &DashboardTexts) -> &'static crate::i18n::BuurtbudgetTexts {
    use crate::i18n::Lang;
    let lang = [Lang::Nl, Lang::En].into_iter().find(|l| std::ptr::eq(DashboardTexts::of(*l), dt)).unwrap_or_default();
    crate::i18n::BuurtbudgetTexts::of(lang)
}

/// The name of the phase a round moved to (in the entry's `after`).
fn round_phase(bt: &crate::i18n::BuurtbudgetTexts, details: &Value) -> &'static str {
    use volkshuis_store::initiatieven::rounds::Phase;
    Phase::parse(detail(details, "phase")).map_or(bt.phase_proposing, |p| bt.phase(p))
}

/// An enterprise's name: as the store named it, else as the entry wrote it.
fn enterprise_name<'a>(dt: &'a DashboardTexts, f: &Facts<'a>) -> &'a str {
    f.subject.or(Some(detail(f.details, "name")).filter(|n| !n.is_empty())).unwrap_or(dt.recent_unnamed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use serde_json::json;

    fn facts<'a>(action: &'a str, entity: &'a str, details: &'a Value) -> Facts<'a> {
        Facts {
            action,
            entity,
            actor: Some("Anna de Vries"),
            subject: Some("Iets"),
            party: Some("Woonstad"),
            details,
            own: false,
        }
    }

    #[test]
    fn an_import_reads_as_a_sentence_in_dutch_and_english() {
        let details = json!({ "rows": 20, "new": 20, "changed": 0, "unchanged": 0, "rows_with_errors_skipped": 0 });
        let f = Facts { subject: Some("goed20.csv"), ..facts("import", "units", &details) };
        assert_eq!(sentence(DashboardTexts::of(Lang::Nl), &f), "Anna de Vries importeerde 20 eenheden uit goed20.csv");
        assert_eq!(sentence(DashboardTexts::of(Lang::En), &f), "Anna de Vries imported 20 units from goed20.csv");
        let one = json!({ "new": 1, "rows_with_errors_skipped": 2 });
        let f = Facts { subject: Some("fout.csv"), ..facts("import", "units", &one) };
        assert_eq!(
            sentence(DashboardTexts::of(Lang::Nl), &f),
            "Anna de Vries importeerde 1 eenheid uit fout.csv en sloeg 2 regels met fouten over"
        );
    }

    #[test]
    fn a_vve_is_named_once() {
        let nothing = Value::Null;
        let said = |name| {
            sentence(DashboardTexts::of(Lang::Nl), &Facts { subject: name, ..facts("update", "nz_vve", &nothing) })
        };
        assert_eq!(said(Some("VvE De Vlinderhof")), "Anna de Vries werkte de gegevens van VvE De Vlinderhof bij");
        assert_eq!(said(Some("De Vlinderhof")), "Anna de Vries werkte de gegevens van VvE De Vlinderhof bij");
        let english = sentence(
            DashboardTexts::of(Lang::En),
            &Facts { subject: Some("vve Hof"), ..facts("create", "nz_vve", &nothing) },
        );
        assert_eq!(english, "Anna de Vries registered vve Hof");
    }

    #[test]
    fn names_and_roles_take_the_place_of_ids_and_codes() {
        let details = json!({ "role": "staff" });
        let f = Facts { subject: Some("Bram Jansen"), ..facts("create", "membership", &details) };
        assert_eq!(
            sentence(DashboardTexts::of(Lang::Nl), &f),
            "Anna de Vries voegde Bram Jansen toe aan Woonstad als medewerker"
        );
        assert_eq!(
            sentence(DashboardTexts::of(Lang::En), &f),
            "Anna de Vries added Bram Jansen to Woonstad as staff member"
        );
        // An invitation accepted: the membership is made in the invitee's own name.
        let joined = Facts { own: true, subject: Some("Anna de Vries"), ..facts("create", "membership", &details) };
        assert_eq!(
            sentence(DashboardTexts::of(Lang::Nl), &joined),
            "Anna de Vries werd lid van Woonstad als medewerker"
        );
        assert_eq!(sentence(DashboardTexts::of(Lang::En), &joined), "Anna de Vries joined Woonstad as staff member");
        // A password changed by its owner is not "reset".
        let own = Facts { own: true, subject: Some("Anna de Vries"), ..facts("set_password", "user", &details) };
        assert_eq!(sentence(DashboardTexts::of(Lang::Nl), &own), "Anna de Vries wijzigde het eigen wachtwoord");
        let nothing = Value::Null;
        let system =
            Facts { actor: None, subject: Some("Renovatie De Linde"), ..facts("revalue", "sr_contribution", &nothing) };
        assert_eq!(
            sentence(DashboardTexts::of(Lang::Nl), &system),
            "Volkshuis waardeerde een bijdrage voor “Renovatie De Linde” opnieuw naar de huidige regels"
        );
        let unnamed = Facts { subject: None, ..facts("end", "part_group", &nothing) };
        assert_eq!(
            sentence(DashboardTexts::of(Lang::Nl), &unnamed),
            "Anna de Vries beëindigde de groep (naam onbekend)"
        );
    }

    #[test]
    fn every_audited_action_has_its_own_sentence_without_codes_in_both_languages() {
        let details = json!({ "role": "admin", "rows": 3, "new": 3, "areas": 2, "codes": 5 });
        for (action, entity) in AUDITED {
            for lang in [Lang::Nl, Lang::En] {
                let dt = DashboardTexts::of(lang);
                let f = facts(action, entity, &details);
                let text = own_sentence(dt, &f).unwrap_or_else(|| panic!("no sentence for {action} {entity}"));
                assert!(text.starts_with("Anna de Vries "), "{action} {entity}: {text}");
                // Plain words such as "login" or "organisation" may occur; a code with an underscore may not.
                for code in [*action, *entity].into_iter().filter(|c| c.contains('_')) {
                    assert!(!text.contains(code), "{action} {entity} shows a code: {text}");
                }
                assert_ne!(text, sentence(dt, &Facts { action: "never", ..f.clone() }), "{action} {entity}");
            }
        }
        let mut pairs = AUDITED.to_vec();
        pairs.sort();
        pairs.dedup();
        assert_eq!(pairs.len(), AUDITED.len(), "a pair is listed twice");
    }

    #[test]
    fn a_buurtbudget_round_reads_as_sentences_and_a_vote_names_nobody() {
        let moved = json!({ "title": "Buurtbudget De Ark", "phase": "voting" });
        let f = facts("phase", "in_round", &moved);
        assert_eq!(
            sentence(DashboardTexts::of(Lang::Nl), &f),
            "Anna de Vries zette de buurtbudgetronde Buurtbudget De Ark in de fase Stemmen"
        );
        let codes = json!({ "title": "Buurtbudget De Ark", "households": 1 });
        let f = facts("issue_codes", "in_round", &codes);
        assert_eq!(
            sentence(DashboardTexts::of(Lang::En), &f),
            "Anna de Vries made voting codes for Buurtbudget De Ark (1 household)"
        );
        let vote = json!({ "title": "Buurtbudget De Ark", "via": "code" });
        let f = Facts { actor: None, ..facts("vote", "in_round", &vote) };
        assert_eq!(
            sentence(DashboardTexts::of(Lang::Nl), &f),
            "Volkshuis telde de stem van een huishouden in Buurtbudget De Ark"
        );
    }

    #[test]
    fn an_unknown_action_still_reads_as_a_sentence() {
        let nothing = Value::Null;
        let f = facts("frobnicate", "widget", &nothing);
        assert_eq!(own_sentence(DashboardTexts::of(Lang::Nl), &f), None);
        assert_eq!(sentence(DashboardTexts::of(Lang::Nl), &f), "Anna de Vries legde een wijziging vast aan Iets");
        let bare = Facts { subject: None, actor: None, ..f };
        assert_eq!(sentence(DashboardTexts::of(Lang::En), &bare), "Volkshuis recorded a change");
        assert!(!sentence(DashboardTexts::of(Lang::En), &bare).contains("frobnicate"));
    }
}
