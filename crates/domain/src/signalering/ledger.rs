//! The arrears ledger: one row per household in arrears, as Dutch ERPs and Excel export it (`;` or `,`, decimal
//! comma, dates as `d-m-jjjj` or `jjjj-mm-dd`, yes/no as `ja`/`nee`). Read with every check of the stock file
//! ([`TableReader`]): each problem named by line, column and reason. See `docs/ledger-format.md`.

use crate::bezit::import::{FileError, Row, RowError, RowProblem, Table, TableReader};
use crate::money::Money;
use time::{Date, Month};

/// The ledger's columns, by header name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LedgerColumn {
    /// `contractnummer`: the rental contract (required; one row per contract).
    Contract,
    /// `eenheid`: the unit's `idExtern` in Bezit (required); the address the signal carries comes from the stock.
    Unit,
    /// `naam`: the tenant's name (required).
    Name,
    /// `adres`: the address as the ledger has it; read but not used (the stock's address with its BAG id is).
    Address,
    /// `telefoon`.
    Phone,
    /// `email`.
    Email,
    /// `bedrag`: the amount in arrears (required, more than zero).
    Amount,
    /// `achterstandSinds`: the day the arrears arose (required).
    ArrearsSince,
    /// `aanmaningDatum`: the day of the first written reminder (condition c); one before `achterstandSinds` does not
    /// count.
    ReminderOn,
    /// `aanbodDatum`: the day of the written reminder that offered to pass the details on (condition d); the
    /// tenant's time to object counts from it, as the days late count from `achterstandSinds`.
    OfferOn,
    /// `contactpogingDatum`: the day of the last attempt at personal contact (condition a).
    ContactOn,
    /// `contactpogingSoort`: telefoon, huisbezoek, brief, email, sms.
    ContactKind,
    /// `contactBereikt`: whether that attempt reached the tenant (ja/nee).
    ContactReached,
    /// `schuldhulpGewezen`: whether the tenant was pointed to debt help (condition b; ja/nee).
    DebtHelpPointed,
    /// `bezwaar`: whether the tenant objected to passing the details on (ja/nee).
    Objection,
    /// `regeling`: the payment arrangement: geen, lopend (being kept), nagekomen, niet-nagekomen.
    Arrangement,
}

impl LedgerColumn {
    /// Every column, in template order.
    pub const ALL: [LedgerColumn; 16] = [
        LedgerColumn::Contract,
        LedgerColumn::Unit,
        LedgerColumn::Name,
        LedgerColumn::Address,
        LedgerColumn::Phone,
        LedgerColumn::Email,
        LedgerColumn::Amount,
        LedgerColumn::ArrearsSince,
        LedgerColumn::ReminderOn,
        LedgerColumn::OfferOn,
        LedgerColumn::ContactOn,
        LedgerColumn::ContactKind,
        LedgerColumn::ContactReached,
        LedgerColumn::DebtHelpPointed,
        LedgerColumn::Objection,
        LedgerColumn::Arrangement,
    ];

    /// The columns a ledger must have. The conditions' columns may be absent: a household without them is simply
    /// not signalled, and its verdict says why. The objection and the arrangement may not: each stops a signal, so
    /// their absence must never read as "none" (a wrong export would then pass on a tenant who objected); every row
    /// states them.
    pub const REQUIRED: [LedgerColumn; 7] = [
        LedgerColumn::Contract,
        LedgerColumn::Unit,
        LedgerColumn::Name,
        LedgerColumn::Amount,
        LedgerColumn::ArrearsSince,
        LedgerColumn::Objection,
        LedgerColumn::Arrangement,
    ];

    /// The header name.
    pub fn name(self) -> &'static str {
        match self {
            LedgerColumn::Contract => "contractnummer",
            LedgerColumn::Unit => "eenheid",
            LedgerColumn::Name => "naam",
            LedgerColumn::Address => "adres",
            LedgerColumn::Phone => "telefoon",
            LedgerColumn::Email => "email",
            LedgerColumn::Amount => "bedrag",
            LedgerColumn::ArrearsSince => "achterstandSinds",
            LedgerColumn::ReminderOn => "aanmaningDatum",
            LedgerColumn::OfferOn => "aanbodDatum",
            LedgerColumn::ContactOn => "contactpogingDatum",
            LedgerColumn::ContactKind => "contactpogingSoort",
            LedgerColumn::ContactReached => "contactBereikt",
            LedgerColumn::DebtHelpPointed => "schuldhulpGewezen",
            LedgerColumn::Objection => "bezwaar",
            LedgerColumn::Arrangement => "regeling",
        }
    }
}

