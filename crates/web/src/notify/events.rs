//! What the other side did, as one type: every step of Overleg and Social return that the other party hears of,
//! with who took it. A [`Step`] knows the organisations it concerns, the page on which each of them sees it and its
//! line in each language; [`super::tell`] delivers an [`Event`] to the members of every party but the actor's.
//!
//! Internal comments on a case are not steps: the other party never sees them. Neither is a spending line on a
//! budget (its accounting is) or the buyer marking a placement as its own tenant (the buyer's own bookkeeping).

use crate::auth::Auth;
use crate::i18n::{Lang, NotifyTexts};
use crate::views::show_date;
use time::Date;
use volkshuis_domain::money::Money;
use volkshuis_domain::overleg::{AnswerKind, Deadline, Decision, RequestKind};
use volkshuis_store::overleg::{Budget, Case, Meeting};
use volkshuis_store::socialreturn::Contract;

/// Who took a step: the user (never told of their own step) and the organisation they acted for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ActedBy {
    /// The user.
    pub user_id: i64,
    /// The user's name, for the mail's "by" line.
    pub name: String,
    /// The organisation the user acted for (the one in the path).
    pub org_id: i64,
}

/// A step with who took it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Event {
    /// Who took it.
    pub by: ActedBy,
    /// What was done, where.
    pub step: Step,
}

impl Event {
    /// The signed-in user took `step` for organisation `org_id`.
    pub fn new(auth: &Auth, org_id: i64, step: Step) -> Self {
        Self { by: ActedBy { user_id: auth.user.id, name: auth.user.name.clone(), org_id }, step }
    }

    /// An API token of organisation `org_id` took `step` (no user: every member the step concerns is told).
    pub fn by_token(org_id: i64, step: Step) -> Self {
        Self { by: ActedBy { user_id: 0, name: "API".to_owned(), org_id }, step }
    }

    /// The organisations to tell: every party to the step but the one that took it.
    pub fn recipients(&self) -> Vec<i64> {
        let mut others: Vec<i64> = self.step.parties().into_iter().filter(|org| *org != self.by.org_id).collect();
        others.dedup();
        others
    }
}

/// An Overleg case as a notice names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CaseRef {
    /// The case.
    pub id: i64,
    /// Its title.
    pub title: String,
    /// Its kind (information, advice, consent, view).
    pub kind: RequestKind,
    /// The corporation.
    pub corporation_id: i64,
    /// The tenant organisation.
    pub tenant_org_id: i64,
}

impl From<&Case> for CaseRef {
    fn from(case: &Case) -> Self {
        Self {
            id: case.id,
            title: case.title.clone(),
            kind: case.kind,
            corporation_id: case.corporation_id,
            tenant_org_id: case.tenant_org_id,
        }
    }
}

/// A consultation meeting as a notice names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MeetingRef {
    /// The meeting.
    pub id: i64,
    /// Its title.
    pub title: String,
    /// Its day.
    pub held_on: Date,
    /// The corporation.
    pub corporation_id: i64,
    /// The tenant organisation.
    pub tenant_org_id: i64,
}

impl From<&Meeting> for MeetingRef {
    fn from(meeting: &Meeting) -> Self {
        Self {
            id: meeting.id,
            title: meeting.title.clone(),
            held_on: meeting.held_on,
            corporation_id: meeting.corporation_id,
            tenant_org_id: meeting.tenant_org_id,
        }
    }
}

/// A year's budget between a corporation and a tenant organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BudgetRef {
    /// The corporation.
    pub corporation_id: i64,
    /// The tenant organisation.
    pub tenant_org_id: i64,
    /// The year.
    pub year: i32,
    /// The amount.
    pub amount: Money,
}

impl From<&Budget> for BudgetRef {
    fn from(budget: &Budget) -> Self {
        Self {
            corporation_id: budget.corporation_id,
            tenant_org_id: budget.tenant_org_id,
            year: budget.year,
            amount: budget.amount,
        }
    }
}

/// A corporation and a tenant organisation: a proposed or answered Overleg partnership.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pair {
    /// The corporation.
    pub corporation_id: i64,
    /// The tenant organisation.
    pub tenant_org_id: i64,
}

/// A social-return contract as a notice names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ContractRef {
    /// The contract.
    pub id: i64,
    /// Its title.
    pub title: String,
    /// The buyer.
    pub buyer_id: i64,
    /// The supplier.
    pub supplier_id: i64,
    /// The coordinator, if one is named.
    pub coordinator_id: Option<i64>,
}

