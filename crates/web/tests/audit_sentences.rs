//! Every audit action the platform writes has a sentence (on the dashboard and the audit log page). This test reads the sources of every
//! crate (and the migrations' SQL) for the `(action, entity)` pairs passed to the audit log and compares them with
//! `AUDITED_ACTIONS`, whose every pair `audit_sentences` turns into a Dutch and an English sentence: a
//! new action fails here until it has its sentence, and a pair no code writes any more must leave the list.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use volkshuis_web::AUDITED_ACTIONS;

/// Action expressions whose values no literal in them shows, with the values they take (and where they come from).
const COMPUTED: &[(&str, &[&str])] = &[
    // `decide` in crates/store/src/socialreturn/contributions.rs: Status::Approved or Status::Rejected.
    ("status.code()", &["approved", "rejected"]),
    // `log_read` in crates/store/src/signalering/mod.rs and the purge in its retention.rs: the tables of persons.
    ("entity", &["sg_households", "sg_signals", "sg_soft"]),
    // `log_read` in crates/store/src/nazorg/mod.rs: the buyer lists and pages.
    ("buyer_entity", &["nz_sales", "nz_sale", "nz_checks"]),
];

fn files(dir: &Path, extension: &str, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a readable folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, extension, out);
        } else if path.extension().is_some_and(|e| e == extension) {
            out.push(path);
        }
    }
}