/// How the corporation tried to reach the tenant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactKind {
    /// By phone.
    Phone,
    /// A home visit.
    Visit,
    /// A letter (other than the written reminder).
    Letter,
    /// By e-mail.
    Email,
    /// By text message.
    Sms,
}

impl ContactKind {
    /// Every kind.
    pub const ALL: [ContactKind; 5] =
        [ContactKind::Phone, ContactKind::Visit, ContactKind::Letter, ContactKind::Email, ContactKind::Sms];

    /// The code in the ledger and the database.
    pub fn code(self) -> &'static str {
        match self {
            ContactKind::Phone => "telefoon",
            ContactKind::Visit => "huisbezoek",
            ContactKind::Letter => "brief",
            ContactKind::Email => "email",
            ContactKind::Sms => "sms",
        }
    }

    /// Reads a code (case and spaces ignored).
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim().to_lowercase();
        Self::ALL.into_iter().find(|k| k.code() == text || (text == "e-mail" && *k == ContactKind::Email))
    }

    /// Whether an attempt of this kind is one at *personal* contact (condition a): a call or a visit, where the
    /// tenant can answer there and then. A letter, e-mail or text message is written, not personal contact.
    pub fn is_personal(self) -> bool {
        matches!(self, ContactKind::Phone | ContactKind::Visit)
    }
}

/// The household's payment arrangement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Arrangement {
    /// None.
    #[default]
    None,
    /// Agreed and being kept: no signal while it is.
    Kept,
    /// Paid off as agreed.
    Completed,
    /// Agreed and not kept.
    Broken,
}

impl Arrangement {
    /// Every status.
    pub const ALL: [Arrangement; 4] =
        [Arrangement::None, Arrangement::Kept, Arrangement::Completed, Arrangement::Broken];

    /// The code in the ledger and the database.
    pub fn code(self) -> &'static str {
        match self {
            Arrangement::None => "geen",
            Arrangement::Kept => "lopend",
            Arrangement::Completed => "nagekomen",
            Arrangement::Broken => "niet-nagekomen",
        }
    }

    /// Reads a code (case, spaces and `_`/` ` for `-` ignored).
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim().to_lowercase().replace([' ', '_'], "-");
        Self::ALL.into_iter().find(|a| a.code() == text)
    }
}

/// One household of the ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Household {
    /// The line in the file.
    pub line: u64,
    /// The rental contract.
    pub contract: String,
    /// The unit's `idExtern`.
    pub unit: String,
    /// The tenant's name.
    pub name: String,
    /// Phone, when known.
    pub phone: Option<String>,
    /// E-mail, when known.
    pub email: Option<String>,
    /// The amount in arrears.
    pub amount: Money,
    /// The day the arrears arose.
    pub arrears_since: Date,
    /// The first written reminder.
    pub reminder_on: Option<Date>,
    /// The written reminder that offered to pass the details on.
    pub offer_on: Option<Date>,
    /// The last attempt at personal contact.
    pub contact_on: Option<Date>,
    /// How.
    pub contact_kind: Option<ContactKind>,
    /// Whether it reached the tenant.
    pub contact_reached: bool,
    /// Whether the tenant was pointed to debt help.
    pub debt_help_pointed: bool,
    /// Whether the tenant objected.
    pub objection: bool,
    /// The payment arrangement.
    pub arrangement: Arrangement,
}

