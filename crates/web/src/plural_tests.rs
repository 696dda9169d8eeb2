//! Counts are said with their plural in both languages (issue 18): Fluent's CLDR rules pick the form, so "1 eenheid"
//! and "21 eenheden", "1 unit" and "0 units". Dutch and English both have `one` for exactly 1 and `other` for the rest.

use crate::i18n::{CalendarTexts, Lang, PickersTexts};

/// Each count with the text expected for it.
const COUNTS: [i64; 4] = [0, 1, 2, 21];

fn says(text: impl Fn(i64) -> String, nl_or_en: [&str; 4]) {
    for (n, expected) in COUNTS.iter().zip(nl_or_en) {
        assert_eq!(text(*n), expected, "n = {n}");
    }
}

#[test]
fn units_errors_and_rows_in_dutch_and_english() {
    let (nl, en) = (PickersTexts::of(Lang::Nl), PickersTexts::of(Lang::En));
    says(
        |n| nl.import_missing(n),
        [
            "0 eenheden staan niet in het bestand",
            "1 eenheid staat niet in het bestand",
            "2 eenheden staan niet in het bestand",
            "21 eenheden staan niet in het bestand",
        ],
    );
    says(
        |n| en.import_missing(n),
        [
            "0 units are missing from the file",
            "1 unit is missing from the file",
            "2 units are missing from the file",
            "21 units are missing from the file",
        ],
    );
    says(|n| nl.import_error_count(n), ["0 fouten.", "1 fout.", "2 fouten.", "21 fouten."]);
    says(|n| en.import_error_count(n), ["0 errors.", "1 error.", "2 errors.", "21 errors."]);
    says(|n| nl.import_rows_read(n), ["0 regels gelezen", "1 regel gelezen", "2 regels gelezen", "21 regels gelezen"]);
    says(|n| en.import_rows_read(n), ["0 rows read", "1 row read", "2 rows read", "21 rows read"]);
    assert_eq!(nl.import_counts(0, 1, 1, 0), "1 eenheid: 1 nieuw, 0 gewijzigd, 0 ongewijzigd.");
    assert_eq!(nl.import_counts(1, 20, 21, 0), "21 eenheden: 20 nieuw, 1 gewijzigd, 0 ongewijzigd.");
    assert_eq!(en.import_counts(0, 1, 1, 0), "1 unit: 1 new, 0 changed, 0 unchanged.");
    assert_eq!(en.import_counts(0, 0, 0, 0), "0 units: 0 new, 0 changed, 0 unchanged.");
}

#[test]
fn complexes_participants_and_results_in_dutch_and_english() {
    let (nl, en) = (PickersTexts::of(Lang::Nl), PickersTexts::of(Lang::En));
    says(|n| nl.complex_count(n), ["0 complexen", "1 complex", "2 complexen", "21 complexen"]);
    says(|n| en.complex_count(n), ["0 complexes", "1 complex", "2 complexes", "21 complexes"]);
    says(|n| nl.participants(n), ["0 deelnemers", "1 deelnemer", "2 deelnemers", "21 deelnemers"]);
    says(|n| en.participants(n), ["0 participants", "1 participant", "2 participants", "21 participants"]);
    says(|n| nl.picker_results(n), ["0 resultaten", "1 resultaat", "2 resultaten", "21 resultaten"]);
    says(|n| en.picker_results(n), ["0 results", "1 result", "2 results", "21 results"]);
}

#[test]
fn recomputed_deadlines_and_an_empty_stock_in_dutch_and_english() {
    let (nl, en) = (CalendarTexts::of(Lang::Nl), CalendarTexts::of(Lang::En));
    assert_eq!(nl.decree_saved(1), "Het besluit is opgeslagen; 1 opgeslagen termijn is opnieuw berekend.");
    assert_eq!(nl.decree_saved(21), "Het besluit is opgeslagen; 21 opgeslagen termijnen zijn opnieuw berekend.");
    assert_eq!(en.decree_saved(1), "The decree was saved; 1 stored deadline was recomputed.");
    assert_eq!(en.decree_saved(0), "The decree was saved; 0 stored deadlines were recomputed.");
    let (nl, en) = (Lang::Nl.import(), Lang::En.import());
    assert!(nl.empty_stock_unconfirmed(1).contains("zou het de 1 eenheid buiten gebruik zetten"));
    assert!(nl.empty_stock_unconfirmed(21).contains("zou het alle 21 eenheden buiten gebruik zetten"));
    assert!(en.empty_stock_unconfirmed(1).contains("would mark its 1 unit out of use"));
    assert!(en.empty_stock_unconfirmed(2).contains("would mark all 2 units out of use"));
}

#[test]
fn map_counts_and_days_keep_their_plural() {
    let (t, ov) = (Lang::Nl.texts(), Lang::Nl.overleg());
    says(
        |n| t.stock_map_units(n),
        ["0 eenheden in beeld", "1 eenheid in beeld", "2 eenheden in beeld", "21 eenheden in beeld"],
    );
    assert_eq!(ov.days(1), "nog 1 dag");
    assert_eq!(ov.days(21), "nog 21 dagen");
    assert_eq!(Lang::En.overleg().days(1), "1 day left");
}
