//! Reads the Fluent files in `i18n/<lang>/<context>.ftl`, checks them and generates the typed text API
//! (`$OUT_DIR/texts.rs`, included by `src/i18n/mod.rs`). See `docs/adr/0023-texts-in-fluent.md`.
//!
//! The build fails when a file does not parse, when a context or a message exists in one language and not in the
//! other, when a message's variables differ between the languages, or when a message does not format (a reference to
//! a message or term that does not exist). A template or handler that uses a message that does not exist then fails
//! to compile, because every message is a field or a method of a generated struct.

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use fluent_syntax::ast;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// The languages, in the order of `Lang`'s variants: (directory, variant).
const LANGUAGES: [(&str, &str); 2] = [("nl", "Nl"), ("en", "En")];

/// Names a message cannot have: the generated struct's own field, and Rust keywords.
const RESERVED: [&str; 12] = ["lang", "type", "self", "match", "loop", "move", "ref", "use", "mod", "fn", "impl", "as"];

/// One message as the build sees it: its variables (true when it selects a variant, so it must be a number).
struct Message {
    id: String,
    variables: BTreeMap<String, bool>,
    /// The text with no arguments, when it has no variables.
    plain: Option<String>,
}

/// Checks every file and writes the generated code; panics with every problem found.
pub fn generate(manifest: &Path, out: &Path) {
    let root = manifest.join("i18n");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut problems = Vec::new();
    let contexts = contexts(&root, &mut problems);
    // messages[context][language]
    let mut all: Vec<Vec<Vec<Message>>> = Vec::new();
    for context in &contexts {
        let mut per_language: Vec<Vec<Message>> = Vec::new();
        for (lang, _) in LANGUAGES {
            let path = root.join(lang).join(format!("{context}.ftl"));
            println!("cargo:rerun-if-changed={}", path.display());
            per_language.push(read(&path, lang, &mut problems));
        }
        compare(context, &per_language, &mut problems);
        unite_numbers(&mut per_language);
        all.push(per_language);
    }
    if !problems.is_empty() {
        panic!("the Fluent files in {} have problems:\n  {}", root.display(), problems.join("\n  "));
    }
    let code = code(&root, &contexts, &all);
    std::fs::write(out.join("texts.rs"), code).expect("OUT_DIR is writable");
}

