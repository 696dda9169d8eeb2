//! The web crate's module structure, checked from its source: the state module must not import (directly or through
//! other modules) any handler or the router, or the whole web layer becomes one import circle again (ADR 0020).
//!
//! The check reads `src/**/*.rs`, takes every path that names a module of this crate (`use crate::…`, `super::…`,
//! `self::…`, a child module by name, and items re-exported by `lib.rs`), and builds the graph of which file uses
//! which. `mod` declarations are not uses: a parent declaring its children is not a dependency on them.
//! Run with `--nocapture` to see the cycles.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module path below the crate root (`["handlers", "overleg"]`); the root is empty.
type ModPath = Vec<String>;

/// The crate's files by module path.
fn modules(src: &Path) -> BTreeMap<ModPath, String> {
    let mut files = Vec::new();
    collect(src, &mut files);
    files
        .into_iter()
        .map(|file| {
            let relative = file.strip_prefix(src).expect("below src");
            let mut path: ModPath = relative.iter().map(|part| part.to_string_lossy().into_owned()).collect();
            let last = path.pop().expect("a file name");
            let stem = last.trim_end_matches(".rs");
            if stem != "mod" && stem != "lib" {
                path.push(stem.to_owned());
            }
            (path, std::fs::read_to_string(&file).expect("readable source"))
        })
        .collect()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable directory") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The source without comments (doc comments mention modules without using them), string literals and the unit
/// tests at the end of a file (their `use super::*` is the file itself, and tests are not what the crate imports).
fn code_only(source: &str) -> String {
    let source = source.find("#[cfg(test)]").map_or(source, |tests| &source[..tests]);
    let mut out = String::with_capacity(source.len());
    let mut chars = source.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '"' => {
                let mut escaped = false;
                for c in chars.by_ref() {
                    match c {
                        '\\' if !escaped => escaped = true,
                        '"' if !escaped => break,
                        _ => escaped = false,
                    }
                }
                out.push_str("\"\"");
            }
            _ => out.push(c),
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Expands a use tree (`crate::{a, b::{c, d}}`) into its paths.
fn expand_use(tree: &str) -> Vec<Vec<String>> {
    fn parse(chars: &[char], pos: &mut usize, prefix: &[String], out: &mut Vec<Vec<String>>) {
        let mut path = prefix.to_vec();
        let mut ident = String::new();
        // After `name ` only `as alias` can follow, which does not change the path.
        let mut ended = false;
        while *pos < chars.len() {
            let c = chars[*pos];
            *pos += 1;
            match c {
                c if ended && is_ident(c) => {}
                c if is_ident(c) || c == '*' => ident.push(c),
                ':' if !ident.is_empty() => path.push(std::mem::take(&mut ident)),
                '{' => {
                    loop {
                        parse(chars, pos, &path, out);
                        if *pos >= chars.len() || chars[*pos - 1] == '}' {
                            break;
                        }
                    }
                    // After a group only `,` or `}` can follow.
                    while *pos < chars.len() && chars[*pos].is_whitespace() {
                        *pos += 1;
                    }
                    if *pos < chars.len() && (chars[*pos] == ',' || chars[*pos] == '}') {
                        *pos += 1;
                    }
                    return;
                }
                ',' | '}' => break,
                c if c.is_whitespace() => ended = !ident.is_empty(),
                _ => {}
            }
        }
        if !ident.is_empty() && ident != "self" {
            path.push(ident);
        }
        if path.len() > prefix.len() || !path.is_empty() {
            out.push(path);
        }
    }
    let chars: Vec<char> = tree.chars().collect();
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < chars.len() {
        parse(&chars, &mut pos, &[], &mut out);
    }
    out
}

/// Every path in the code: the expanded `use` trees and `a::b::c` sequences elsewhere.
fn paths_in(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = String::with_capacity(code.len());
    // `use` statements first (they may hold groups), removed from the text that is scanned afterwards.
    let mut text = code;
    while let Some(start) = find_use(text) {
        rest.push_str(&text[..start]);
        let after = &text[start..];
        let end = after.find(';').unwrap_or(after.len());
        let tree = after[..end].trim_start_matches("pub(crate) ").trim_start_matches("pub ");
        out.extend(expand_use(tree.trim_start_matches("use ")));
        text = &after[end..];
    }
    rest.push_str(text);
    let chars: Vec<char> = rest.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if is_ident(chars[i]) && (i == 0 || !(is_ident(chars[i - 1]) || chars[i - 1] == ':')) {
            let mut path = Vec::new();
            loop {
                let start = i;
                while i < chars.len() && is_ident(chars[i]) {
                    i += 1;
                }
                path.push(chars[start..i].iter().collect::<String>());
                if i + 2 < chars.len() && chars[i] == ':' && chars[i + 1] == ':' && is_ident(chars[i + 2]) {
                    i += 2;
                } else {
                    break;
                }
            }
            if path.len() > 1 {
                out.push(path);
            }
        } else {
            i += 1;
        }
    }
    out
}

/// Where the next `use` statement starts (at a line start, after any visibility).
fn find_use(text: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let body = trimmed.trim_start_matches("pub(crate) ").trim_start_matches("pub ");
        if body.starts_with("use ") {
            return Some(offset + (line.len() - trimmed.len()));
        }
        offset += line.len();
    }
    None
}

