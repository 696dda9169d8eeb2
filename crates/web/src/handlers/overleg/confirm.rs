//! The confirmation step before an answer or decision with legal effect is stored: nothing is chosen in advance,
//! and the sender reads what the choice gives ("u stemt in met …; de corporatie mag dit uitvoeren vanaf …") and
//! confirms it. The documents are attached on this page, so nothing chosen before has to be chosen again.

use crate::forms::FieldErrors;
use crate::i18n::OverlegTexts;
use crate::views::Page;
use askama::Template;
use time::Date;
use volkshuis_domain::calendar::TermCalendar;
use volkshuis_domain::overleg::case::Execution;
use volkshuis_domain::overleg::{AnswerKind, Decision, RequestKind};
use volkshuis_store::overleg::Case;

/// The value of the `confirmed` field that stores the step; `edit` goes back to the form with everything kept.
pub(super) const CONFIRMED: &str = "yes";
/// The value of the `confirmed` field that goes back to the form.
pub(super) const EDIT: &str = "edit";

/// What is being confirmed: the answer or the decision, as the form's fields.
pub(super) enum Step {
    Answer { kind: AnswerKind, text: String },
    Decision { decision: Decision, reply: String },
}

#[derive(Template)]
#[template(path = "overleg/confirm.html")]
pub(super) struct ConfirmPage {
    pub page: Page,
    pub org_id: i64,
    pub case_id: i64,
    pub title: String,
    pub version: i64,
    pub action: &'static str,
    pub summary: String,
    pub choice: String,
    /// `(field name, code)` of the choice, carried to the confirming post.
    pub field: (&'static str, String),
    /// `(field name, text)` of the typed text, carried to the confirming post.
    pub text: (&'static str, String),
    pub errors: FieldErrors,
}

/// The date a step leads to, with the mark "nog niet vastgesteld" where a decree may still move it.
fn execution_date(ov: &OverlegTexts, execution: Option<Execution>) -> String {
    match execution {
        Some(Execution::From(d) | Execution::WithoutAnswerFrom(d)) => ov.deadline_date(&d),
        _ => String::new(),
    }
}

/// What the step gives, in one sentence, for a step taken `today`.
pub(super) fn summary(ov: &OverlegTexts, case: &Case, cal: &TermCalendar, today: Date, step: &Step) -> String {
    let title = case.title.as_str();
    let facts = case.facts();
    match step {
        Step::Answer { kind, .. } => {
            let given = facts.answered(*kind, today);
            let from = || execution_date(ov, given.execution(cal).ok());
            let reply_by = || given.reply_deadline(cal).map(|d| ov.deadline_date(&d)).unwrap_or_default();
            match kind {
                AnswerKind::ConsentGiven => ov.summary_consent_given(from(), title),
                AnswerKind::ConsentWithConditions => ov.summary_consent_conditions(from(), title),
                AnswerKind::ConsentRefused => ov.summary_consent_refused(title),
                // A view (Woningwet) frees no plan and has no date (ADR 0064).
                AnswerKind::NoObjection if case.kind == RequestKind::View => ov.summary_view_no_objection(title),
                AnswerKind::NoObjection => ov.summary_no_objection(from(), title),
                AnswerKind::Advice => match given.advice_after_term(cal) {
                    Some(term) => ov.summary_advice_late(from(), ov.deadline_date(&term), title),
                    None => ov.summary_advice(reply_by(), title),
                },
                AnswerKind::View => ov.summary_view(title),
            }
        }
        Step::Decision { decision, .. } if case.kind == RequestKind::View => {
            ov.summary_view_decision(ov.decision_name(*decision, case.kind), title)
        }
        Step::Decision { decision, .. } => {
            let from = execution_date(ov, facts.decided(*decision, today).execution(cal).ok());
            match decision {
                Decision::Followed => ov.summary_decision_followed(from, title),
                Decision::PartlyFollowed => ov.summary_decision_partly(from, title),
                Decision::NotFollowed => ov.summary_decision_not(from, title),
            }
        }
    }
}

/// The confirmation page for a checked step.
pub(super) fn confirm_page(
    page: Page,
    case: &Case,
    org_id: i64,
    cal: &TermCalendar,
    today: Date,
    step: Step,
    errors: FieldErrors,
) -> ConfirmPage {
    let ov = page.ov;
    let summary = summary(ov, case, cal, today, &step);
    let (action, choice, field, text) = match step {
        Step::Answer { kind, text } => (
            "antwoord",
            ov.answer_name(kind).to_owned(),
            ("answer_kind", kind.code().to_owned()),
            ("answer_text", text),
        ),
        Step::Decision { decision, reply } => (
            "besluit",
            ov.decision_name(decision, case.kind).to_owned(),
            ("decision", decision.code().to_owned()),
            ("reply_text", reply),
        ),
    };
    ConfirmPage {
        page,
        org_id,
        case_id: case.id,
        title: case.title.clone(),
        version: case.version,
        action,
        summary,
        choice,
        field,
        text,
        errors,
    }
}
