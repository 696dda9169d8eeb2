//! The initiative's own fields as a form sends them, shared by the initiator's and the corporation's pages.

use crate::forms::FieldErrors;
use crate::i18n::{InitiatievenTexts, Texts};
use std::collections::HashMap;
use volkshuis_domain::initiatieven::plan::{parse_lines, show_lines, BusinessPlan};
use volkshuis_domain::initiatieven::stage::Need;
use volkshuis_store::initiatieven::initiatives::{Initiative, InitiatorEdit};

/// Reads title, description, place, who, needs and (with `with_plan`) the plan; each wrong field gets its message.
pub(super) fn read(
    (t, it): (&Texts, &InitiatievenTexts),
    fields: &HashMap<String, String>,
    errors: &mut FieldErrors,
    with_plan: bool,
) -> Option<InitiatorEdit> {
    let field = |name: &str| crate::forms::field(fields, name).to_owned();
    let text = |name: &'static str, max: usize, errors: &mut FieldErrors| {
        let value = field(name);
        errors.bounded(t, name, &value, true, max);
        value
    };
    let title = text("title", 150, errors);
    let description = text("description", 4_000, errors);
    let place = text("place", 300, errors);
    let who = text("who", 1_000, errors);
    let needs: Vec<Need> =
        Need::ALL.iter().copied().filter(|n| fields.contains_key(&format!("need_{}", n.code()))).collect();
    if needs.is_empty() {
        errors.add("needs", it.err_needs);
    }
    let mut plan = BusinessPlan::default();
    if with_plan {
        for (name, target) in [("income", &mut plan.income), ("costs", &mut plan.costs)] {
            match parse_lines(&field(name)) {
                Ok(lines) => *target = lines,
                Err(problem) => errors.add(name, it.lines_problem(problem)),
            }
        }
        plan.risk_bearer = field("risk_bearer");
        errors.bounded(t, "risk_bearer", &plan.risk_bearer, false, 300);
    }
    errors.is_empty().then_some(InitiatorEdit { title, description, place, who, needs, plan })
}

/// The form's fields filled from a stored initiative.
pub(super) fn fields_of(initiative: &Initiative) -> HashMap<String, String> {
    let mut f = HashMap::new();
    f.insert("title".to_owned(), initiative.title.clone());
    f.insert("description".to_owned(), initiative.description.clone());
    f.insert("place".to_owned(), initiative.place.clone());
    f.insert("who".to_owned(), initiative.who.clone());
    for need in &initiative.needs {
        f.insert(format!("need_{}", need.code()), "on".to_owned());
    }
    f.insert("income".to_owned(), show_lines(&initiative.plan.income));
    f.insert("costs".to_owned(), show_lines(&initiative.plan.costs));
    f.insert("risk_bearer".to_owned(), initiative.plan.risk_bearer.clone());
    f
}

/// The needs as checkbox rows: (field name, label, checked).
pub(super) fn need_boxes(
    it: &InitiatievenTexts,
    fields: &HashMap<String, String>,
) -> Vec<(String, &'static str, bool)> {
    Need::ALL
        .iter()
        .map(|n| {
            let name = format!("need_{}", n.code());
            let checked = fields.contains_key(&name);
            (name, it.need(*n), checked)
        })
        .collect()
}

/// The plan in words: that it adds up with its totals, or what keeps it from adding up.
pub(super) fn plan_state(it: &InitiatievenTexts, plan: &BusinessPlan) -> (bool, Vec<String>) {
    use volkshuis_domain::money::Money;
    if plan.income.is_empty() && plan.costs.is_empty() {
        return (false, vec![it.plan_empty.to_owned()]);
    }
    if plan.adds_up() {
        let line = it.plan_adds_up(
            Money::from_cents(plan.balance()),
            Money::from_cents(plan.cost_total()),
            Money::from_cents(plan.income_total()),
        );
        return (true, vec![line]);
    }
    (false, plan.problems().into_iter().map(|p| it.plan_problem(p)).collect())
}
