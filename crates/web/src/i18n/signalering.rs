//! Names of Signalering's domain values (`volkshuis_domain::signalering`) and the ledger's verdict codes in the
//! user's language; the texts are in `i18n/*/signalering.ftl`.

use super::show_date;
use super::SignaleringTexts;
use time::Date;
use volkshuis_domain::signalering::ledger::LedgerColumn;
use volkshuis_domain::signalering::outcome::OutreachKind;
use volkshuis_domain::signalering::soft::{SoftKind, SoftState};
use volkshuis_domain::signalering::triage::BucketAction;
use volkshuis_domain::signalering::{Outcome, PartOfDay};

impl SignaleringTexts {
    /// The ledger's columns for the upload form's explanation: header name, whether every line must fill it, what it
    /// holds. From the domain's own list, so the page names exactly the columns the reader knows.
    pub fn ledger_columns(&self) -> Vec<(&'static str, &'static str, &'static str)> {
        LedgerColumn::ALL
            .iter()
            .map(|&column| {
                let required = if LedgerColumn::REQUIRED.contains(&column) {
                    self.ledger_required_yes
                } else {
                    self.ledger_required_no
                };
                (column.name(), required, self.ledger_help(column))
            })
            .collect()
    }

    fn ledger_help(&self, column: LedgerColumn) -> &'static str {
        match column {
            LedgerColumn::Contract => self.ledger_help_contract,
            LedgerColumn::Unit => self.ledger_help_unit,
            LedgerColumn::Name => self.ledger_help_name,
            LedgerColumn::Address => self.ledger_help_address,
            LedgerColumn::Phone => self.ledger_help_phone,
            LedgerColumn::Email => self.ledger_help_email,
            LedgerColumn::Amount => self.ledger_help_amount,
            LedgerColumn::ArrearsSince => self.ledger_help_since,
            LedgerColumn::ReminderOn => self.ledger_help_reminder,
            LedgerColumn::OfferOn => self.ledger_help_offer,
            LedgerColumn::ContactOn => self.ledger_help_contact_on,
            LedgerColumn::ContactKind => self.ledger_help_contact_kind,
            LedgerColumn::ContactReached => self.ledger_help_reached,
            LedgerColumn::DebtHelpPointed => self.ledger_help_debt_help,
            LedgerColumn::Objection => self.ledger_help_objection,
            LedgerColumn::Arrangement => self.ledger_help_arrangement,
        }
    }

    /// Why a household was not signalled, from the code the store keeps (`signal_from`: when the threshold ends).
    pub fn block(&self, code: &str, signal_from: Option<Date>) -> String {
        match code {
            "geen_gemeente" => self.block_geen_gemeente.to_owned(),
            "al_gesignaleerd" => self.block_al_gesignaleerd.to_owned(),
            "bezwaar" => self.block_bezwaar.to_owned(),
            "regeling" => self.block_regeling.to_owned(),
            "geen_contactpoging" => self.block_geen_contactpoging.to_owned(),
            "contact_voor_achterstand" => self.block_contact_voor_achterstand.to_owned(),
            "contact_na_grootboekdag" => self.block_contact_na_grootboekdag.to_owned(),
            "niet_gewezen_op_schuldhulp" => self.block_niet_gewezen.to_owned(),
            "geen_aanmaning" => self.block_geen_aanmaning.to_owned(),
            "aanmaning_voor_achterstand" => self.block_aanmaning_voor_achterstand.to_owned(),
            "aanmaning_na_grootboekdag" => self.block_aanmaning_na_grootboekdag.to_owned(),
            "geen_aanbod" => self.block_geen_aanbod.to_owned(),
            "aanbod_voor_achterstand" => self.block_aanbod_voor_achterstand.to_owned(),
            "aanbod_na_grootboekdag" => self.block_aanbod_na_grootboekdag.to_owned(),
            "te_vroeg" => match signal_from {
                Some(day) => self.block_te_vroeg(show_date(day)),
                None => self.block_te_vroeg_undated.to_owned(),
            },
            _ => self.block_unknown.to_owned(),
        }
    }

    /// A result of the national list.
    pub fn outcome(&self, outcome: Outcome) -> &'static str {
        match outcome {
            Outcome::PickedUp => self.outcome_opgepakt,
            Outcome::AlreadyInDebtHelp => self.outcome_opgepakt_al_in_schuldhulp,
            Outcome::ArrangedThemselves => self.outcome_opgepakt_zelf_geregeld,
            Outcome::PaymentArrangement => self.outcome_opgepakt_betalingsregeling,
            Outcome::ReferredOn => self.outcome_opgepakt_doorverwezen,
            Outcome::NoContact => self.outcome_opgepakt_geen_contact,
            Outcome::HelpDeclined => self.outcome_opgepakt_hulp_geweigerd,
            Outcome::Unjustified => self.outcome_niet_opgepakt_onterecht,
            Outcome::Deceased => self.outcome_niet_opgepakt_overleden,
            Outcome::NotResident => self.outcome_niet_opgepakt_niet_woonachtig,
            Outcome::Repeated => self.outcome_niet_opgepakt_herhaalsignaal,
            Outcome::OtherReason => self.outcome_niet_opgepakt_andere_reden,
        }
    }

    /// How the municipality reached out.
    pub fn outreach(&self, kind: OutreachKind) -> &'static str {
        match kind {
            OutreachKind::Letter => self.outreach_brief,
            OutreachKind::Phone => self.outreach_telefoon,
            OutreachKind::HomeVisit => self.outreach_huisbezoek,
            OutreachKind::Email => self.outreach_email,
            OutreachKind::Sms => self.outreach_sms,
        }
    }

    /// A part of the day.
    pub fn part_of_day(&self, part: PartOfDay) -> &'static str {
        match part {
            PartOfDay::Morning => self.part_ochtend,
            PartOfDay::Afternoon => self.part_middag,
            PartOfDay::Evening => self.part_avond,
        }
    }

    /// A bucket's action.
    pub fn action(&self, action: BucketAction) -> &'static str {
        match action {
            BucketAction::Letter => self.action_brief,
            BucketAction::Call => self.action_bellen,
            BucketAction::HomeVisit => self.action_huisbezoek,
            BucketAction::NoAction => self.action_geen,
        }
    }

    /// What a soft signal is about.
    pub fn soft_kind(&self, kind: SoftKind) -> &'static str {
        match kind {
            SoftKind::Neglect => self.soft_vervuiling,
            SoftKind::Loneliness => self.soft_eenzaamheid,
            SoftKind::Nuisance => self.soft_overlast,
            SoftKind::DebtsSuspected => self.soft_schulden,
            SoftKind::Confusion => self.soft_verward,
            SoftKind::Other => self.soft_anders,
        }
    }

    /// Where a soft signal stands.
    pub fn soft_state(&self, state: SoftState) -> &'static str {
        match state {
            SoftState::Internal => self.state_intern,
            SoftState::Referred => self.state_doorverwezen,
            SoftState::Accepted => self.state_aangenomen,
            SoftState::Closed => self.state_afgesloten,
            SoftState::Declined => self.state_afgewezen,
            SoftState::Withdrawn => self.state_ingetrokken,
        }
    }

    /// An eviction recorded on a signal (`kind` as stored: `voorkomen` or `uitgevoerd`).
    pub fn eviction_recorded(&self, kind: &str, date: String) -> String {
        if kind == "voorkomen" {
            self.eviction_recorded_prevented(date)
        } else {
            self.eviction_recorded_carried_out(date)
        }
    }
}
