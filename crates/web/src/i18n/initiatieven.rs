//! Names of Initiatieven's domain values (`volkshuis_domain::initiatieven`) and their problems in the user's
//! language; the texts are in `i18n/*/initiatieven.ftl`.

use super::InitiatievenTexts;
use volkshuis_domain::initiatieven::budget::{GrantBlock, SpendBlock};
use volkshuis_domain::initiatieven::lending::LoanProblem;
use volkshuis_domain::initiatieven::plan::{LinesProblem, PlanProblem};
use volkshuis_domain::initiatieven::stage::{Need, Stage, StageBlock};
use volkshuis_domain::money::Money;

impl InitiatievenTexts {
    /// A stage's name.
    pub fn stage(&self, stage: Stage) -> &'static str {
        match stage {
            Stage::Idea => self.stage_idee,
            Stage::Plan => self.stage_plan,
            Stage::Agreement => self.stage_afspraak,
            Stage::Running => self.stage_loopt,
            Stage::Independent => self.stage_zelfstandig,
            Stage::Ended => self.stage_beeindigd,
        }
    }

    /// What an initiative asks.
    pub fn need(&self, need: Need) -> &'static str {
        match need {
            Need::Space => self.need_ruimte,
            Need::Money => self.need_geld,
            Need::Permission => self.need_toestemming,
            Need::Advice => self.need_advies,
        }
    }

    /// Why a stage move is refused.
    pub fn stage_block(&self, block: StageBlock) -> &'static str {
        match block {
            StageBlock::Ended => self.stage_block_ended,
            StageBlock::Skips => self.stage_block_skips,
            StageBlock::PlanDoesNotAddUp => self.stage_block_plan,
            StageBlock::NoAgreement => self.stage_block_agreement,
            StageBlock::NoLessons => self.stage_block_lessons,
        }
    }

    /// What is wrong with typed plan lines.
    pub fn lines_problem(&self, problem: LinesProblem) -> String {
        match problem {
            LinesProblem::NoAmount { line } => self.lines_no_amount(line as i64),
            LinesProblem::BadAmount { line } => self.lines_bad_amount(line as i64),
            LinesProblem::TooMany => self.lines_too_many.to_owned(),
            LinesProblem::TooLarge { line } => self.lines_too_large(line as i64),
        }
    }

    /// What keeps a plan from adding up.
    pub fn plan_problem(&self, problem: PlanProblem) -> String {
        match problem {
            PlanProblem::NoIncome => self.plan_no_income.to_owned(),
            PlanProblem::NoCosts => self.plan_no_costs.to_owned(),
            PlanProblem::LineWithoutName { line } => self.plan_line_without_name(line as i64),
            PlanProblem::NameTooLong { line } => self.plan_name_too_long(line as i64),
            PlanProblem::AmountNotPositive { line } => self.plan_amount_not_positive(line as i64),
            PlanProblem::Deficit { short_cents } => self.plan_deficit(Money::from_cents(short_cents)),
            PlanProblem::NoRiskBearer => self.plan_no_risk_bearer.to_owned(),
        }
    }

    /// Why a grant is refused.
    pub fn grant_block(&self, block: GrantBlock) -> String {
        match block {
            GrantBlock::NotPositive => self.grant_not_positive.to_owned(),
            GrantBlock::OverBudget { short_cents } => self.grant_over_budget(Money::from_cents(short_cents)),
        }
    }

    /// Why spending is refused.
    pub fn spend_block(&self, block: SpendBlock) -> String {
        match block {
            SpendBlock::NotPositive => self.spend_not_positive.to_owned(),
            SpendBlock::OverGrant { short_cents } => self.spend_over_grant(Money::from_cents(short_cents)),
            SpendBlock::NoEvidence => self.spend_no_evidence.to_owned(),
        }
    }

    /// What is wrong with loan terms.
    pub fn loan_problem(&self, problem: LoanProblem) -> &'static str {
        match problem {
            LoanProblem::NegativeRent => self.loan_negative_rent,
            LoanProblem::DiscountAbove100 => self.loan_discount,
            LoanProblem::UntilNotAfterFrom => self.loan_until,
        }
    }

    /// The name of an agreement kind.
    pub fn agreement_kind(&self, kind: &str) -> &'static str {
        match kind {
            "zelfbeheer" => self.agreement_zelfbeheer,
            "wooncooperatie" => self.agreement_wooncooperatie,
            "toestemming" => self.agreement_toestemming,
            _ => self.agreement_advies,
        }
    }

    /// The notice after a step, by its key in the query.
    pub fn notice(&self, key: &str) -> Option<&'static str> {
        Some(match key {
            "submitted" => self.notice_submitted,
            "saved" => self.notice_saved,
            "stage" => self.notice_stage,
            "coach" => self.notice_coach,
            "log" => self.notice_log,
            "lent" => self.notice_lent,
            "granted" => self.notice_granted,
            "spent" => self.notice_spent,
            "agreement" => self.notice_agreement,
            "outcome" => self.notice_outcome,
            "published" => self.notice_published,
            "withdrawn" => self.notice_withdrawn,
            "summary_updated" => self.notice_summary_updated,
            "photo" => self.notice_photo,
            _ => return None,
        })
    }
}
