//! Translations of the stock import's typed problems (`volkshuis_domain::bezit::import`). The texts are in
//! `i18n/*/import.ftl`; the domain's `Display` is the same Dutch, for the CLI.

use super::ImportTexts;
use volkshuis_domain::bezit::import::{self, FileError, ImportWarning, RowError, RowProblem, Separator};
use volkshuis_domain::ids::{HouseNumberError, IdError};
use volkshuis_domain::money::MoneyError;

impl ImportTexts {
    /// Why a value or row was refused.
    pub fn reason(&self, error: &RowError) -> String {
        self.problem(&error.reason)
    }

    /// A row problem in this language.
    pub fn problem(&self, problem: &RowProblem) -> String {
        match problem {
            RowProblem::Required => self.required.to_owned(),
            RowProblem::TooLong { max } => self.too_long(max),
            RowProblem::NotInteger => self.not_integer.to_owned(),
            RowProblem::OutOfRange { min, max } => self.out_of_range(max, min),
            RowProblem::NotANumber => self.not_a_number.to_owned(),
            RowProblem::AreaOutOfRange { min, max } => self.area_out_of_range(max, min),
            RowProblem::LatLonApart => self.lat_lon_apart.to_owned(),
            RowProblem::RdApart => self.rd_apart.to_owned(),
            RowProblem::OutsideNetherlands => self.outside_netherlands.to_owned(),
            RowProblem::SocialLabel => self.social_label.to_owned(),
            RowProblem::NotADate => self.not_a_date.to_owned(),
            RowProblem::NoSuchDate => self.no_such_date.to_owned(),
            RowProblem::NotYesNo => self.not_yes_no.to_owned(),
            RowProblem::NotInList { allowed } => self.not_in_list(allowed),
            RowProblem::NotAnEmail => self.not_an_email.to_owned(),
            RowProblem::NotPositive => self.not_positive.to_owned(),
            RowProblem::Negative => self.negative.to_owned(),
            RowProblem::NotInVera { list } => self.not_in_vera(*list),
            RowProblem::UnknownUnit => self.unknown_unit.to_owned(),
            RowProblem::NoRows => self.no_rows.to_owned(),
            RowProblem::AfterToday => self.after_today.to_owned(),
            RowProblem::Id(error) => self.id(error),
            RowProblem::Money(error) => self.money(error).to_owned(),
            RowProblem::WrongFieldCount { found, expected } => self.wrong_field_count(expected, found),
            RowProblem::Unreadable { reason } => self.unreadable_from_here(reason),
            RowProblem::Duplicate { first } => self.duplicate(first),
            RowProblem::ControlCharacter { code } => self.control_character(format!("{code:04X}")),
            RowProblem::ByteOrderMark => self.byte_order_mark.to_owned(),
            RowProblem::UnterminatedQuote => self.unterminated_quote.to_owned(),
            RowProblem::RowTooLarge { max_mb } => self.row_too_large(max_mb),
            RowProblem::EmptyStockUnconfirmed { missing } => {
                self.empty_stock_unconfirmed(i64::try_from(*missing).unwrap_or(i64::MAX))
            }
        }
    }

    /// A refused identifier.
    fn id(&self, error: &IdError) -> String {
        match error {
            IdError::Length { expected, found } => self.id_length(expected, found),
            IdError::LeadingZeroLost => self.id_leading_zero_lost.to_owned(),
            IdError::NotDigits => self.id_not_digits.to_owned(),
            IdError::WrongObjectType { expected, found } => self.id_wrong_object_type(expected, found),
            IdError::Postcode => self.id_postcode.to_owned(),
            IdError::CbsCode { kind, example } => {
                let kind = match *kind {
                    "gemeentecode" => self.cbs_gemeentecode,
                    "wijkcode" => self.cbs_wijkcode,
                    _ => self.cbs_buurtcode,
                };
                self.id_cbs_code(example, kind)
            }
            IdError::HouseNumber(part) => match part {
                HouseNumberError::NotInteger => self.house_number_not_integer,
                HouseNumberError::TooLarge => self.house_number_too_large,
                HouseNumberError::OutOfRange => self.house_number_out_of_range,
                HouseNumberError::Letter => self.house_letter,
                HouseNumberError::Addition => self.house_number_addition,
            }
            .to_owned(),
        }
    }

