//! Files that are hostile, or just not what they claim: each gets an error that names its line and column and says
//! what is wrong, and no value is echoed whole.

use super::*;

const HEADER: &str = "idExtern;straatnaam;huisnummer;postcode;woonplaats;nettohuur";

fn read(bytes: &[u8]) -> (Vec<ParsedRow>, Vec<RowError>, Vec<ImportWarning>) {
    let reader = StockReader::new(bytes).expect("header");
    let warnings = reader.warnings().to_vec();
    let (mut rows, mut errors) = (Vec::new(), Vec::new());
    for item in reader {
        match item {
            Ok(row) => rows.push(row),
            Err(mut e) => errors.append(&mut e),
        }
    }
    (rows, errors, warnings)
}

fn file(rows: &[&str]) -> String {
    format!("{HEADER}\n{}\n", rows.join("\n"))
}

#[test]
fn a_nul_byte_is_refused_on_its_line_and_column_and_echoed_as_an_escape() {
    let content =
        file(&["A1;Kerkstraat;1;1234AB;Stad;", "A2;Kerk\0straat;2;1234AB;Stad;", "A3;Kerkstraat;3;1234AB;St\u{1}ad;"]);
    let (rows, errors, _) = read(content.as_bytes());
    assert_eq!(rows.len(), 1);
    assert_eq!(errors.len(), 2, "one error per refused value: {errors:?}");
    assert_eq!((errors[0].line, errors[0].column.as_str()), (3, "straatnaam"));
    assert_eq!(errors[0].reason, RowProblem::ControlCharacter { code: 0 });
    assert_eq!(errors[0].value, "Kerk[U+0000]straat", "the echo holds no NUL");
    assert!(errors[0].reason.to_string().contains("U+0000"), "{}", errors[0].reason);
    assert_eq!((errors[1].line, errors[1].column.as_str()), (4, "woonplaats"));
    assert_eq!(errors[1].reason, RowProblem::ControlCharacter { code: 1 });
}

#[test]
fn a_direction_override_is_refused_and_a_euro_sign_is_not() {
    let content = file(&["A1;Laan;1;1234AB;St\u{202e}ad;", "A2;Laan – Oost €;2;1234AB;Stad;"]);
    let (rows, errors, _) = read(content.as_bytes());
    assert_eq!(rows.len(), 1);
    assert_eq!((errors[0].line, errors[0].column.as_str()), (2, "woonplaats"));
    assert_eq!(errors[0].reason, RowProblem::ControlCharacter { code: 0x202e });
}

#[test]
fn a_line_break_in_a_quoted_value_becomes_a_space() {
    let content = file(&["A1;\"Kerk\nstraat\";1;1234AB;Stad;", "A2;Laan;2;1234AB;\"Oud \r\n\r\n Beijerland\n\";"]);
    let (rows, errors, _) = read(content.as_bytes());
    assert!(errors.is_empty(), "{errors:?}");
    let names: Vec<(&str, &str)> =
        rows.iter().map(|r| (r.unit.straatnaam.as_str(), r.unit.woonplaats.as_str())).collect();
    assert_eq!(names, [("Kerk straat", "Stad"), ("Laan", "Oud Beijerland")]);
}

#[test]
fn a_byte_order_mark_in_the_middle_of_a_file_is_refused() {
    // Two exports pasted together: the second one's BOM starts a line.
    let content = format!("\u{feff}{HEADER}\nA1;Laan;1;1234AB;Stad;\n\u{feff}VHE00000005;Laan;5;1234AB;Stad;\n");
    let (rows, errors, _) = read(content.as_bytes());
    assert_eq!(rows.len(), 1, "the BOM of the first line is the file's own");
    assert_eq!((errors.len(), errors[0].line, errors[0].column.as_str()), (1, 3, "idExtern"));
    assert_eq!(errors[0].reason, RowProblem::ByteOrderMark);
    assert_eq!(errors[0].value, "[U+FEFF]VHE00000005");
}