/// The text from an opening bracket at `start` to its matching close (both excluded), skipping strings.
fn balanced(text: &str, start: usize) -> &str {
    let mut depth = 0;
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in text[start..].char_indices() {
        if in_string {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => in_string = false,
                _ => escaped = false,
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' | '{' | '[' => depth += 1,
            ')' | '}' | ']' => {
                depth -= 1;
                if depth == 0 {
                    return &text[start + 1..start + i];
                }
            }
            _ => {}
        }
    }
    panic!("unbalanced brackets after {:?}", &text[start..(start + 80).min(text.len())]);
}

/// The top-level comma-separated parts of a call's arguments or a struct's fields.
fn parts(inner: &str) -> Vec<&str> {
    let (mut out, mut depth, mut from, mut in_string, mut escaped) = (Vec::new(), 0, 0, false, false);
    for (i, c) in inner.char_indices() {
        if in_string {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => in_string = false,
                _ => escaped = false,
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' | '{' | '[' => depth += 1,
            ')' | '}' | ']' => depth -= 1,
            ',' if depth == 0 => {
                out.push(inner[from..i].trim());
                from = i + 1;
            }
            _ => {}
        }
    }
    out.push(inner[from..].trim());
    out.retain(|p| !p.is_empty());
    out
}

/// The string literals in an expression.
fn literals(expr: &str) -> Vec<String> {
    expr.split('"').skip(1).step_by(2).map(str::to_owned).collect()
}

/// The values an action or entity expression takes: its literals, a `let` binding's literals for a plain name, or a
/// listed computed expression. `None` when it cannot be told from the source.
fn values(expr: &str, before: &str) -> Option<Vec<String>> {
    let found = literals(expr);
    if !found.is_empty() {
        return Some(found);
    }
    if let Some((_, known)) = COMPUTED.iter().find(|(e, _)| *e == expr) {
        return Some(known.iter().map(|v| (*v).to_owned()).collect());
    }
    if expr.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        let binding = before.rfind(&format!("let {expr} = "))?;
        let end = before[binding..].find(';')? + binding;
        let found = literals(&before[binding..end]);
        return (!found.is_empty()).then_some(found);
    }
    None
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The pairs written by one source file; problems (expressions that cannot be read) go to `unreadable`.
fn pairs_in(path: &Path, source: &str, unreadable: &mut Vec<String>) -> BTreeSet<(String, String)> {
    let code = source.find("#[cfg(test)]").map_or(source, |tests| &source[..tests]);
    let mut found = BTreeSet::new();
    let mut record =
        |action: Option<Vec<String>>, entity: Option<Vec<String>>, at: usize, shown: &str| match (action, entity) {
            (Some(actions), Some(entities)) => {
                for a in &actions {
                    for e in &entities {
                        found.insert((a.clone(), e.clone()));
                    }
                }
            }
            _ => {
                let line = code[..at].lines().count();
                unreadable.push(format!("{}:{line}: {shown}", path.display()));
            }
        };
    for (at, _) in code.match_indices("Change::event(") {
        let open = at + "Change::event".len();
        let args = parts(balanced(code, open));
        let (action, entity) = (args.get(1).copied().unwrap_or(""), args.get(2).copied().unwrap_or(""));
        record(
            values(action, &code[..at]),
            values(entity, &code[..at]),
            at,
            &format!("Change::event({action}, {entity}, …)"),
        );
    }
    for (at, _) in code.match_indices("Change {") {
        if code[..at].chars().next_back().is_some_and(is_ident) {
            continue; // `ValueChange {` and the like.
        }
        let fields = parts(balanced(code, at + "Change ".len()));
        let field = |name: &str| fields.iter().find_map(|f| f.strip_prefix(name).map(str::trim));
        let Some(action) = field("action:") else { continue }; // `..Change::event(…)` is read above.
        let entity = field("entity:").unwrap_or("");
        record(
            values(action, &code[..at]),
            values(entity, &code[..at]),
            at,
            &format!("Change {{ action: {action}, entity: {entity} }}"),
        );
    }
    found
}

/// SQL split at its top-level commas (outside brackets and quotes), up to a top-level `FROM`.
fn sql_parts(sql: &str) -> Vec<&str> {
    let (mut out, mut depth, mut from, mut quoted) = (Vec::new(), 0, 0, false);
    for (i, c) in sql.char_indices() {
        match c {
            '\'' => quoted = !quoted,
            _ if quoted => {}
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                out.push(sql[from..i].trim());
                from = i + 1;
            }
            _ if depth == 0 && sql[i..].starts_with("FROM") && sql[..i].ends_with(char::is_whitespace) => {
                out.push(sql[from..i].trim());
                return out;
            }
            _ => {}
        }
    }
    out.push(sql[from..].trim());
    out
}

/// Pairs a migration writes with `INSERT INTO audit_log (…, action, entity, …) SELECT …`: the selected values in the
/// places of the `action` and `entity` columns, when they are quoted words.
fn pairs_in_sql(source: &str) -> BTreeSet<(String, String)> {
    let mut found = BTreeSet::new();
    for (at, _) in source.match_indices("INSERT INTO audit_log") {
        let rest = &source[at..];
        let (Some(open), Some(select)) = (rest.find('('), rest.find("SELECT")) else { continue };
        let close = open + rest[open..].find(')').unwrap_or(0);
        let columns: Vec<&str> = rest[open + 1..close].split(',').map(str::trim).collect();
        let values = sql_parts(&rest[select + "SELECT".len()..]);
        let word = |column: &str| {
            let place = columns.iter().position(|c| *c == column)?;
            let value = values.get(place)?.trim();
            Some(value.strip_prefix('\'')?.strip_suffix('\'')?.to_owned())
        };
        if let (Some(action), Some(entity)) = (word("action"), word("entity")) {
            found.insert((action, entity));
        }
    }
    found
}

#[test]
fn every_audit_action_in_the_code_has_a_sentence() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut sources = Vec::new();
    for entry in std::fs::read_dir(&crates).expect("the crates folder").flatten() {
        let src = entry.path().join("src");
        if src.is_dir() {
            files(&src, "rs", &mut sources);
        }
    }
    let mut written = BTreeSet::new();
    let mut unreadable = Vec::new();
    for path in &sources {
        if path.ends_with("store/src/audit.rs") {
            continue; // The audit module itself: its doc examples are not entries.
        }
        let source = std::fs::read_to_string(path).expect("a readable source");
        written.extend(pairs_in(path, &source, &mut unreadable));
    }
    let mut migrations = Vec::new();
    files(&crates.join("store/migrations"), "sql", &mut migrations);
    for path in &migrations {
        written.extend(pairs_in_sql(&std::fs::read_to_string(path).expect("a readable migration")));
    }
    assert!(
        unreadable.is_empty(),
        "audit entries whose action cannot be read from the source (list them in COMPUTED): {unreadable:#?}"
    );
    assert!(written.len() >= 40, "the scan found the audit calls ({} pairs)", written.len());
    let listed: BTreeSet<(String, String)> =
        AUDITED_ACTIONS.iter().map(|(a, e)| ((*a).to_owned(), (*e).to_owned())).collect();
    let without_sentence: Vec<_> = written.difference(&listed).collect();
    assert!(
        without_sentence.is_empty(),
        "audit actions without a sentence: add them to AUDITED and give each its sentence in \
         crates/web/i18n/*/dashboard.ftl and handlers/dashboard/recent.rs: {without_sentence:?}"
    );
    let stale: Vec<_> = listed.difference(&written).collect();
    assert!(stale.is_empty(), "AUDITED lists pairs no code writes any more: {stale:?}");
}

#[test]
fn the_scanner_reads_literals_bindings_and_struct_fields() {
    let source = r#"
        fn a() { let change = Change::event(Some(org(1)), "create", "thing", id.to_string()); }
        fn b() {
            let action = if yes { "accept" } else { "decline" };
            let mut change = Change::event(None, action, "offer", x);
        }
        fn c() { let change = Change { org_id: None, action: if new { "create" } else { "update" }, entity: "widget", entity_id: String::new(), before: None, after: None, personal_data: false }; }
        fn d() { let v = ValueChange { action: "nope" }; let w = Change { after: None, ..Change::event(None, "invite", "person", s) }; }
        fn e() { let c = Change::event(None, whatever(), "mystery", s); }
    "#;
    let mut unreadable = Vec::new();
    let found = pairs_in(Path::new("example.rs"), source, &mut unreadable);
    let expected: BTreeSet<(String, String)> = [
        ("create", "thing"),
        ("accept", "offer"),
        ("decline", "offer"),
        ("create", "widget"),
        ("update", "widget"),
        ("invite", "person"),
    ]
    .into_iter()
    .map(|(a, e)| (a.to_owned(), e.to_owned()))
    .collect();
    assert_eq!(found, expected);
    assert_eq!(unreadable.len(), 1, "{unreadable:?}");
    assert!(unreadable[0].contains("whatever()"));
    let sql = "INSERT INTO audit_log (at, actor_label, org_id, action, entity, after_json)\n\
               SELECT CAST(strftime('%s', 'now') AS INTEGER), 'migratie 21', c.buyer_id, 'remove_coordinator', \
               'sr_contract', '{\"a\":' || c.id || '}' FROM x;";
    assert_eq!(pairs_in_sql(sql), BTreeSet::from([("remove_coordinator".to_owned(), "sr_contract".to_owned())]));
}