/// The contexts (file stems), which every language must have.
fn contexts(root: &Path, problems: &mut Vec<String>) -> Vec<String> {
    let stems = |lang: &str| -> Vec<String> {
        let mut stems: Vec<String> = std::fs::read_dir(root.join(lang))
            .map(|dir| {
                dir.filter_map(|e| e.ok())
                    .filter_map(|e| e.file_name().to_str().and_then(|n| n.strip_suffix(".ftl")).map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        stems.sort();
        stems
    };
    let first = stems(LANGUAGES[0].0);
    if first.is_empty() {
        problems.push(format!("no .ftl files in {}", root.join(LANGUAGES[0].0).display()));
    }
    for (lang, _) in &LANGUAGES[1..] {
        let other = stems(lang);
        if other != first {
            problems.push(format!("{lang} has the files {other:?}, {} has {first:?}", LANGUAGES[0].0));
        }
    }
    for stem in &first {
        if !is_name(stem) {
            problems.push(format!("{stem}.ftl: a file name is lower case letters, digits and dashes"));
        }
    }
    first
}

/// Whether a name is `[a-z][a-z0-9-]*`, so that it maps one to one onto a Rust name.
fn is_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !name.ends_with('-')
        && !name.contains("--")
}

/// Parses one file, collects its messages and formats each once.
fn read(path: &Path, lang: &str, problems: &mut Vec<String>) -> Vec<Message> {
    let shown = format!("{lang}/{}", path.file_name().and_then(|n| n.to_str()).unwrap_or_default());
    let source = match std::fs::read_to_string(path) {
        Ok(source) => source,
        Err(error) => {
            problems.push(format!("{shown}: {error}"));
            return Vec::new();
        }
    };
    let resource = match fluent_syntax::parser::parse(source.as_str()) {
        Ok(resource) => resource,
        Err((resource, errors)) => {
            for error in errors {
                let line = source[..error.pos.start.min(source.len())].lines().count().max(1);
                problems.push(format!("{shown}:{line}: syntax error: {:?}", error.kind));
            }
            resource
        }
    };
    let mut bundle = FluentBundle::new(vec![lang.parse().expect("a language code")]);
    bundle.set_use_isolating(false);
    if let Err(errors) = bundle.add_resource(FluentResource::try_new(source.clone()).unwrap_or_else(|(r, _)| r)) {
        for error in errors {
            problems.push(format!("{shown}: {error}"));
        }
    }
    let mut messages: Vec<Message> = Vec::new();
    for entry in &resource.body {
        let ast::Entry::Message(message) = entry else { continue };
        let id = message.id.name.to_owned();
        if !is_name(&id) || RESERVED.contains(&id.replace('-', "_").as_str()) {
            problems
                .push(format!("{shown}: `{id}` is not a usable name (lower case, digits, dashes; no Rust keyword)"));
        }
        if !message.attributes.is_empty() {
            problems.push(format!("{shown}: `{id}` has attributes, which the generated API does not use"));
        }
        let Some(value) = &message.value else {
            problems.push(format!("{shown}: `{id}` has no text"));
            continue;
        };
        let mut variables = BTreeMap::new();
        pattern_variables(value, &mut variables);
        let plain = format_sample(&bundle, &id, &variables, &shown, problems);
        messages.push(Message { id, plain: variables.is_empty().then_some(plain), variables });
    }
    messages
}

/// Formats a message (with sample arguments: 1 and 3 for numbers); a resolver error is a problem.
fn format_sample(
    bundle: &FluentBundle<FluentResource>,
    id: &str,
    variables: &BTreeMap<String, bool>,
    shown: &str,
    problems: &mut Vec<String>,
) -> String {
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else { return String::new() };
    let mut text = String::new();
    for number in [1, 3] {
        let mut args = FluentArgs::new();
        for (name, selects) in variables {
            let value = if *selects { FluentValue::from(number) } else { FluentValue::from("x") };
            args.set(name.clone(), value);
        }
        let mut errors = Vec::new();
        text = bundle.format_pattern(pattern, Some(&args), &mut errors).into_owned();
        for error in errors {
            problems.push(format!("{shown}: `{id}`: {error}"));
        }
    }
    text
}

fn pattern_variables(pattern: &ast::Pattern<&str>, found: &mut BTreeMap<String, bool>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, found);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, found: &mut BTreeMap<String, bool>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            let selected = match selector {
                ast::InlineExpression::VariableReference { id } => Some(id.name),
                ast::InlineExpression::FunctionReference { arguments, .. } => match arguments.positional.first() {
                    Some(ast::InlineExpression::VariableReference { id }) => Some(id.name),
                    _ => None,
                },
                _ => None,
            };
            inline_variables(selector, found);
            if let Some(name) = selected {
                found.insert(name.to_owned(), true);
            }
            for variant in variants {
                pattern_variables(&variant.value, found);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, found),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, found: &mut BTreeMap<String, bool>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            found.entry(id.name.to_owned()).or_insert(false);
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            arguments.positional.iter().for_each(|a| inline_variables(a, found));
            arguments.named.iter().for_each(|a| inline_variables(&a.value, found));
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, found),
        _ => {}
    }
}