impl From<&Contract> for ContractRef {
    fn from(contract: &Contract) -> Self {
        Self {
            id: contract.id,
            title: contract.title.clone(),
            buyer_id: contract.buyer_id,
            supplier_id: contract.supplier_id,
            coordinator_id: contract.coordinator_id,
        }
    }
}

/// A step one party takes that the other party hears of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Step {
    /// Overleg: the corporation sent a request (with the answer deadline, when the request asks for an answer).
    RequestSent { case: CaseRef, deadline: Option<Deadline> },
    /// Overleg: the tenant organisation answered (advice, consent, a view…).
    Answered { case: CaseRef, answer: AnswerKind },
    /// Overleg: the tenant organisation withdrew its answer within the correction window, to send a better one.
    AnswerWithdrawn(CaseRef),
    /// Overleg: the tenant organisation asked the corporation a question about a case.
    QuestionAsked(CaseRef),
    /// Overleg: the corporation answered a question.
    QuestionAnswered(CaseRef),
    /// Overleg: the corporation decided on the advice.
    Decided { case: CaseRef, decision: Decision },
    /// Overleg: the corporation planned a consultation meeting.
    MeetingPlanned(MeetingRef),
    /// Overleg: the corporation set or changed a meeting's hours and place.
    MeetingReplanned(MeetingRef),
    /// Overleg: a party put an item on a meeting's agenda.
    AgendaItemAdded(MeetingRef),
    /// Overleg: a party recorded a meeting's minutes.
    MinutesRecorded(MeetingRef),
    /// Overleg: the corporation set a year's budget.
    BudgetSet(BudgetRef),
    /// Overleg: the tenant organisation accounted for a year's budget.
    BudgetAccounted(BudgetRef),
    /// Overleg: a corporation proposed a partnership.
    PartnershipProposed(Pair),
    /// Overleg: the tenant organisation accepted the proposal.
    PartnershipAccepted(Pair),
    /// Overleg: the tenant organisation declined the proposal.
    PartnershipDeclined(Pair),
    /// Social return: the buyer registered a contract (the supplier and coordinator hear of it).
    ContractRegistered(ContractRef),
    /// Social return: the supplier reported a contribution.
    ContributionReported(ContractRef),
    /// Social return: the buyer approved a contribution.
    ContributionApproved(ContractRef),
    /// Social return: the buyer rejected a contribution (with a reason, on the contract's page).
    ContributionRejected(ContractRef),
    /// Social return: the buyer recorded the settlement (repair period, withholding) of a contract.
    SettlementRecorded(ContractRef),
    /// Social return: a buyer put an organisation on its list of coordinators.
    CoordinatorAdded { buyer_id: i64, coordinator_id: i64 },
    /// Prestatieafspraken: a step of a cycle that every other party hears of.
    Cycle { cycle: CycleNote, what: CycleStep },
    /// Signalering: a landlord's ledger sent signals to this municipality. The notice says only that signals wait.
    SignalsWaiting { recipient: i64 },
    /// Signalering: the municipality recorded a result on a signal of this landlord.
    SignalAnswered { sender: i64 },
    /// Signalering: a corporation referred a soft signal to this partner.
    ReferralMade { partner: i64 },
    /// Signalering: the partner answered a referral of this corporation.
    ReferralAnswered { corporation: i64 },
    /// Signalering: the tenant withdrew the consent to a referral made to this partner.
    ConsentWithdrawn { partner: i64 },
    /// Signalering: a corporation put this partner on its list of referral partners (`listed`), or took it off.
    ReferralPartnerListed { partner: i64, listed: bool },
}

/// A prestatieafspraken cycle as a notice names it, with its parties.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CycleNote {
    pub id: i64,
    pub title: String,
    pub parties: Vec<i64>,
}

/// What happened in a cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CycleStep {
    /// It was opened, with the recipient as a party.
    Opened,
    /// The lead moved it to a phase.
    PhaseMoved(volkshuis_domain::afspraken::Phase),
    /// A corporation sent its bid.
    BidSent,
    /// A party signed.
    Signed,
    /// A party opened a dispute file.
    DisputeOpened,
    /// The lead recorded an addendum to the signed agreements.
    Addendum,
}

