use super::*;

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

#[test]
fn dutch_excel_semicolons_bom_and_decimal_comma() {
    let file = "\u{feff}idExtern;clusterCode;straatnaam;huisnummer;huisletter;postcode;woonplaats;nettohuur;breedtegraad;lengtegraad;gebruiksoppervlakte;maatschappelijkLabel\r\n\
                VHE-1;C01;Coolsingel;42;a;3011 ad;Rotterdam;€ 1.012,50;51,9225;4,47917;72,5;dae\r\n\
                \r\n\
                VHE-1b;C01;\"Coolsingel\r\nachterzijde\";43;;3011AD;Rotterdam;;;;;\"NDA\"\r\n\
                VHE-1c;C01;Coolsingel;44;;3011AD;Rotterdam;;;;;NDA";
    let (rows, errors, warnings) = read(file.as_bytes());
    assert!(errors.is_empty(), "{errors:?}");
    assert!(warnings.is_empty());
    let unit = &rows[0].unit;
    assert_eq!(rows[0].line, 2);
    assert_eq!(unit.id_extern, "VHE-1");
    assert_eq!(unit.huisnummer.to_string(), "42A");
    assert_eq!(unit.postcode.as_str(), "3011AD");
    assert_eq!(unit.nettohuur, Some(Money::from_cents(101_250)));
    assert_eq!(unit.gebruiksoppervlakte, Some(72.5));
    assert_eq!(unit.label, Some(SocialLabel::Daeb));
    let position = unit.position.expect("position");
    assert!((position.lat - 51.9225).abs() < 1e-9 && (position.lon - 4.47917).abs() < 1e-9);
    assert_eq!(rows[1].line, 4, "after a blank CRLF line");
    assert_eq!(rows[1].unit.straatnaam, "Coolsingel achterzijde", "a wrapped cell is one line");
    assert_eq!(rows[1].unit.label, Some(SocialLabel::NonDaeb), "quoted last field before CRLF");
    assert_eq!(rows[2].line, 6, "after a field spanning two lines; no newline at the end of the file");
}

#[test]
fn commas_with_quoted_separators_blank_lines_and_spaces() {
    let file = "idExtern,straatnaam,huisnummer,huisnummerToevoeging,postcode,woonplaats,clusterNaam,nettohuur\n\
                \n\
                \"VHE-2\",\"Laan van Nieuw-Oost, Indië\",  7 ,\"bis\",1094ab ,Amsterdam  ,\"Complex \"\"De Ark\"\", blok 1\",650.00\n\
                ,,,,,,,\n\
                \n\
                VHE-3,Kerkstraat,1,,1011AA,Amsterdam,,\n";
    let (rows, errors, _) = read(file.as_bytes());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(rows.len(), 2, "blank and empty lines are skipped");
    let unit = &rows[0].unit;
    assert_eq!(rows[0].line, 3);
    assert_eq!(unit.straatnaam, "Laan van Nieuw-Oost, Indië");
    assert_eq!(unit.cluster_naam.as_deref(), Some("Complex \"De Ark\", blok 1"));
    assert_eq!(unit.huisnummer.to_string(), "7-BIS");
    assert_eq!(unit.woonplaats, "Amsterdam");
    assert_eq!(unit.nettohuur, Some(Money::from_cents(65_000)));
    assert_eq!(rows[1].line, 6);
    assert_eq!(rows[1].unit.nettohuur, None);
}

#[test]
fn windows_1252_is_read() {
    let mut file = b"idExtern;straatnaam;huisnummer;postcode;woonplaats\r\n".to_vec();
    file.extend_from_slice(b"VHE-4;Caf\xe9straat;3;5611AB;Eindhoven\r\n");
    let (rows, errors, _) = read(&file);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(rows[0].unit.straatnaam, "Caféstraat");
}

#[test]
fn bad_rows_name_line_column_and_reason() {
    let file =
        "idExtern;straatnaam;huisnummer;postcode;woonplaats;bagVerblijfsobjectId;nettohuur;bouwjaar;gemeenteCode\n\
                VHE-5;Dorpsstraat;12;1234AB;Ergens;0363010000543212;600,00;1965;GM0363\n\
                VHE-6;;12b;12345;Ergens;363010000543212;1.234;negentien;363\n\
                VHE-7;Dorpsstraat;1;1234AB;Ergens;0363100000543212;500;1965;\n";
    let (rows, errors, _) = read(file.as_bytes());
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].unit.gemeente.as_ref().map(|g| g.as_str()), Some("GM0363"));
    let at = |line: u64, column: &str| errors.iter().find(|e| e.line == line && e.column == column);
    assert_eq!(at(3, "straatnaam").map(|e| &e.reason), Some(&RowProblem::Required));
    assert_eq!(at(3, "straatnaam").map(|e| e.reason.to_string()).as_deref(), Some("is verplicht"));
    let house_number = at(3, "huisnummer").map(|e| e.reason.to_string());
    assert_eq!(house_number.as_deref(), Some("huisnummer moet een geheel getal zijn"));
    assert_eq!(at(3, "postcode").map(|e| e.value.as_str()), Some("12345"));
    assert!(at(3, "bagVerblijfsobjectId").is_some_and(|e| e.reason.to_string().contains("voorloopnul")));
    assert!(at(3, "nettohuur").is_some_and(|e| e.reason.to_string().contains("dubbelzinnig")), "1.234 is ambiguous");
    assert!(at(3, "bouwjaar").is_some());
    assert!(at(3, "gemeenteCode").is_some());
    assert!(at(4, "bagVerblijfsobjectId").is_some_and(|e| e.reason.to_string().contains("objecttype 10")));
    assert_eq!(errors.len(), 8, "{errors:#?}");
}