#[test]
fn a_header_of_millions_of_columns_is_refused_without_reading_it_whole() {
    let mut huge = String::from(HEADER);
    huge.push_str(&";x".repeat(2_000_000));
    assert_eq!(StockReader::new(huge.as_bytes()).err(), Some(FileError::HeaderTooLarge { max_mb: 1 }));
    let mut wide = String::from(HEADER);
    for i in 0..MAX_COLUMNS {
        wide.push_str(&format!(";k{i}"));
    }
    let found = MAX_COLUMNS + 6;
    assert_eq!(StockReader::new(wide.as_bytes()).err(), Some(FileError::TooManyColumns { found, max: MAX_COLUMNS }));
}

#[test]
fn ten_thousand_unknown_columns_give_one_warning() {
    let mut header = String::from(HEADER);
    for i in 0..10_000 {
        header.push_str(&format!(";extra{i}"));
    }
    // Every row has every field (a row with fewer is refused), these empty.
    let content = format!("{header}\nA1;Laan;1;1234AB;Stad;{}\n", ";".repeat(10_000));
    let (rows, errors, warnings) = read(content.as_bytes());
    assert_eq!((rows.len(), errors.len(), warnings.len()), (1, 0, 1));
    let ImportWarning::UnknownColumns { count, names } = &warnings[0] else { panic!("{warnings:?}") };
    assert_eq!((*count, names.as_str()), (10_000, "extra0, extra1, extra2, extra3, extra4, …"));
    assert!(warnings[0].to_string().starts_with("10000 kolommen zijn onbekend"), "{}", warnings[0]);
}

#[test]
fn a_value_of_megabytes_stops_the_file_on_its_line_and_is_not_echoed() {
    let big = "x".repeat(3 << 20);
    for value in [big.clone(), format!("\"{}\n{}\"", &big[..1 << 19], &big[..1 << 20])] {
        let content =
            file(&["A1;Laan;1;1234AB;Stad;", &format!("A2;{value};2;1234AB;Stad;"), "A3;Laan;3;1234AB;Stad;"]);
        let (rows, errors, _) = read(content.as_bytes());
        assert_eq!(rows.len(), 1, "the rows before it are read");
        assert_eq!(errors.len(), 1, "reading stops there: {:?}", errors.iter().map(|e| &e.reason).collect::<Vec<_>>());
        assert_eq!((errors[0].line, errors[0].column.as_str()), (3, WHOLE_ROW));
        assert_eq!(errors[0].reason, RowProblem::RowTooLarge { max_mb: 1 });
        assert!(errors[0].value.is_empty());
    }
}

#[test]
fn every_kept_text_has_a_length_limit_and_echoes_are_cut() {
    let long_street = "S".repeat(81);
    let long_postcode = "9".repeat(50_000);
    let content = format!(
        "idExtern;clusterCode;clusterNaam;soort;straatnaam;huisnummer;postcode;woonplaats\n\
         A1;{};{};{};{long_street};1;1234AB;{}\n\
         A2;C;N;WON;Laan;1;{long_postcode};Stad\n\
         A3;C;N;WON;{};1;1234AB;Stad\n",
        "C".repeat(65),
        "N".repeat(201),
        "W".repeat(33),
        "T".repeat(81),
        "S".repeat(80),
    );
    let (rows, errors, _) = read(content.as_bytes());
    assert_eq!(rows.len(), 1, "80 characters are allowed: {errors:?}");
    let at = |line: u64, column: &str| errors.iter().find(|e| e.line == line && e.column == column).map(|e| &e.reason);
    assert_eq!(at(2, "clusterCode"), Some(&RowProblem::TooLong { max: 64 }));
    assert_eq!(at(2, "clusterNaam"), Some(&RowProblem::TooLong { max: 200 }));
    assert_eq!(at(2, "soort"), Some(&RowProblem::TooLong { max: 32 }));
    assert_eq!(at(2, "straatnaam"), Some(&RowProblem::TooLong { max: 80 }));
    assert_eq!(at(2, "woonplaats"), Some(&RowProblem::TooLong { max: 80 }));
    let postcode = errors.iter().find(|e| e.column == "postcode").expect("postcode refused");
    assert_eq!(postcode.value, format!("{}…", "9".repeat(ECHO_CHARS)), "the echo is a short prefix");
    assert!(errors.iter().all(|e| e.value.chars().count() <= ECHO_CHARS + 1));
}