/// The days in `households` that lie after `today`, the day the ledger is decided on: arrears, a reminder or a
/// contact attempt of tomorrow is a typing error (1-6-2099), and the terms counted from it would be wrong.
pub fn days_after(households: &[Household], today: Date) -> Vec<RowError> {
    let mut errors = Vec::new();
    for household in households {
        let days = [
            (LedgerColumn::ArrearsSince, Some(household.arrears_since)),
            (LedgerColumn::ReminderOn, household.reminder_on),
            (LedgerColumn::OfferOn, household.offer_on),
            (LedgerColumn::ContactOn, household.contact_on),
        ];
        for (column, day) in days {
            if let Some(day) = day.filter(|day| *day > today) {
                errors.push(RowError {
                    line: household.line,
                    column: column.name().into(),
                    value: format!("{}-{}-{}", day.day(), u8::from(day.month()), day.year()),
                    reason: RowProblem::AfterToday,
                });
            }
        }
    }
    errors
}

/// The fewest open signals a ledger must count as resolved before a sender who cannot see the consequences (the
/// API) is asked to confirm them.
pub const CONFIRM_RESOLVING_FROM: i64 = 5;

/// Whether a ledger that would count `resolving` of the `open` signals' arrears as resolved (their contracts are not
/// in it) is sent only when confirmed: more than half of them, and at least [`CONFIRM_RESOLVING_FROM`]. A complete
/// monthly ledger resolves some; a file cut short resolves nearly all (one row resolved 32 of 32 in an audit).
pub fn resolving_needs_confirmation(resolving: i64, open: i64) -> bool {
    resolving >= CONFIRM_RESOLVING_FROM && resolving * 2 > open
}

/// Reads a ledger file row by row.
pub type LedgerReader<R> = TableReader<R, LedgerColumn>;

/// The largest ledger taken (through the upload page or the API): a national corporation's monthly ledger is a few
/// megabytes; a ledger of every household in the country, one row per unit, about 300.
pub const MAX_LEDGER_BYTES: usize = 50 * 1024 * 1024;

/// A whole ledger: its households, or every row problem (nothing is half read); `Err` when the file cannot be read
/// as a ledger at all.
pub fn read_ledger<R: std::io::BufRead>(input: R) -> Result<Result<Vec<Household>, Vec<RowError>>, FileError> {
    let rows = read_ledger_rows(input)?;
    Ok(if rows.problems.is_empty() { Ok(rows.households) } else { Err(rows.problems) })
}

/// Every row of a ledger: the households that read, beside the problems of the rows that did not. A ledger with
/// problems is refused whole, but what it says can still be checked against the stock, so that one answer names
/// every problem (a unit not in the stock, a contract twice) instead of one round per kind.
#[derive(Debug, Default)]
pub struct LedgerRows {
    /// The rows that read.
    pub households: Vec<Household>,
    /// The problems of the rows that did not, by line.
    pub problems: Vec<RowError>,
    /// The line and unit (`eenheid`) of each row that did not read while its unit did: its unit is checked against
    /// the stock as a household's is (a unit whose own text was refused is not).
    pub units_of_refused_rows: Vec<(u64, String)>,
}

/// Reads every row of a ledger ([`LedgerRows`]); `Err` when the file cannot be read as a ledger at all.
pub fn read_ledger_rows<R: std::io::BufRead>(input: R) -> Result<LedgerRows, FileError> {
    let mut rows = LedgerRows::default();
    let mut reader = LedgerReader::new(input)?;
    while let Some(row) = reader.next() {
        match row {
            Ok(household) => rows.households.push(household),
            Err(problems) => {
                let unit_refused = problems.iter().any(|p| p.column == LedgerColumn::Unit.name());
                let unit = reader.current_text(LedgerColumn::Unit).filter(|u| !u.is_empty() && !unit_refused);
                if let (Some(unit), Some(first)) = (unit, problems.first()) {
                    rows.units_of_refused_rows.push((first.line, unit.to_owned()));
                }
                rows.problems.extend(problems);
            }
        }
    }
    Ok(rows)
}

/// Reads `d-m-jjjj`, `d/m/jjjj` or `jjjj-mm-dd`.
pub fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    let parts: Vec<&str> = text.split(['-', '/']).collect();
    let [a, b, c] = parts.as_slice() else { return None };
    let (d, m, y) = if a.len() == 4 { (c, b, a) } else { (a, b, c) };
    if y.len() != 4 || !(1..=2).contains(&d.len()) || !(1..=2).contains(&m.len()) {
        return None;
    }
    let month = Month::try_from(m.parse::<u8>().ok()?).ok()?;
    Date::from_calendar_date(y.parse().ok()?, month, d.parse().ok()?).ok().filter(|d| crate::calendar::plausible(*d))
}

