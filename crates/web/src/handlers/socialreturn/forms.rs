//! Parsing the social-return forms at the edge: amounts, percentages, whole numbers, dates, and the valuation
//! table form (one field per target group, bonus, training level and certificate).

use crate::forms::FieldErrors;
use crate::i18n::{SocialReturnTexts, Texts};
use std::collections::HashMap;
use time::Date;
use volkshuis_domain::money::Money;
use volkshuis_domain::socialreturn::table::{JobRate, TrainingRate, ValuationTable};
use volkshuis_domain::socialreturn::{Bonus, Certificate, TargetGroup, Training};
use volkshuis_domain::text::Name;

/// A form as typed: every field by name.
pub(super) type Fields = HashMap<String, String>;

pub(super) use crate::forms::field;

/// A date from a date input or typed as d-m-yyyy.
pub(super) fn date(input: &str) -> Option<Date> {
    crate::forms::parse_date(input).ok()
}

/// A required date field; a day that does not exist is named so ([`crate::forms::date_error`]).
pub(super) fn required_date(
    fields: &Fields,
    name: &str,
    errors: &mut FieldErrors,
    (t, sr): (&Texts, &SocialReturnTexts),
) -> Option<Date> {
    let parsed = date(field(fields, name));
    if parsed.is_none() {
        errors.add(name, crate::forms::date_error(t, field(fields, name), sr.err_date));
    }
    parsed
}

/// An optional amount (empty is `None`); a wrong one is an error.
pub(super) fn optional_money(
    fields: &Fields,
    name: &str,
    errors: &mut FieldErrors,
    (t, sr): (&Texts, &SocialReturnTexts),
) -> Option<Money> {
    let text = field(fields, name);
    if text.is_empty() {
        return None;
    }
    match crate::forms::amount_at_least(t, text, 0, sr.err_amount) {
        Ok(cents) => Some(Money::from_cents(cents)),
        Err(message) => {
            errors.add(name, message);
            None
        }
    }
}

/// A required amount.
pub(super) fn required_money(
    fields: &Fields,
    name: &str,
    errors: &mut FieldErrors,
    (t, sr): (&Texts, &SocialReturnTexts),
) -> Option<Money> {
    let value = optional_money(fields, name, errors, (t, sr));
    if value.is_none() && errors.get(name).is_none() {
        errors.add(name, sr.err_amount);
    }
    value
}

/// An optional whole number within bounds.
pub(super) fn optional_number(
    fields: &Fields,
    name: &str,
    range: std::ops::RangeInclusive<u32>,
    errors: &mut FieldErrors,
    sr: &SocialReturnTexts,
) -> Option<u32> {
    let text = field(fields, name);
    if text.is_empty() {
        return None;
    }
    match text.parse::<u32>() {
        Ok(n) if range.contains(&n) => Some(n),
        _ => {
            errors.add(name, sr.err_number);
            None
        }
    }
}

/// A percentage as basis points: `5` is 500, `2,5` is 250.
pub(super) fn percentage(text: &str) -> Option<u32> {
    let cents = Money::parse(text.trim().trim_end_matches('%')).ok()?.cents();
    u32::try_from(cents).ok().filter(|bp| *bp <= 10_000)
}

/// A percentage in basis points as typed: `250` → `2,5`.
pub(super) fn show_percentage(bp: u32) -> String {
    if bp.is_multiple_of(100) {
        (bp / 100).to_string()
    } else {
        format!("{},{:02}", bp / 100, bp % 100).trim_end_matches('0').to_owned()
    }
}

/// An amount as typed in a form (no euro sign): `1.234,56`.
pub(super) fn show_money(m: Money) -> String {
    m.to_string().trim_start_matches("€ ").to_owned()
}

fn training_key(t: Training, level: Option<u8>) -> String {
    match level {
        Some(l) => format!("training_{}_{l}", t.code()),
        None => format!("training_{}", t.code()),
    }
}