impl Step {
    /// The step's name, for the log.
    pub fn name(&self) -> &'static str {
        match self {
            Self::RequestSent { .. } => "request_sent",
            Self::Answered { .. } => "answered",
            Self::AnswerWithdrawn(_) => "answer_withdrawn",
            Self::QuestionAsked(_) => "question_asked",
            Self::QuestionAnswered(_) => "question_answered",
            Self::Decided { .. } => "decided",
            Self::MeetingPlanned(_) => "meeting_planned",
            Self::MeetingReplanned(_) => "meeting_replanned",
            Self::AgendaItemAdded(_) => "agenda_item_added",
            Self::MinutesRecorded(_) => "minutes_recorded",
            Self::BudgetSet(_) => "budget_set",
            Self::BudgetAccounted(_) => "budget_accounted",
            Self::PartnershipProposed(_) => "partnership_proposed",
            Self::PartnershipAccepted(_) => "partnership_accepted",
            Self::PartnershipDeclined(_) => "partnership_declined",
            Self::ContractRegistered(_) => "contract_registered",
            Self::ContributionReported(_) => "contribution_reported",
            Self::ContributionApproved(_) => "contribution_approved",
            Self::ContributionRejected(_) => "contribution_rejected",
            Self::SettlementRecorded(_) => "settlement_recorded",
            Self::CoordinatorAdded { .. } => "coordinator_added",
            Self::Cycle { what, .. } => match what {
                CycleStep::Opened => "cycle_opened",
                CycleStep::PhaseMoved(_) => "cycle_phase_moved",
                CycleStep::BidSent => "cycle_bid_sent",
                CycleStep::Signed => "cycle_signed",
                CycleStep::DisputeOpened => "cycle_dispute_opened",
                CycleStep::Addendum => "cycle_addendum",
            },
            Self::SignalsWaiting { .. } => "signals_waiting",
            Self::SignalAnswered { .. } => "signal_answered",
            Self::ReferralMade { .. } => "referral_made",
            Self::ReferralAnswered { .. } => "referral_answered",
            Self::ConsentWithdrawn { .. } => "consent_withdrawn",
            Self::ReferralPartnerListed { listed: true, .. } => "referral_partner_listed",
            Self::ReferralPartnerListed { listed: false, .. } => "referral_partner_unlisted",
        }
    }

    /// The organisations the step concerns: the two parties of a case, meeting, budget or partnership; the buyer,
    /// supplier and coordinator of a contract. These are exactly the organisations whose pages show the item.
    pub fn parties(&self) -> Vec<i64> {
        match self {
            Self::RequestSent { case, .. }
            | Self::Answered { case, .. }
            | Self::Decided { case, .. }
            | Self::AnswerWithdrawn(case)
            | Self::QuestionAsked(case)
            | Self::QuestionAnswered(case) => vec![case.corporation_id, case.tenant_org_id],
            Self::MeetingPlanned(m)
            | Self::MeetingReplanned(m)
            | Self::AgendaItemAdded(m)
            | Self::MinutesRecorded(m) => {
                vec![m.corporation_id, m.tenant_org_id]
            }
            Self::BudgetSet(b) | Self::BudgetAccounted(b) => vec![b.corporation_id, b.tenant_org_id],
            Self::PartnershipProposed(p) | Self::PartnershipAccepted(p) | Self::PartnershipDeclined(p) => {
                vec![p.corporation_id, p.tenant_org_id]
            }
            Self::ContractRegistered(c)
            | Self::ContributionReported(c)
            | Self::ContributionApproved(c)
            | Self::ContributionRejected(c)
            | Self::SettlementRecorded(c) => {
                let mut parties = vec![c.buyer_id, c.supplier_id];
                parties.extend(c.coordinator_id);
                parties
            }
            Self::CoordinatorAdded { buyer_id, coordinator_id } => vec![*buyer_id, *coordinator_id],
            Self::Cycle { cycle, .. } => cycle.parties.clone(),
            Self::SignalsWaiting { recipient: org }
            | Self::SignalAnswered { sender: org }
            | Self::ReferralMade { partner: org }
            | Self::ReferralAnswered { corporation: org }
            | Self::ConsentWithdrawn { partner: org }
            | Self::ReferralPartnerListed { partner: org, .. } => vec![*org],
        }
    }

    /// The page on which organisation `org` sees the step (a local path; each organisation has its own).
    pub fn link(&self, org: i64) -> String {
        match self {
            Self::RequestSent { case, .. }
            | Self::Answered { case, .. }
            | Self::Decided { case, .. }
            | Self::AnswerWithdrawn(case)
            | Self::QuestionAsked(case)
            | Self::QuestionAnswered(case) => format!("/orgs/{org}/overleg/{}", case.id),
            Self::MeetingPlanned(m)
            | Self::MeetingReplanned(m)
            | Self::AgendaItemAdded(m)
            | Self::MinutesRecorded(m) => {
                format!("/orgs/{org}/overleg/vergaderingen/{}", m.id)
            }
            Self::BudgetSet(b) | Self::BudgetAccounted(b) => {
                let other = if org == b.corporation_id { b.tenant_org_id } else { b.corporation_id };
                format!("/orgs/{org}/overleg/budget/{other}/{}", b.year)
            }
            Self::PartnershipProposed(_) | Self::PartnershipAccepted(_) | Self::PartnershipDeclined(_) => {
                format!("/orgs/{org}/overleg")
            }
            Self::ContractRegistered(c)
            | Self::ContributionReported(c)
            | Self::ContributionApproved(c)
            | Self::ContributionRejected(c)
            | Self::SettlementRecorded(c) => format!("/orgs/{org}/sr/contracten/{}", c.id),
            Self::CoordinatorAdded { buyer_id, .. } if org == *buyer_id => format!("/orgs/{org}/sr/coordinatoren"),
            Self::CoordinatorAdded { .. } => format!("/orgs/{org}/sr"),
            Self::Cycle { cycle, .. } => format!("/orgs/{org}/afspraken/{}", cycle.id),
            Self::SignalsWaiting { .. } => format!("/orgs/{org}/signalering/inbox"),
            Self::SignalAnswered { .. } => format!("/orgs/{org}/signalering/verzonden"),
            Self::ReferralMade { .. } => format!("/orgs/{org}/signalering/verwijzingen"),
            Self::ReferralAnswered { .. } => format!("/orgs/{org}/signalering/zacht"),
            Self::ConsentWithdrawn { .. } | Self::ReferralPartnerListed { .. } => {
                format!("/orgs/{org}/signalering/verwijzingen")
            }
        }
    }

    /// The step in one line, in `lang`, naming the organisation that took it (`by`): the in-app notice, the mail's
    /// subject and a line of the daily digest.
    pub fn line(&self, lang: Lang, by: &str) -> String {
        let (nt, ov) = (NotifyTexts::of(lang), lang.overleg());
        match self {
            Self::RequestSent { case, .. } => nt.ev_request_sent(ov.kind(case.kind), by, &case.title),
            Self::Answered { case, answer } => nt.ev_answered(ov.answer_name(*answer), by, &case.title),
            Self::AnswerWithdrawn(case) => nt.ev_answer_withdrawn(by, &case.title),
            Self::QuestionAsked(case) => nt.ev_question_asked(by, &case.title),
            Self::QuestionAnswered(case) => nt.ev_question_answered(by, &case.title),
            Self::Decided { case, decision } => nt.ev_decided(ov.decision_name(*decision, case.kind), by, &case.title),
            Self::MeetingPlanned(m) => nt.ev_meeting_planned(show_date(m.held_on), by, &m.title),
            Self::MeetingReplanned(m) => nt.ev_meeting_replanned(show_date(m.held_on), by, &m.title),
            Self::AgendaItemAdded(m) => nt.ev_agenda_item(by, &m.title),
            Self::MinutesRecorded(m) => nt.ev_minutes(by, &m.title),
            Self::BudgetSet(b) => nt.ev_budget_set(b.amount, by, b.year),
            Self::BudgetAccounted(b) => nt.ev_budget_accounted(by, b.year),
            Self::PartnershipProposed(_) => nt.ev_partner_proposed(by),
            Self::PartnershipAccepted(_) => nt.ev_partner_accepted(by),
            Self::PartnershipDeclined(_) => nt.ev_partner_declined(by),
            Self::ContractRegistered(c) => nt.ev_contract_registered(by, &c.title),
            Self::ContributionReported(c) => nt.ev_contribution_reported(by, &c.title),
            Self::ContributionApproved(c) => nt.ev_contribution_approved(by, &c.title),
            Self::ContributionRejected(c) => nt.ev_contribution_rejected(by, &c.title),
            Self::SettlementRecorded(c) => nt.ev_settled(by, &c.title),
            Self::CoordinatorAdded { .. } => nt.ev_coordinator_added(by),
            Self::Cycle { cycle, what } => match what {
                CycleStep::Opened => nt.ev_cycle_opened(by, &cycle.title),
                CycleStep::PhaseMoved(phase) => nt.ev_cycle_phase(by, lang.afspraken().phase(*phase), &cycle.title),
                CycleStep::BidSent => nt.ev_cycle_bid_sent(by, &cycle.title),
                CycleStep::Signed => nt.ev_cycle_signed(by, &cycle.title),
                CycleStep::DisputeOpened => nt.ev_cycle_dispute(by, &cycle.title),
                CycleStep::Addendum => nt.ev_cycle_addendum(by, &cycle.title),
            },
            // Signalering's notices name no one and nothing of a person: only that something waits.
            Self::SignalsWaiting { .. } => nt.ev_signals_waiting.to_owned(),
            Self::SignalAnswered { .. } => nt.ev_signal_answered.to_owned(),
            Self::ReferralMade { .. } => nt.ev_referral_made.to_owned(),
            Self::ReferralAnswered { .. } => nt.ev_referral_answered.to_owned(),
            Self::ConsentWithdrawn { .. } => nt.ev_consent_withdrawn.to_owned(),
            Self::ReferralPartnerListed { listed: true, .. } => nt.ev_referral_partner_listed(by),
            Self::ReferralPartnerListed { listed: false, .. } => nt.ev_referral_partner_unlisted(by),
        }
    }

    /// Whether the step leads to personal data (Signalering): then only members who may see persons are told.
    pub fn leads_to_persons(&self) -> bool {
        matches!(
            self,
            Self::SignalsWaiting { .. }
                | Self::SignalAnswered { .. }
                | Self::ReferralMade { .. }
                | Self::ReferralAnswered { .. }
                | Self::ConsentWithdrawn { .. }
                | Self::ReferralPartnerListed { .. }
        )
    }

    /// A line the mail adds below the step, if any: the answer deadline of a new request.
    pub fn detail(&self, lang: Lang) -> Option<String> {
        match self {
            Self::RequestSent { deadline: Some(deadline), .. } => {
                let ov = lang.overleg();
                Some(ov.mail_deadline_line(ov.deadline_date(deadline)))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const CORPORATION: i64 = 1;
    const TENANT: i64 = 2;
    const SUPPLIER: i64 = 5;
    const COORDINATOR: i64 = 7;

    fn case() -> CaseRef {
        CaseRef {
            id: 40,
            title: "Isolatie daken".into(),
            kind: RequestKind::Advice,
            corporation_id: CORPORATION,
            tenant_org_id: TENANT,
        }
    }

    fn contract(coordinator_id: Option<i64>) -> ContractRef {
        ContractRef {
            id: 9,
            title: "Onderhoud 2027".into(),
            buyer_id: CORPORATION,
            supplier_id: SUPPLIER,
            coordinator_id,
        }
    }

    fn event(org_id: i64, step: Step) -> Event {
        Event { by: ActedBy { user_id: 3, name: "Anna de Vries".into(), org_id }, step }
    }

    #[test]
    fn the_other_parties_are_told_never_the_actors_own() {
        let sent = event(CORPORATION, Step::RequestSent { case: case(), deadline: None });
        assert_eq!(sent.recipients(), [TENANT]);
        let asked = event(TENANT, Step::QuestionAsked(case()));
        assert_eq!(asked.recipients(), [CORPORATION]);
        let reported = event(SUPPLIER, Step::ContributionReported(contract(Some(COORDINATOR))));
        assert_eq!(reported.recipients(), [CORPORATION, COORDINATOR], "the buyer and the coordinator");
        let approved = event(CORPORATION, Step::ContributionApproved(contract(None)));
        assert_eq!(approved.recipients(), [SUPPLIER], "no coordinator named, none told");
        let named = event(CORPORATION, Step::CoordinatorAdded { buyer_id: CORPORATION, coordinator_id: COORDINATOR });
        assert_eq!(named.recipients(), [COORDINATOR]);
    }

    #[test]
    fn each_party_gets_the_link_to_its_own_page() {
        assert_eq!(Step::Answered { case: case(), answer: AnswerKind::Advice }.link(CORPORATION), "/orgs/1/overleg/40");
        assert_eq!(Step::AnswerWithdrawn(case()).link(TENANT), "/orgs/2/overleg/40");
        let budget = Step::BudgetSet(BudgetRef {
            corporation_id: CORPORATION,
            tenant_org_id: TENANT,
            year: 2026,
            amount: Money::from_cents(150_000),
        });
        assert_eq!(budget.link(TENANT), "/orgs/2/overleg/budget/1/2026", "the other party in the path");
        assert_eq!(budget.link(CORPORATION), "/orgs/1/overleg/budget/2/2026");
        let meeting = MeetingRef {
            id: 6,
            title: "Voorjaarsoverleg".into(),
            held_on: date!(2027 - 03 - 10),
            corporation_id: CORPORATION,
            tenant_org_id: TENANT,
        };
        assert_eq!(Step::MinutesRecorded(meeting).link(TENANT), "/orgs/2/overleg/vergaderingen/6");
        let pair = Pair { corporation_id: CORPORATION, tenant_org_id: TENANT };
        assert_eq!(Step::PartnershipProposed(pair).link(TENANT), "/orgs/2/overleg");
        assert_eq!(Step::ContractRegistered(contract(None)).link(SUPPLIER), "/orgs/5/sr/contracten/9");
        let named = Step::CoordinatorAdded { buyer_id: CORPORATION, coordinator_id: COORDINATOR };
        assert_eq!(named.link(COORDINATOR), "/orgs/7/sr");
    }

    #[test]
    fn lines_read_in_the_recipients_language() {
        let answered = Step::Answered { case: case(), answer: AnswerKind::ConsentGiven };
        assert_eq!(answered.line(Lang::Nl, "De Sleutel"), "De Sleutel gaf antwoord (Instemming): Isolatie daken");
        assert_eq!(answered.line(Lang::En, "De Sleutel"), "De Sleutel answered (Consent): Isolatie daken");
        let decided = Step::Decided { case: case(), decision: Decision::NotFollowed };
        assert_eq!(
            decided.line(Lang::Nl, "Woonstad"),
            "Woonstad nam een besluit (Advies niet gevolgd): Isolatie daken"
        );
        let rejected = Step::ContributionRejected(contract(None));
        assert_eq!(rejected.line(Lang::En, "Woonstad"), "Woonstad rejected a contribution for: Onderhoud 2027");
        let budget = Step::BudgetSet(BudgetRef {
            corporation_id: CORPORATION,
            tenant_org_id: TENANT,
            year: 2026,
            amount: Money::from_cents(150_000),
        });
        assert_eq!(budget.line(Lang::Nl, "Woonstad"), "Woonstad stelde het budget voor 2026 vast op € 1.500,00");
    }

    #[test]
    fn every_other_party_of_a_cycle_hears_of_its_steps() {
        let cycle = CycleNote { id: 12, title: "Prestatieafspraken Deventer 2027".into(), parties: vec![4, 1, 2] };
        let sent = event(CORPORATION, Step::Cycle { cycle: cycle.clone(), what: CycleStep::BidSent });
        assert_eq!(sent.recipients(), [4, TENANT]);
        assert_eq!(sent.step.link(4), "/orgs/4/afspraken/12");
        let moved = Step::Cycle { cycle, what: CycleStep::PhaseMoved(volkshuis_domain::afspraken::Phase::Bod) };
        assert_eq!(moved.line(Lang::Nl, "Gemeente"), "Gemeente zette Prestatieafspraken Deventer 2027 in de fase Bod");
        assert_eq!(
            moved.line(Lang::En, "Gemeente"),
            "Gemeente moved Prestatieafspraken Deventer 2027 to the phase Bid"
        );
    }

    #[test]
    fn a_new_request_names_its_deadline_in_the_mail() {
        use volkshuis_domain::overleg::Rule;
        let deadline = Deadline { date: date!(2027 - 01 - 06), rule: Rule::AdviceTermEnded, provisional: None };
        let sent = Step::RequestSent { case: case(), deadline: Some(deadline) };
        assert_eq!(sent.detail(Lang::Nl).as_deref(), Some("Antwoord uiterlijk op 06-01-2027."));
        assert_eq!(sent.detail(Lang::En).as_deref(), Some("Answer by 06-01-2027."));
        assert_eq!(Step::QuestionAsked(case()).detail(Lang::Nl), None);
    }
}