#[test]
fn utf16_and_other_separators_are_named_for_what_they_are() {
    let utf16_le: Vec<u8> = std::iter::once(0xfeff_u16)
        .chain(format!("{HEADER}\r\nA1;Laan;1;1234AB;Stad;\r\n").encode_utf16())
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(StockReader::new(&utf16_le[..]).err(), Some(FileError::Utf16));
    let without_bom: Vec<u8> = HEADER.encode_utf16().flat_map(u16::to_be_bytes).collect();
    assert_eq!(StockReader::new(&without_bom[..]).err(), Some(FileError::Utf16));
    let error = StockReader::new(&utf16_le[..]).err().expect("refused");
    assert!(error.to_string().starts_with("dit lijkt UTF-16"), "{error}");

    let tabs = format!("{}\nA1\tLaan\t1\t1234AB\tStad\t\n", HEADER.replace(';', "\t"));
    assert_eq!(StockReader::new(tabs.as_bytes()).err(), Some(FileError::UnsupportedSeparator(Separator::Tab)));
    let pipes = HEADER.replace(';', "|");
    assert_eq!(StockReader::new(pipes.as_bytes()).err(), Some(FileError::UnsupportedSeparator(Separator::Pipe)));
    let error = StockReader::new(tabs.as_bytes()).err().expect("refused");
    assert!(error.to_string().contains("gescheiden door tabs"), "{error}");
    // A file that is no text at all is named so (a random file was "separated by |-signs"); a NUL in a value of a
    // text file stays that row's problem.
    let binary: Vec<u8> = (0..2048u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    assert_eq!(StockReader::new(&binary[..]).err(), Some(FileError::NotText));
    // An .xlsx: a zip's local header, then compressed data.
    let zipped = [b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00".as_slice(), &binary[..512]].concat();
    assert_eq!(StockReader::new(&zipped[..]).err(), Some(FileError::NotText), "an .xlsx");
    // Files that start as what they are, full of zeros or mostly text (they were "UTF-16" and "columns missing").
    let xlsx = [b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00".as_slice(), &[0u8; 64]].concat();
    assert_eq!(StockReader::new(&xlsx[..]).err(), Some(FileError::NotText), "a zip's zeros are no UTF-16");
    let pdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n";
    assert_eq!(StockReader::new(pdf.as_bytes()).err(), Some(FileError::NotText), "a PDF");
    let png = [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".as_slice(), &[0u8; 16]].concat();
    assert_eq!(StockReader::new(&png[..]).err(), Some(FileError::NotText), "a small PNG");
    let with_nul = format!("{HEADER}\nA1;Laan\u{0};1;1234AB;Stad;\n");
    assert!(StockReader::new(with_nul.as_bytes()).is_ok(), "a text file with a NUL in a value");
    // A file that is simply missing a column still says so.
    let missing = StockReader::new("idExtern;straat;huisnummer\n".as_bytes()).err();
    assert_eq!(missing, Some(FileError::MissingColumns("straatnaam, postcode, woonplaats".into())));
}

#[test]
fn an_unterminated_quote_is_named_on_its_line() {
    let content = file(&["A1;Laan;1;1234AB;Stad;", "", "A2;\"Laan;2;1234AB;Stad;", "A3;Laan;3;1234AB;Stad;"]);
    let (rows, errors, _) = read(content.as_bytes());
    assert_eq!(rows.len(), 1);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!((errors[0].line, errors[0].reason.clone()), (4, RowProblem::UnterminatedQuote));
    // A closed quote on the last line, with a line break inside and none at the end, is fine.
    let closed = format!("{HEADER}\nA1;\"Laan\nachter\";1;1234AB;Stad;");
    let (rows, errors, _) = read(closed.as_bytes());
    assert_eq!((rows.len(), errors.len()), (1, 0), "{errors:?}");
    let closed_with_break = format!("{HEADER}\nA1;Laan;1;1234AB;\"Stad\n\";\n");
    let (rows, errors, _) = read(closed_with_break.as_bytes());
    assert_eq!((rows.len(), errors.len()), (1, 0), "{errors:?}");
    let header = StockReader::new("idExtern;\"straatnaam;huisnummer\n".as_bytes()).err();
    assert_eq!(header, Some(FileError::UnterminatedQuote { line: 1 }));
}