/// The file-level import graph: module → modules it uses.
fn graph(src: &Path) -> BTreeMap<ModPath, BTreeSet<ModPath>> {
    let modules = modules(src);
    let known: BTreeSet<&ModPath> = modules.keys().collect();
    // Items `lib.rs` re-exports (`pub use app::{router, AppState}`) resolve to the module they come from.
    let mut reexports: BTreeMap<String, ModPath> = BTreeMap::new();
    for path in paths_in(&code_only(&modules[&Vec::new()])) {
        if let Some((item, module)) = path.split_last() {
            if known.contains(&module.to_vec()) && !module.is_empty() {
                reexports.insert(item.clone(), module.to_vec());
            }
        }
    }
    let mut edges = BTreeMap::new();
    for (module, source) in &modules {
        let mut uses = BTreeSet::new();
        for path in paths_in(&code_only(source)) {
            let (mut base, rest): (ModPath, &[String]) = match path[0].as_str() {
                "crate" => (Vec::new(), &path[1..]),
                "self" => (module.clone(), &path[1..]),
                "super" => {
                    let mut base = module.clone();
                    let mut rest = &path[..];
                    while rest.first().is_some_and(|s| s == "super") {
                        base.pop();
                        rest = &rest[1..];
                    }
                    (base, rest)
                }
                child if known.contains(&[module.clone(), vec![child.to_owned()]].concat()) => {
                    (module.clone(), &path[..])
                }
                _ => continue,
            };
            let mut target = base.clone();
            for segment in rest {
                base.push(segment.clone());
                if known.contains(&base) {
                    target = base.clone();
                } else {
                    break;
                }
            }
            if target.is_empty() {
                match rest.first().and_then(|item| reexports.get(item)) {
                    Some(module) => target = module.clone(),
                    None => continue,
                }
            }
            if &target != module {
                uses.insert(target);
            }
        }
        edges.insert(module.clone(), uses);
    }
    edges
}