    fn money(&self, error: &MoneyError) -> &'static str {
        match error {
            MoneyError::NotAnAmount => self.money_not_an_amount,
            MoneyError::TooManyDecimals => self.money_too_many_decimals,
            MoneyError::SeparatorTwice => self.money_separator_twice,
            MoneyError::TooLarge => self.money_too_large,
            MoneyError::Ambiguous => self.money_ambiguous,
        }
    }

    /// The column of a row error: the VERA name, or "(row)" for the row as a whole.
    pub fn column<'a>(&self, error: &'a RowError) -> &'a str {
        if error.column == import::WHOLE_ROW {
            self.whole_row
        } else {
            &error.column
        }
    }

    /// A warning about the file.
    pub fn warning(&self, warning: &ImportWarning) -> String {
        match warning {
            ImportWarning::UnknownColumns { count: 1, names } => self.warning_unknown_column(names),
            ImportWarning::UnknownColumns { count, names } => self.warning_unknown_columns(count, names),
            ImportWarning::MissingNotMarked { missing } => {
                self.warning_missing_not_marked(i64::try_from(*missing).unwrap_or(i64::MAX))
            }
        }
    }

    /// Why the file cannot be read at all.
    pub fn file_error(&self, error: &FileError) -> String {
        match error {
            FileError::Empty => self.file_empty.to_owned(),
            FileError::MissingColumns(columns) => self.file_missing_columns(columns),
            FileError::DuplicateColumn(name) => self.file_duplicate_column(name),
            FileError::Unreadable { line, reason } => self.file_unreadable(line, reason),
            FileError::Utf16 => self.file_utf16.to_owned(),
            FileError::NotText => self.file_not_text.to_owned(),
            FileError::UnsupportedSeparator(Separator::Tab) => self.file_separator_tab.to_owned(),
            FileError::UnsupportedSeparator(Separator::Pipe) => self.file_separator_pipe.to_owned(),
            FileError::HeaderTooLarge { max_mb } => self.file_header_too_large(max_mb),
            FileError::TooManyColumns { found, max } => self.file_too_many_columns(found, max),
            FileError::UnterminatedQuote { line } => self.file_unterminated_quote(line),
        }
    }

    /// The error report, a `;`-separated CSV, in this language (lines, columns and values as the domain found them).
    pub fn report_csv(&self, errors: &[RowError]) -> String {
        let header = [self.report_line, self.report_column, self.report_value, self.report_reason];
        import::error_report_csv_with(errors, header, |e| self.column(e).to_owned(), |e| self.reason(e))
    }
}

#[cfg(test)]
mod tests {
    use super::super::Lang;
    use volkshuis_domain::bezit::import::{error_report_csv, ImportWarning, RowError, RowProblem, WHOLE_ROW};
    use volkshuis_domain::ids::{HouseNumberError, IdError};

    fn error(reason: RowProblem) -> RowError {
        RowError { line: 4, column: "idExtern".into(), value: "VHE-1".into(), reason }
    }

    #[test]
    fn a_typed_import_error_reads_in_dutch_and_english() {
        let (nl, en) = (Lang::Nl.import(), Lang::En.import());
        let duplicate = error(RowProblem::Duplicate { first: 2 });
        assert_eq!(nl.reason(&duplicate), "komt al voor op regel 2");
        assert_eq!(en.reason(&duplicate), "already appears on line 2");
        let fields =
            RowError { column: WHOLE_ROW.into(), ..error(RowProblem::WrongFieldCount { found: 6, expected: 5 }) };
        assert_eq!((nl.column(&fields), nl.reason(&fields).as_str()), ("(rij)", "heeft 6 velden, de kop heeft er 5"));
        assert_eq!((en.column(&fields), en.reason(&fields).as_str()), ("(row)", "has 6 fields, the header has 5"));
        let letter = error(RowProblem::Id(IdError::HouseNumber(HouseNumberError::Letter)));
        assert_eq!(en.reason(&letter), "house letter must be one letter");
        let missing = ImportWarning::MissingNotMarked { missing: 1 };
        assert!(en.warning(&missing).starts_with("1 unit is missing from the file"), "{}", en.warning(&missing));
        assert_eq!(
            en.report_csv(std::slice::from_ref(&duplicate)),
            "line;column;value;reason\n4;idExtern;VHE-1;already appears on line 2\n"
        );
    }