/// The table form's fields for a table (to prefill a new version).
pub(super) fn table_fields(table: &ValuationTable) -> Fields {
    let mut f = Fields::new();
    let mut put = |k: String, v: String| {
        f.insert(k, v);
    };
    put("name".into(), table.name.clone());
    put("source".into(), table.source.clone());
    put("full_time_hours".into(), table.full_time_hours.to_string());
    put("min_hours".into(), table.min_hours_per_week.map(|h| h.to_string()).unwrap_or_default());
    put("work_experience".into(), table.work_experience_per_month.map(show_money).unwrap_or_default());
    put("other_per_hour".into(), table.other_per_hour.map(show_money).unwrap_or_default());
    put("threshold".into(), show_money(table.obligation_threshold));
    put("percentage".into(), show_percentage(table.obligation_basis_points));
    for job in &table.jobs {
        put(format!("job_{}", job.group.code()), show_money(job.value));
        put(format!("long_{}", job.group.code()), job.long_term_value.map(show_money).unwrap_or_default());
        put(format!("months_{}", job.group.code()), job.counted_months.map(|m| m.to_string()).unwrap_or_default());
    }
    for (bonus, value) in &table.bonuses {
        put(format!("bonus_{}", bonus.code()), show_money(*value));
    }
    for t in &table.training {
        put(training_key(t.training, t.level), show_money(t.value));
    }
    for (c, share) in &table.purchase_shares {
        put(format!("share_{}", c.code()), share.to_string());
    }
    f
}

/// A labelled input of the table form.
pub(super) struct Input {
    pub name: String,
    pub label: String,
    pub value: String,
    pub error: Option<String>,
}

/// A section of the table form.
pub(super) struct Section {
    pub title: &'static str,
    pub inputs: Vec<Input>,
}

/// The table form's sections with what was typed and the messages.
pub(super) fn table_sections(sr: &SocialReturnTexts, fields: &Fields, errors: &FieldErrors) -> Vec<Section> {
    let input = |name: String, label: String| Input {
        value: fields.get(&name).cloned().unwrap_or_default(),
        error: errors.get(&name).map(str::to_owned),
        name,
        label,
    };
    let mut general = vec![
        input("name".into(), sr.table_name.into()),
        input("valid_from".into(), sr.valid_from.into()),
        input("source".into(), sr.source.into()),
        input("full_time_hours".into(), sr.full_time_hours.into()),
        input("min_hours".into(), sr.min_hours.into()),
        input("threshold".into(), sr.threshold.into()),
        input("percentage".into(), sr.percentage.into()),
    ];
    general.push(input("work_experience".into(), sr.work_experience.into()));
    general.push(input("other_per_hour".into(), sr.other_per_hour.into()));
    let mut jobs = Vec::new();
    for g in TargetGroup::ALL {
        let name = sr.group(*g);
        jobs.push(input(format!("job_{}", g.code()), format!("{name}: {}", sr.job_value)));
        jobs.push(input(format!("long_{}", g.code()), format!("{name}: {}", sr.long_term_value)));
        jobs.push(input(format!("months_{}", g.code()), format!("{name}: {}", sr.counted_months)));
    }
    let bonuses = Bonus::ALL.iter().map(|b| input(format!("bonus_{}", b.code()), sr.bonus(*b).into())).collect();
    let mut training = Vec::new();
    for t in Training::ALL {
        training.push(input(training_key(*t, None), format!("{} — {}", sr.training(*t), sr.training_value)));
        for level in 1..=4u8 {
            training.push(input(
                training_key(*t, Some(level)),
                sr.training_level_value(sr.training_value, level, sr.training(*t)),
            ));
        }
    }
    let shares = Certificate::ALL
        .iter()
        .map(|c| input(format!("share_{}", c.code()), format!("{}: {}", sr.certificate(*c), sr.purchase_share)))
        .collect();
    vec![
        Section { title: sr.tables, inputs: general },
        Section { title: sr.job_value, inputs: jobs },
        Section { title: sr.bonuses, inputs: bonuses },
        Section { title: sr.training_value, inputs: training },
        Section { title: sr.purchase_share, inputs: shares },
    ]
}