/// The strongly connected components with more than one module (Tarjan's algorithm), largest first.
fn cycles(graph: &BTreeMap<ModPath, BTreeSet<ModPath>>) -> Vec<Vec<ModPath>> {
    struct Walk<'g> {
        graph: &'g BTreeMap<ModPath, BTreeSet<ModPath>>,
        index: BTreeMap<&'g ModPath, usize>,
        low: BTreeMap<&'g ModPath, usize>,
        stack: Vec<&'g ModPath>,
        on_stack: BTreeSet<&'g ModPath>,
        found: Vec<Vec<ModPath>>,
    }
    impl<'g> Walk<'g> {
        fn visit(&mut self, node: &'g ModPath) {
            let n = self.index.len();
            self.index.insert(node, n);
            self.low.insert(node, n);
            self.stack.push(node);
            self.on_stack.insert(node);
            for next in self.graph.get(node).into_iter().flatten() {
                if !self.index.contains_key(next) {
                    self.visit(next);
                    let low = self.low[node].min(self.low[next]);
                    self.low.insert(node, low);
                } else if self.on_stack.contains(next) {
                    let low = self.low[node].min(self.index[next]);
                    self.low.insert(node, low);
                }
            }
            if self.low[node] == self.index[node] {
                let mut component = Vec::new();
                while let Some(member) = self.stack.pop() {
                    self.on_stack.remove(member);
                    component.push(member.clone());
                    if member == node {
                        break;
                    }
                }
                if component.len() > 1 {
                    component.sort();
                    self.found.push(component);
                }
            }
        }
    }
    let mut walk = Walk {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for node in graph.keys() {
        if !walk.index.contains_key(node) {
            walk.visit(node);
        }
    }
    walk.found.sort_by_key(|c| std::cmp::Reverse(c.len()));
    walk.found
}

/// Every module `from` reaches through its uses.
fn reachable(graph: &BTreeMap<ModPath, BTreeSet<ModPath>>, from: &ModPath) -> BTreeSet<ModPath> {
    let mut seen = BTreeSet::new();
    let mut todo = vec![from.clone()];
    while let Some(node) = todo.pop() {
        for next in graph.get(&node).into_iter().flatten() {
            if seen.insert(next.clone()) {
                todo.push(next.clone());
            }
        }
    }
    seen
}

fn show(path: &ModPath) -> String {
    if path.is_empty() {
        "crate".to_owned()
    } else {
        format!("crate::{}", path.join("::"))
    }
}

/// This crate's sources, or another copy's (`WEB_SRC=/tmp/old/crates/web/src`, to measure an older tree).
fn src() -> PathBuf {
    std::env::var_os("WEB_SRC").map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), PathBuf::from)
}

#[test]
fn the_state_module_imports_no_handler_and_not_the_router() {
    let graph = graph(&src());
    let state = vec!["state".to_owned()];
    assert!(graph.contains_key(&state), "crate::state holds AppState and Config");
    let reached = reachable(&graph, &state);
    let offending: Vec<String> = reached
        .iter()
        .filter(|m| m.first().is_some_and(|m| m == "handlers" || m == "app" || m == "ops"))
        .map(show)
        .collect();
    assert!(offending.is_empty(), "crate::state reaches {offending:?}");
    assert!(!reached.contains(&state), "crate::state is part of an import circle");
}

/// What is left are circles inside one context: its `mod.rs` holds the router and a few helpers its use cases share.
/// A circle that joins two contexts, or passes through the router on top, would tie the web layer in a knot again.
#[test]
fn import_circles_stay_inside_one_context() {
    let graph = graph(&src());
    let cycles = cycles(&graph);
    for cycle in &cycles {
        println!("import circle of {} files: {}", cycle.len(), cycle.iter().map(show).collect::<Vec<_>>().join(", "));
    }
    println!("largest import circle: {} files", cycles.first().map_or(0, Vec::len));
    for cycle in &cycles {
        let top = cycle.iter().min_by_key(|m| m.len()).expect("a circle has members");
        assert!(
            !top.is_empty() && cycle.iter().all(|m| m.starts_with(top)),
            "an import circle reaches beyond {}: {:?}",
            show(top),
            cycle.iter().map(show).collect::<Vec<_>>()
        );
        assert!(!cycle.contains(&vec!["app".to_owned()]), "the router is part of an import circle");
    }
}

#[test]
fn use_trees_expand() {
    let paths = expand_use("crate::{a, b::{c, d as e}, f::*}");
    let shown: Vec<String> = paths.iter().map(|p| p.join("::")).collect();
    assert_eq!(shown, ["crate::a", "crate::b::c", "crate::b::d", "crate::f::*"]);
}