/// Every language has the same messages with the same variables.
fn compare(context: &str, per_language: &[Vec<Message>], problems: &mut Vec<String>) {
    let (first_lang, _) = LANGUAGES[0];
    let first: BTreeMap<&str, &Message> = per_language[0].iter().map(|m| (m.id.as_str(), m)).collect();
    if first.len() != per_language[0].len() {
        problems.push(format!("{first_lang}/{context}.ftl defines a message twice"));
    }
    for ((lang, _), messages) in LANGUAGES.iter().zip(per_language).skip(1) {
        let other: BTreeMap<&str, &Message> = messages.iter().map(|m| (m.id.as_str(), m)).collect();
        if other.len() != messages.len() {
            problems.push(format!("{lang}/{context}.ftl defines a message twice"));
        }
        for id in first.keys().filter(|id| !other.contains_key(*id)) {
            problems.push(format!("{lang}/{context}.ftl lacks `{id}`, which {first_lang}/{context}.ftl has"));
        }
        for id in other.keys().filter(|id| !first.contains_key(*id)) {
            problems.push(format!("{first_lang}/{context}.ftl lacks `{id}`, which {lang}/{context}.ftl has"));
        }
        for (id, message) in &first {
            let Some(theirs) = other.get(id) else { continue };
            let (ours, theirs): (Vec<_>, Vec<_>) =
                (message.variables.keys().collect(), theirs.variables.keys().collect());
            if ours != theirs {
                problems.push(format!(
                    "`{id}` in {context}.ftl has the variables {ours:?} in {first_lang} but {theirs:?} in {lang}"
                ));
            }
        }
    }
}

/// A variable that selects a variant in any language is a number in all of them (a plural in one language only).
fn unite_numbers(per_language: &mut [Vec<Message>]) {
    let numbers: Vec<(String, String)> = per_language
        .iter()
        .flatten()
        .flat_map(|m| m.variables.iter().filter(|(_, n)| **n).map(|(v, _)| (m.id.clone(), v.clone())))
        .collect();
    for message in per_language.iter_mut().flatten() {
        for (id, variable) in &numbers {
            if *id == message.id {
                if let Some(number) = message.variables.get_mut(variable) {
                    *number = true;
                }
            }
        }
    }
}

/// `social-return` → `SocialReturnTexts`; `main` → `Texts`.
fn struct_name(context: &str) -> String {
    if context == "main" {
        return "Texts".to_owned();
    }
    let camel: String = context
        .split('-')
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
        })
        .collect();
    format!("{camel}Texts")
}

fn rust_name(id: &str) -> String {
    id.replace('-', "_")
}

/// A doc comment line from a text: the first line, without characters that would end the attribute.
fn doc(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default();
    format!("{:?}", line)
}