/// Why `text` is no date: the wrong form, or the right form for a day that does not exist ("31-2-2026"), which the
/// person who fixes the file should be told apart.
fn date_problem(text: &str) -> RowProblem {
    let parts: Vec<&str> = text.trim().split(['-', '/']).collect();
    let digits = |p: &&str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    let shaped = match parts.as_slice() {
        [a, b, c] if parts.iter().all(digits) => {
            let (d, m, y) = if a.len() == 4 { (c, b, a) } else { (a, b, c) };
            y.len() == 4 && (1..=2).contains(&d.len()) && (1..=2).contains(&m.len())
        }
        _ => false,
    };
    if shaped {
        RowProblem::NoSuchDate
    } else {
        RowProblem::NotADate
    }
}

/// Reads `ja`/`nee` (also `j`/`n`, `yes`/`no`, `1`/`0`, `waar`/`onwaar`); empty is no.
pub fn parse_yes_no(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "" | "nee" | "n" | "no" | "0" | "onwaar" | "false" => Some(false),
        "ja" | "j" | "yes" | "y" | "1" | "waar" | "true" => Some(true),
        _ => None,
    }
}

impl Table for LedgerColumn {
    type Parsed = Household;
    const ALL: &'static [Self] = &LedgerColumn::ALL;
    const REQUIRED: &'static [Self] = &LedgerColumn::REQUIRED;

    fn name(self) -> &'static str {
        LedgerColumn::name(self)
    }

    fn index(self) -> usize {
        self as usize
    }

    fn max_chars(self) -> Option<usize> {
        match self {
            LedgerColumn::Contract | LedgerColumn::Unit => Some(64),
            LedgerColumn::Name | LedgerColumn::Address => Some(200),
            LedgerColumn::Phone => Some(32),
            LedgerColumn::Email => Some(254),
            _ => None,
        }
    }

    fn parse(row: &mut Row<'_, Self>) -> Option<Household> {
        let date =
            |row: &mut Row<'_, Self>, column| row.parsed(column, |v| parse_date(v).ok_or_else(|| date_problem(v)));
        let yes_no = |row: &mut Row<'_, Self>, column| {
            row.parsed(column, |v| parse_yes_no(v).ok_or(RowProblem::NotYesNo)).unwrap_or(false)
        };
        let contract = row.required(LedgerColumn::Contract);
        let unit = row.required(LedgerColumn::Unit);
        let name = row.required(LedgerColumn::Name);
        let _address = row.optional(LedgerColumn::Address);
        let phone = row.optional(LedgerColumn::Phone);
        let email = row.optional(LedgerColumn::Email);
        if email.as_deref().is_some_and(|e| !e.contains('@')) {
            row.fail(LedgerColumn::Email, RowProblem::NotAnEmail);
        }
        let amount = match row.required(LedgerColumn::Amount) {
            Some(_) => row.parsed(LedgerColumn::Amount, Money::parse),
            None => None,
        };
        if amount.is_some_and(|a| a.cents() <= 0) {
            row.fail(LedgerColumn::Amount, RowProblem::NotPositive);
        }
        let arrears_since = match row.required(LedgerColumn::ArrearsSince) {
            Some(_) => date(row, LedgerColumn::ArrearsSince),
            None => None,
        };
        let reminder_on = date(row, LedgerColumn::ReminderOn);
        let offer_on = date(row, LedgerColumn::OfferOn);
        let contact_on = date(row, LedgerColumn::ContactOn);
        let contact_kind = row.parsed(LedgerColumn::ContactKind, |v| {
            ContactKind::parse(v).ok_or(RowProblem::NotInList { allowed: "telefoon, huisbezoek, brief, email, sms" })
        });
        let contact_reached = yes_no(row, LedgerColumn::ContactReached);
        let debt_help_pointed = yes_no(row, LedgerColumn::DebtHelpPointed);
        // Stated on every row: an empty cell is refused, never read as "no objection" or "no arrangement".
        let objection = match row.required(LedgerColumn::Objection) {
            Some(_) => row.parsed(LedgerColumn::Objection, |v| parse_yes_no(v).ok_or(RowProblem::NotYesNo)),
            None => None,
        };
        let arrangement = match row.required(LedgerColumn::Arrangement) {
            Some(_) => row.parsed(LedgerColumn::Arrangement, |v| {
                Arrangement::parse(v)
                    .ok_or(RowProblem::NotInList { allowed: "geen, lopend, nagekomen, niet-nagekomen" })
            }),
            None => None,
        };
        Some(Household {
            line: row.line,
            contract: contract?,
            unit: unit?,
            name: name?,
            phone,
            email,
            amount: amount?,
            arrears_since: arrears_since?,
            reminder_on,
            offer_on,
            contact_on,
            contact_kind,
            contact_reached,
            debt_help_pointed,
            objection: objection?,
            arrangement: arrangement?,
        })
    }
}