#[test]
fn a_negative_rent_is_refused_and_zero_is_a_rent() {
    let file = "idExtern;straatnaam;huisnummer;postcode;woonplaats;nettohuur;brutohuur\n\
                A;Straat;1;1234AB;Ergens;-650,00;0\n\
                B;Straat;2;1234AB;Ergens;0;€ -1\n";
    let (rows, errors, _) = read(file.as_bytes());
    assert!(rows.is_empty(), "{rows:#?}");
    let named: Vec<(u64, &str, &str, String)> =
        errors.iter().map(|e| (e.line, e.column.as_str(), e.value.as_str(), e.reason.to_string())).collect();
    assert_eq!(
        named,
        [
            (2, "nettohuur", "-650,00", "mag niet negatief zijn".to_owned()),
            (3, "brutohuur", "€ -1", "mag niet negatief zijn".to_owned())
        ]
    );
}

#[test]
fn rd_coordinates_are_converted() {
    let file = "idExtern;straatnaam;huisnummer;postcode;woonplaats;rdX;rdY\n\
                VHE-8;Westermarkt;1;1016DK;Amsterdam;120700,723;487525,501\n\
                VHE-9;Nergens;1;1016DK;Amsterdam;12;48\n";
    let (rows, errors, _) = read(file.as_bytes());
    let p = rows[0].unit.position.expect("converted");
    assert!((p.lat - 52.3745).abs() < 1e-3 && (p.lon - 4.8835).abs() < 1e-3, "{p:?}");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].reason, RowProblem::OutsideNetherlands);
    assert!(errors[0].reason.to_string().contains("niet in Nederland"));
}

#[test]
fn unknown_columns_warn_and_required_ones_are_checked() {
    let file = "idExtern;straatnaam;huisnummer;postcode;woonplaats;Opmerking\nVHE-1;A;1;1234AB;B;vrij tekstveld\n";
    let (rows, errors, warnings) = read(file.as_bytes());
    assert_eq!((rows.len(), errors.len()), (1, 0));
    assert_eq!(warnings, vec![ImportWarning::UnknownColumns { count: 1, names: "Opmerking".into() }]);
    assert_eq!(warnings[0].to_string(), "kolom Opmerking is onbekend en wordt genegeerd");

    let missing = StockReader::new("idExtern;straat;huisnummer\n".as_bytes()).err();
    assert_eq!(missing, Some(FileError::MissingColumns("straatnaam, postcode, woonplaats".into())));
    let twice = StockReader::new("idExtern;IDEXTERN\n".as_bytes()).err();
    assert_eq!(twice, Some(FileError::DuplicateColumn("IDEXTERN".into())));
    assert_eq!(StockReader::new("\n\n".as_bytes()).err(), Some(FileError::Empty));
}

#[test]
fn wrong_field_count_and_broken_quotes_are_row_errors() {
    let file =
        "idExtern;straatnaam;huisnummer;postcode;woonplaats\nVHE-1;A;1;1234AB;B;extra\nVHE-2;\"open;1;1234AB;B\n";
    let (rows, errors, _) = read(file.as_bytes());
    assert!(rows.is_empty());
    assert_eq!(errors[0].line, 2);
    assert_eq!(errors[0].reason, RowProblem::WrongFieldCount { found: 6, expected: 5 });
    assert_eq!(errors[0].column, WHOLE_ROW);
    assert!(errors[0].reason.to_string().contains("6 velden"));
}

#[test]
fn a_row_with_fewer_fields_than_the_header_is_refused_not_padded() {
    // The last row cut off after its house number (a truncated file): its postcode and woonplaats are not empty
    // values to store, they are missing.
    let file = "idExtern;straatnaam;huisnummer;postcode;woonplaats\nVHE-1;A;1;1234AB;B\nVHE-2;A;2";
    let (rows, errors, _) = read(file.as_bytes());
    assert_eq!(rows.len(), 1);
    assert_eq!(errors.len(), 1, "one error for the row, not one per missing column: {errors:?}");
    assert_eq!((errors[0].line, errors[0].column.as_str()), (3, WHOLE_ROW));
    assert_eq!(errors[0].reason, RowProblem::WrongFieldCount { found: 3, expected: 5 });
}

#[test]
fn fingerprint_changes_with_any_field() {
    let file = "idExtern;straatnaam;huisnummer;postcode;woonplaats;nettohuur\nA;S;1;1234AB;W;500\nA;S;1;1234AB;W;501\n";
    let (rows, _, _) = read(file.as_bytes());
    assert_ne!(rows[0].unit.fingerprint(), rows[1].unit.fingerprint());
    assert_eq!(rows[0].unit.fingerprint(), rows[0].unit.clone().fingerprint());
}

#[test]
fn template_lists_every_column() {
    let header = template_header();
    assert!(header.starts_with("idExtern;clusterCode;clusterNaam"));
    assert_eq!(header.split(';').count(), Column::ALL.len());
    let file = format!("{header}\n");
    let reader = StockReader::new(file.as_bytes()).expect("template is a valid header");
    assert!(reader.warnings().is_empty());
}

#[test]
fn error_report_is_a_dutch_csv() {
    let errors = vec![RowError {
        line: 7,
        column: "postcode".into(),
        value: "12;34".into(),
        reason: RowProblem::Id(crate::ids::IdError::Postcode),
    }];
    assert_eq!(
        error_report_csv(&errors),
        "regel;kolom;waarde;reden\n7;postcode;\"12;34\";is geen geldige postcode (verwacht 1234AB)\n"
    );
}