/// Parses the table form; every wrong field gets its message.
pub(super) fn parse_table(
    fields: &Fields,
    errors: &mut FieldErrors,
    t: &Texts,
    sr: &SocialReturnTexts,
) -> Option<ValuationTable> {
    let name = errors.check(t, "name", Name::parse(field(fields, "name")));
    let valid_from = required_date(fields, "valid_from", errors, (t, sr));
    let full_time_hours = optional_number(fields, "full_time_hours", 1..=60, errors, sr);
    if full_time_hours.is_none() && errors.get("full_time_hours").is_none() {
        errors.add("full_time_hours", sr.err_number);
    }
    let min_hours = optional_number(fields, "min_hours", 1..=60, errors, sr);
    let threshold = optional_money(fields, "threshold", errors, (t, sr)).unwrap_or_default();
    let basis_points = match field(fields, "percentage") {
        "" => Some(0),
        text => percentage(text),
    };
    if basis_points.is_none() {
        errors.add("percentage", sr.err_percent);
    }
    let mut jobs = Vec::new();
    for g in TargetGroup::ALL {
        let value = optional_money(fields, &format!("job_{}", g.code()), errors, (t, sr));
        let long = optional_money(fields, &format!("long_{}", g.code()), errors, (t, sr));
        let months = optional_number(fields, &format!("months_{}", g.code()), 1..=600, errors, sr);
        if let Some(value) = value {
            jobs.push(JobRate { group: *g, value, long_term_value: long, counted_months: months });
        }
    }
    let bonuses = Bonus::ALL
        .iter()
        .filter_map(|b| optional_money(fields, &format!("bonus_{}", b.code()), errors, (t, sr)).map(|v| (*b, v)))
        .collect();
    let mut training = Vec::new();
    for kind in Training::ALL {
        for level in [None, Some(1u8), Some(2), Some(3), Some(4)] {
            if let Some(value) = optional_money(fields, &training_key(*kind, level), errors, (t, sr)) {
                training.push(TrainingRate { training: *kind, level, value });
            }
        }
    }
    let purchase_shares = Certificate::ALL
        .iter()
        .filter_map(|c| optional_number(fields, &format!("share_{}", c.code()), 0..=100, errors, sr).map(|p| (*c, p)))
        .collect();
    let work_experience_per_month = optional_money(fields, "work_experience", errors, (t, sr));
    let other_per_hour = optional_money(fields, "other_per_hour", errors, (t, sr));
    if !errors.is_empty() {
        return None;
    }
    Some(ValuationTable {
        name: name?.as_str().to_owned(),
        valid_from: valid_from?,
        source: field(fields, "source").to_owned(),
        example: false,
        full_time_hours: full_time_hours?,
        min_hours_per_week: min_hours,
        jobs,
        bonuses,
        training,
        work_experience_per_month,
        other_per_hour,
        purchase_shares,
        obligation_threshold: threshold,
        obligation_basis_points: basis_points?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use volkshuis_domain::socialreturn::examples::oost_nederland;

    #[test]
    fn percentages_are_basis_points() {
        assert_eq!(percentage("5"), Some(500));
        assert_eq!(percentage("2,5%"), Some(250));
        assert_eq!(percentage("101"), None);
        assert_eq!(show_percentage(250), "2,5");
        assert_eq!(show_percentage(500), "5");
    }

    #[test]
    fn a_table_survives_its_form() {
        let sr = crate::i18n::Lang::Nl.socialreturn();
        let table = oost_nederland();
        let mut fields = table_fields(&table);
        fields.insert("valid_from".into(), "2023-01-01".into());
        let t = crate::i18n::Lang::Nl.texts();
        let mut errors = FieldErrors::default();
        let parsed = parse_table(&fields, &mut errors, t, sr).expect("parses");
        assert!(errors.is_empty());
        assert_eq!(ValuationTable { example: true, ..parsed }, table);
        fields.insert("job_ww".into(), "veel".into());
        let mut errors = FieldErrors::default();
        assert!(parse_table(&fields, &mut errors, t, sr).is_none());
        assert!(errors.get("job_ww").is_some());
    }
}