/// The header line of the ledger template, `;`-separated.
pub fn template_header() -> String {
    LedgerColumn::ALL.map(LedgerColumn::name).join(";")
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn read(file: &str) -> Vec<Result<Household, Vec<RowError>>> {
        LedgerReader::new(file.as_bytes()).expect("header").collect()
    }

    const HEADER: &str = "contractnummer;eenheid;naam;telefoon;email;bedrag;achterstandSinds;aanmaningDatum;\
                          aanbodDatum;contactpogingDatum;contactpogingSoort;contactBereikt;schuldhulpGewezen;bezwaar;regeling";

    #[test]
    fn resolving_most_open_signals_asks_for_confirmation() {
        assert!(resolving_needs_confirmation(32, 32));
        assert!(resolving_needs_confirmation(6, 11));
        assert!(!resolving_needs_confirmation(5, 10), "half is not more than half");
        assert!(!resolving_needs_confirmation(4, 4), "a few resolved at once need no confirmation");
        assert!(!resolving_needs_confirmation(0, 0));
    }

    #[test]
    fn a_day_after_the_ledgers_day_is_named_by_line_and_column() {
        let file = format!(
            "{HEADER}\nK1;E1;A;;;10;1-11-2026;1-12-2026;3-12-2026;3-12-2026;telefoon;ja;ja;nee;geen\n\
             K2;E2;B;;;10;1-6-2099;4-12-2026;;;;;nee;nee;geen\n"
        );
        let households: Vec<Household> = read(&file).into_iter().map(|r| r.expect("valid")).collect();
        let today = date!(2026 - 12 - 03);
        let errors = days_after(&households, today);
        let found: Vec<(u64, &str, &str)> =
            errors.iter().map(|e| (e.line, e.column.as_str(), e.value.as_str())).collect();
        assert_eq!(found, [(3, "achterstandSinds", "1-6-2099"), (3, "aanmaningDatum", "4-12-2026")]);
        assert!(errors.iter().all(|e| e.reason == RowProblem::AfterToday));
        assert!(days_after(&households, date!(2099 - 06 - 01)).is_empty(), "today itself is not after today");
    }

    #[test]
    fn reads_a_household_as_excel_writes_it() {
        let file = format!(
            "\u{feff}{HEADER}\r\nC-1;E-1;A. de Vries;06 12345678;a@example.nl;€ 1.234,56;1-9-2026;5-10-2026;\
             5-10-2026;2026-10-01;Telefoon;ja;ja;nee;Lopend\r\n"
        );
        let rows = read(&file);
        let household = rows[0].as_ref().expect("valid row");
        assert_eq!(household.line, 2);
        assert_eq!(household.amount, Money::from_cents(123_456));
        assert_eq!(household.arrears_since, date!(2026 - 09 - 01));
        assert_eq!(household.contact_on, Some(date!(2026 - 10 - 01)));
        assert_eq!(household.contact_kind, Some(ContactKind::Phone));
        assert!(household.contact_reached && household.debt_help_pointed && !household.objection);
        assert_eq!(household.arrangement, Arrangement::Kept);
    }

    /// A refused row's unit is still handed on to be checked against the stock, unless the unit itself was refused
    /// or the row could not be split into its fields; a row before it lends it nothing.
    #[test]
    fn a_refused_row_hands_on_its_unit() {
        let long = "E".repeat(200);
        let file = format!(
            "{HEADER}\nC-1;E-1;Naam;;;10;1-1-2026;;;;;;;nee;geen\nC-2;E-2;Naam;;;tien;1-1-2026;;;;;;;nee;geen\n\
             C-3;{long};Naam;;;elf;1-1-2026;;;;;;;nee;geen\nC-4;E-4;Naam\nC-5;;Naam;;;10;1-1-2026;;;;;;;nee;geen\n"
        );
        let rows = read_ledger_rows(file.as_bytes()).expect("a ledger");
        assert_eq!(rows.households.len(), 1);
        assert_eq!(rows.units_of_refused_rows, [(3, "E-2".to_owned())]);
        let lines: Vec<(u64, &str)> = rows.problems.iter().map(|p| (p.line, p.column.as_str())).collect();
        let whole = crate::bezit::import::WHOLE_ROW;
        assert_eq!(lines, [(3, "bedrag"), (4, "eenheid"), (4, "bedrag"), (5, whole), (6, "eenheid")]);
    }

    #[test]
    fn names_each_bad_value_by_line_and_column() {
        let file = format!(
            "{HEADER}\nC-1;E-1;Naam;;geen-mail;-5;31-2-2026;x;;;fax;misschien;;;afgelost\n;E-2;Naam;;;10;1-1-2026;;;;;;;;\n"
        );
        let rows = read(&file);
        let errors = rows[0].as_ref().expect_err("refused");
        let columns: Vec<(&str, &RowProblem)> = errors.iter().map(|e| (e.column.as_str(), &e.reason)).collect();
        assert_eq!(
            columns,
            vec![
                ("email", &RowProblem::NotAnEmail),
                ("bedrag", &RowProblem::NotPositive),
                ("achterstandSinds", &RowProblem::NoSuchDate),
                ("aanmaningDatum", &RowProblem::NotADate),
                ("contactpogingSoort", &RowProblem::NotInList { allowed: "telefoon, huisbezoek, brief, email, sms" }),
                ("contactBereikt", &RowProblem::NotYesNo),
                ("bezwaar", &RowProblem::Required),
                ("regeling", &RowProblem::NotInList { allowed: "geen, lopend, nagekomen, niet-nagekomen" }),
            ]
        );
        assert!(errors.iter().all(|e| e.line == 2));
        for (text, problem) in [
            ("30-2-2024", RowProblem::NoSuchDate),
            ("2026-13-01", RowProblem::NoSuchDate),
            ("1-1-1850", RowProblem::NoSuchDate),
            ("1-1-26", RowProblem::NotADate),
            ("1 januari 2026", RowProblem::NotADate),
            ("1--2026", RowProblem::NotADate),
        ] {
            assert_eq!(date_problem(text), problem, "{text}");
        }
        let second = rows[1].as_ref().expect_err("no contract");
        assert_eq!((second[0].line, second[0].column.as_str()), (3, "contractnummer"));
    }

    #[test]
    fn a_ledger_without_its_required_columns_is_refused_whole() {
        let refused = LedgerReader::new("contractnummer;naam\nC-1;X\n".as_bytes()).err();
        assert_eq!(
            refused,
            Some(FileError::MissingColumns("eenheid, bedrag, achterstandSinds, bezwaar, regeling".into()))
        );
    }

    #[test]
    fn dates_in_the_shapes_spreadsheets_write() {
        assert_eq!(parse_date("1-7-2026"), Some(date!(2026 - 07 - 01)));
        assert_eq!(parse_date("01/07/2026"), Some(date!(2026 - 07 - 01)));
        assert_eq!(parse_date("2026-07-01"), Some(date!(2026 - 07 - 01)));
        assert_eq!(parse_date("1-7-26"), None);
        assert_eq!(parse_date("29-2-2026"), None);
        assert_eq!(parse_date("0000-01-01"), None, "a valid date, but no arrears begin in year 0");
        assert_eq!(parse_date("1-1-2200"), None);
        assert_eq!(parse_date("1-1-1900"), Some(date!(1900 - 01 - 01)));
        assert_eq!(parse_yes_no("JA"), Some(true));
        assert_eq!(parse_yes_no(""), Some(false));
        assert_eq!(parse_yes_no("wellicht"), None);
    }
}