    #[test]
    fn the_dutch_translation_is_the_domains_dutch() {
        let nl = Lang::Nl.import();
        let problems = [
            RowProblem::Required,
            RowProblem::TooLong { max: 64 },
            RowProblem::NotInteger,
            RowProblem::OutOfRange { min: 1000, max: 2100 },
            RowProblem::NotANumber,
            RowProblem::AreaOutOfRange { min: 1, max: 100_000 },
            RowProblem::LatLonApart,
            RowProblem::RdApart,
            RowProblem::OutsideNetherlands,
            RowProblem::SocialLabel,
            RowProblem::NotADate,
            RowProblem::NoSuchDate,
            RowProblem::NotYesNo,
            RowProblem::NotInList { allowed: "geen, lopend" },
            RowProblem::NotAnEmail,
            RowProblem::NotPositive,
            RowProblem::Negative,
            RowProblem::NotInVera { list: "EENHEIDSOORT" },
            RowProblem::UnknownUnit,
            RowProblem::NoRows,
            RowProblem::AfterToday,
            RowProblem::Id(IdError::Length { expected: 16, found: 14 }),
            RowProblem::Id(IdError::LeadingZeroLost),
            RowProblem::Id(IdError::NotDigits),
            RowProblem::Id(IdError::WrongObjectType { expected: "01", found: "10".into() }),
            RowProblem::Id(IdError::Postcode),
            RowProblem::Id(IdError::CbsCode { kind: "wijkcode", example: "WK036301" }),
            RowProblem::Id(IdError::HouseNumber(HouseNumberError::Addition)),
            RowProblem::Money(volkshuis_domain::money::MoneyError::TooManyDecimals),
            RowProblem::WrongFieldCount { found: 6, expected: 5 },
            RowProblem::Unreadable { reason: "x".into() },
            RowProblem::Duplicate { first: 2 },
            RowProblem::ControlCharacter { code: 0 },
            RowProblem::ByteOrderMark,
            RowProblem::UnterminatedQuote,
            RowProblem::RowTooLarge { max_mb: 1 },
            RowProblem::EmptyStockUnconfirmed { missing: 12 },
            RowProblem::EmptyStockUnconfirmed { missing: 1 },
            RowProblem::Money(volkshuis_domain::money::MoneyError::Ambiguous),
            RowProblem::Money(volkshuis_domain::money::MoneyError::SeparatorTwice),
        ];
        let errors: Vec<RowError> = problems.into_iter().map(error).collect();
        assert_eq!(nl.report_csv(&errors), error_report_csv(&errors));
        for warning in [
            ImportWarning::UnknownColumns { count: 1, names: "Opmerking".into() },
            ImportWarning::UnknownColumns { count: 10_000, names: "a, b, c, d, e, …".into() },
            ImportWarning::MissingNotMarked { missing: 3 },
        ] {
            assert_eq!(nl.warning(&warning), warning.to_string());
        }
        use volkshuis_domain::bezit::import::{FileError, Separator};
        let files = [
            FileError::Utf16,
            FileError::UnsupportedSeparator(Separator::Tab),
            FileError::UnsupportedSeparator(Separator::Pipe),
            FileError::HeaderTooLarge { max_mb: 1 },
            FileError::TooManyColumns { found: 20_000, max: 16_384 },
            FileError::UnterminatedQuote { line: 1 },
            FileError::MissingColumns("idExtern".into()),
        ];
        for file in files {
            assert_eq!(nl.file_error(&file), file.to_string());
        }
    }
}