fn code(root: &Path, contexts: &[String], all: &[Vec<Vec<Message>>]) -> String {
    let mut code = String::from("// Generated by build/texts.rs from i18n/*/*.ftl; do not edit.\n\n");
    let english = LANGUAGES.iter().position(|(l, _)| *l == "en").unwrap_or(0);
    // The sources, for the bundles that format messages with arguments at run time.
    let _ = writeln!(code, "/// The Fluent sources by language (in `Lang` order) and context.");
    let _ = writeln!(code, "pub(crate) static SOURCES: [[&str; {}]; {}] = [", contexts.len(), LANGUAGES.len());
    for (lang, _) in LANGUAGES {
        code.push_str("    [");
        for context in contexts {
            let path = root.join(lang).join(format!("{context}.ftl"));
            let _ = write!(code, "include_str!({:?}), ", path.display().to_string());
        }
        code.push_str("],\n");
    }
    code.push_str("];\n\n");
    let _ = writeln!(code, "/// The language codes, in `Lang` order.");
    let codes: Vec<String> = LANGUAGES.iter().map(|(l, _)| format!("{l:?}")).collect();
    let _ = writeln!(code, "pub(crate) const LANGUAGE_CODES: [&str; {}] = [{}];\n", LANGUAGES.len(), codes.join(", "));
    for (index, (context, per_language)) in contexts.iter().zip(all).enumerate() {
        let name = struct_name(context);
        let messages = &per_language[english];
        // Only the methods of messages with arguments read the language; a context of plain messages has none.
        let formats = messages.iter().any(|m| !m.variables.is_empty());
        let _ = writeln!(
            code,
            "/// The texts of `i18n/*/{context}.ftl` in one language: a field per plain message, a method per"
        );
        let _ = writeln!(code, "/// message with arguments (in alphabetical order of the variables).");
        let _ = writeln!(code, "#[derive(Debug)]\npub struct {name} {{");
        for m in messages.iter().filter(|m| m.variables.is_empty()) {
            let text = m.plain.as_deref().unwrap_or_default();
            let _ = writeln!(code, "    #[doc = {}]\n    pub {}: &'static str,", doc(text), rust_name(&m.id));
        }
        code.push_str(if formats { "    lang: Lang,\n}\n\n" } else { "}\n\n" });
        for (lang_index, (_, variant)) in LANGUAGES.iter().enumerate() {
            let by_id: BTreeMap<&str, &Message> = per_language[lang_index].iter().map(|m| (m.id.as_str(), m)).collect();
            let _ = writeln!(
                code,
                "static {}_{}: {name} = {name} {{",
                rust_name(context).to_uppercase(),
                variant.to_uppercase()
            );
            for m in messages.iter().filter(|m| m.variables.is_empty()) {
                let text = by_id.get(m.id.as_str()).and_then(|m| m.plain.as_deref()).unwrap_or_default();
                let _ = writeln!(code, "    {}: {:?},", rust_name(&m.id), text);
            }
            if formats {
                let _ = writeln!(code, "    lang: Lang::{variant},");
            }
            let _ = writeln!(code, "}};\n");
        }
        let _ = writeln!(code, "impl {name} {{");
        let _ = writeln!(
            code,
            "    /// The texts in a language.\n    pub fn of(lang: Lang) -> &'static Self {{\n        match lang {{"
        );
        for (_, variant) in LANGUAGES {
            let _ = writeln!(
                code,
                "            Lang::{variant} => &{}_{},",
                rust_name(context).to_uppercase(),
                variant.to_uppercase()
            );
        }
        code.push_str("        }\n    }\n");
        for m in messages.iter().filter(|m| !m.variables.is_empty()) {
            let _ = writeln!(code, "\n    /// `{}`: {}", m.id, doc(&sample(m)).trim_matches('"'));
            let params: Vec<String> = m
                .variables
                .iter()
                .map(|(v, selects)| {
                    let ty = if *selects { "i64" } else { "impl std::fmt::Display" };
                    format!("{}: {ty}", rust_name(v))
                })
                .collect();
            let _ = writeln!(code, "    pub fn {}(&self, {}) -> String {{", rust_name(&m.id), params.join(", "));
            let _ = writeln!(code, "        let mut args = fluent_bundle::FluentArgs::new();");
            for (v, selects) in &m.variables {
                let value = if *selects { rust_name(v) } else { format!("{}.to_string()", rust_name(v)) };
                let _ = writeln!(code, "        args.set({v:?}, {value});");
            }
            let _ = writeln!(code, "        super::fluent::format(self.lang, {index}, {:?}, &args)\n    }}", m.id);
        }
        code.push_str("}\n\n");
    }
    samples(&mut code, contexts, all, english);
    code
}

/// A test helper: every message of every context in a language, formatted (with `count` for the numbers and a
/// sample text for the other variables), by id.
fn samples(code: &mut String, contexts: &[String], all: &[Vec<Vec<Message>>], english: usize) {
    let _ = writeln!(
        code,
        "/// Every message in `lang`, formatted with `count` for numbers and `\"‹x›\"` for texts: (context, id, text)."
    );
    let _ = writeln!(code, "#[cfg(test)]\npub(crate) fn every_message(lang: Lang, count: i64) -> Vec<(&'static str, &'static str, String)> {{");
    let _ = writeln!(code, "    let _ = count;\n    vec![");
    for (context, per_language) in contexts.iter().zip(all) {
        let name = struct_name(context);
        for m in &per_language[english] {
            let call = if m.variables.is_empty() {
                format!("{name}::of(lang).{}.to_owned()", rust_name(&m.id))
            } else {
                let args: Vec<&str> =
                    m.variables.values().map(|selects| if *selects { "count" } else { "\"‹x›\"" }).collect();
                format!("{name}::of(lang).{}({})", rust_name(&m.id), args.join(", "))
            };
            let _ = writeln!(code, "        ({context:?}, {:?}, {call}),", m.id);
        }
    }
    code.push_str("    ]\n}\n");
}

/// A message's variables as the method's doc shows them.
fn sample(message: &Message) -> String {
    let names: Vec<String> = message
        .variables
        .iter()
        .map(|(v, selects)| if *selects { format!("${v} (number)") } else { format!("${v}") })
        .collect();
    format!("formats the message with {}.", names.join(", "))
}
