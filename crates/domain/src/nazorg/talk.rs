//! The conversation before the sale (RULES.md: "a serious talk before the sale"): the checklist of subjects staff
//! go through with the tenant, and the monthly costs set beside the rent.

use std::collections::HashSet;

/// The most items a checklist may have: a conversation, not a questionnaire.
pub const MAX_ITEMS: usize = 30;

/// The longest item, in characters.
pub const MAX_ITEM_CHARS: usize = 300;

/// The subjects of the talk when a corporation has not set its own (in Dutch, as staff and tenant read them).
pub fn default_checklist() -> Vec<&'static str> {
    vec![
        "Maandlasten als eigenaar vergeleken met de huur",
        "Onderhoud: wat de eigenaar zelf moet doen en betalen",
        "VvE: maandelijkse bijdrage en reservefonds",
        "Verzekeringen (opstal, inboedel, aansprakelijkheid)",
        "Wat er gebeurt bij doorverkoop of terugkoop",
    ]
}

/// Why a checklist was refused. Lines are counted from 1 in the entered text, blank lines included, so the
/// message points at the line the user sees. `Display` is Dutch (the CLI); the web layer translates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ChecklistProblem {
    /// No item was entered.
    #[error("vul minstens één onderwerp in")]
    Empty,
    /// More than [`MAX_ITEMS`] items.
    #[error("hoogstens 30 onderwerpen")]
    TooMany,
    /// An item is longer than [`MAX_ITEM_CHARS`] characters.
    #[error("regel {line} is langer dan 300 tekens")]
    TooLong {
        /// The line, counted from 1.
        line: usize,
    },
    /// An item repeats an earlier one (ignoring case).
    #[error("regel {line} staat er al eerder in")]
    Duplicate {
        /// The line of the repeat, counted from 1.
        line: usize,
    },
}

/// Parses a checklist entered one item per line: lines trimmed, blank lines skipped, 1–30 items of at most 300
/// characters each, no item twice (ignoring case, since "VvE" and "vve" are the same subject).
///
/// The first problem in the text is returned, then the count, so the user fixes the text from the top.
pub fn parse_checklist(text: &str) -> Result<Vec<String>, ChecklistProblem> {
    let mut items = Vec::new();
    let mut seen = HashSet::new();
    for (index, line) in text.lines().enumerate() {
        let item = line.trim();
        if item.is_empty() {
            continue;
        }
        if item.chars().count() > MAX_ITEM_CHARS {
            return Err(ChecklistProblem::TooLong { line: index + 1 });
        }
        if !seen.insert(item.to_lowercase()) {
            return Err(ChecklistProblem::Duplicate { line: index + 1 });
        }
        items.push(item.to_owned());
    }
    if items.is_empty() {
        return Err(ChecklistProblem::Empty);
    }
    if items.len() > MAX_ITEMS {
        return Err(ChecklistProblem::TooMany);
    }
    Ok(items)
}

/// A checklist as the form's text area shows it, one item per line; [`parse_checklist`] reads it back.
pub fn show_checklist<S: AsRef<str>>(items: &[S]) -> String {
    items.iter().map(AsRef::as_ref).collect::<Vec<_>>().join("\n")
}

/// What owning costs a month more than the rent (negative when owning is cheaper), in cents.
pub fn monthly_difference_cents(owning_cents: i64, rent_cents: i64) -> i64 {
    owning_cents.saturating_sub(rent_cents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_checklist_reads_back_unchanged() {
        let items = default_checklist();
        assert_eq!(items.len(), 5);
        assert_eq!(items[0], "Maandlasten als eigenaar vergeleken met de huur");
        assert!(items.iter().all(|item| item.chars().count() <= MAX_ITEM_CHARS));
        assert_eq!(parse_checklist(&show_checklist(&items)), Ok(items.iter().map(|i| i.to_string()).collect()));
    }

    #[test]
    fn lines_are_trimmed_and_blank_lines_skipped() {
        assert_eq!(
            parse_checklist("  Hypotheek \r\n\n\t\nVvE-bijdrage\n"),
            Ok(vec!["Hypotheek".to_string(), "VvE-bijdrage".to_string()])
        );
        assert_eq!(parse_checklist("één"), Ok(vec!["één".to_string()]));
    }

    #[test]
    fn an_empty_checklist_is_refused() {
        assert_eq!(parse_checklist(""), Err(ChecklistProblem::Empty));
        assert_eq!(parse_checklist("  \n \r\n\t"), Err(ChecklistProblem::Empty));
    }

    #[test]
    fn at_most_thirty_items() {
        let items = |n: usize| (1..=n).map(|i| format!("Onderwerp {i}")).collect::<Vec<_>>().join("\n");
        assert_eq!(parse_checklist(&items(30)).map(|list| list.len()), Ok(30));
        assert_eq!(parse_checklist(&items(31)), Err(ChecklistProblem::TooMany));
        // Blank lines do not count as items.
        assert_eq!(parse_checklist(&format!("{}\n\n\n", items(30))).map(|list| list.len()), Ok(30));
    }

    #[test]
    fn at_most_three_hundred_characters_an_item() {
        let exactly = "a".repeat(300);
        assert_eq!(parse_checklist(&exactly), Ok(vec![exactly.clone()]));
        // Characters, not bytes: 300 × "é" is 600 bytes.
        assert_eq!(parse_checklist(&"é".repeat(300)).map(|list| list.len()), Ok(1));
        // Surrounding spaces are trimmed before counting.
        assert_eq!(parse_checklist(&format!("  {exactly}  ")), Ok(vec![exactly.clone()]));
        let text = format!("Eerste\n\n{}\nVierde", "a".repeat(301));
        assert_eq!(parse_checklist(&text), Err(ChecklistProblem::TooLong { line: 3 }));
    }

    #[test]
    fn a_repeated_item_is_refused_at_its_line() {
        assert_eq!(parse_checklist("VvE\nOnderhoud\n\nvve"), Err(ChecklistProblem::Duplicate { line: 4 }));
        assert_eq!(parse_checklist("Onderhoud\n  Onderhoud  "), Err(ChecklistProblem::Duplicate { line: 2 }));
    }

    #[test]
    fn the_first_problem_from_the_top() {
        let text = format!("A\nA\n{}", "b".repeat(301));
        assert_eq!(parse_checklist(&text), Err(ChecklistProblem::Duplicate { line: 2 }));
    }

    #[test]
    fn monthly_difference() {
        // € 950,00 owning against € 720,00 rent: € 230,00 more.
        assert_eq!(monthly_difference_cents(95_000, 72_000), 23_000);
        assert_eq!(monthly_difference_cents(60_000, 72_000), -12_000);
        assert_eq!(monthly_difference_cents(72_000, 72_000), 0);
    }
}
