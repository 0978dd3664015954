//! The layering of the library, read from the `use` lines of `src/`: each
//! layer uses only the layers before it in [`LAYERS`], and no two modules
//! that share a parent use each other, directly or round a loop.
//!
//! A module is a file; a path a file names is charged to the deepest module
//! it reaches (`crate::genre::quantity::Quantity` to `genre::quantity`). An
//! edge between two modules counts between the children of their nearest
//! common parent that hold them, so a parent using its own child (or a
//! child its parent) is not a cycle, but two siblings using each other are.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first, as `lib.rs` documents them.
const LAYERS: &[&str] = &[
    "base",
    "input",
    "genre",
    "datafile",
    "check",
    "output",
    "commands",
    "workbench",
];

/// A module path, `genre::quantity` as `["genre", "quantity"]`.
type Module = Vec<String>;

#[test]
fn layers_point_one_way() {
    let graph = module_graph();
    let mut wrong = Vec::new();
    for (from, targets) in &graph {
        for to in targets {
            let (Some(a), Some(b)) = (layer(from), layer(to)) else {
                continue;
            };
            if a < b {
                wrong.push(format!("{} → {}", from.join("::"), to.join("::")));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "a layer uses one above it:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn sibling_modules_do_not_use_each_other_round_a_loop() {
    let graph = module_graph();
    let mut siblings: BTreeMap<Module, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for (from, targets) in &graph {
        for to in targets {
            let common = from.iter().zip(to).take_while(|(a, b)| a == b).count();
            if let (Some(a), Some(b)) = (from.get(common), to.get(common)) {
                siblings
                    .entry(from[..common].to_vec())
                    .or_default()
                    .entry(a.clone())
                    .or_default()
                    .insert(b.clone());
            }
        }
    }
    let cycles: Vec<String> = siblings
        .iter()
        .filter_map(|(parent, edges)| {
            find_cycle(edges)
                .map(|cycle| format!("in `{}`: {}", parent.join("::"), cycle.join(" → ")))
        })
        .collect();
    assert!(cycles.is_empty(), "module cycles:\n{}", cycles.join("\n"));
}

#[test]
fn the_graph_sees_the_uses_it_should() {
    let graph = module_graph();
    let uses = |from: &str, to: &str| {
        let split = |path: &str| path.split("::").map(String::from).collect::<Module>();
        graph
            .get(&split(from))
            .is_some_and(|t| t.contains(&split(to)))
    };
    assert!(uses("datafile::load", "input::yaml"));
    assert!(uses("output::render", "check"));
    assert!(!uses("genre::quantity", "datafile::model"));
}

fn layer(module: &Module) -> Option<usize> {
    LAYERS
        .iter()
        .position(|l| module.first().is_some_and(|m| m == l))
}

/// Every module of the library and the modules it uses.
fn module_graph() -> BTreeMap<Module, BTreeSet<Module>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = rust_files(&src);
    let modules: BTreeSet<Module> = files.iter().map(|f| module_of(&src, f)).collect();
    files
        .iter()
        .filter(|file| !file.ends_with("main.rs") || file.parent() != Some(src.as_path()))
        .filter(|file| !file.starts_with(src.join("cli")))
        .map(|file| {
            let module = module_of(&src, file);
            let text = std::fs::read_to_string(file).expect("source file");
            let targets = referenced_paths(&module, without_tests(&text))
                .into_iter()
                .filter_map(|path| deepest_module(&modules, &path))
                .filter(|target| *target != module)
                .collect();
            (module, targets)
        })
        .collect()
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("source directory") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

fn module_of(src: &Path, file: &Path) -> Module {
    let relative = file.strip_prefix(src).expect("under src");
    let mut parts: Module = relative
        .components()
        .map(|c| {
            c.as_os_str()
                .to_string_lossy()
                .trim_end_matches(".rs")
                .to_string()
        })
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

/// The text before the unit tests, which may use anything.
fn without_tests(text: &str) -> &str {
    text.find("#[cfg(test)]\nmod tests")
        .map_or(text, |at| &text[..at])
}

/// Every `crate::…` and `super::…` path in `text`, made absolute, with the
/// names inside braces expanded (`use crate::a::{b, c::d}`).
fn referenced_paths(module: &Module, text: &str) -> Vec<Module> {
    let mut paths = Vec::new();
    for (at, _) in text
        .match_indices("crate::")
        .chain(text.match_indices("super::"))
    {
        let preceded = text[..at].chars().next_back();
        if preceded.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let (base, rest) = if text[at..].starts_with("crate::") {
            (Vec::new(), &text[at + "crate::".len()..])
        } else {
            let mut rest = &text[at..];
            let mut base = module.clone();
            while let Some(after) = rest.strip_prefix("super::") {
                base.pop();
                rest = after;
            }
            (base, rest)
        };
        expand(&base, rest, &mut paths);
    }
    paths
}

fn expand(base: &Module, rest: &str, paths: &mut Vec<Module>) {
    let mut path = base.clone();
    let mut rest = rest;
    loop {
        let name_end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        if name_end > 0 {
            path.push(rest[..name_end].to_string());
        }
        rest = &rest[name_end..];
        if let Some(after) = rest.strip_prefix("::") {
            if let Some(inner) = after.strip_prefix('{') {
                let close = matching_brace(inner);
                for item in split_top_level(&inner[..close]) {
                    expand(&path, item.trim(), paths);
                }
                return;
            }
            rest = after;
            continue;
        }
        paths.push(path);
        return;
    }
}

fn matching_brace(text: &str) -> usize {
    let mut depth = 0;
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => return i,
            '}' => depth -= 1,
            _ => {}
        }
    }
    text.len()
}

fn split_top_level(text: &str) -> Vec<&str> {
    let mut items = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(&text[start..]);
    items
}

fn deepest_module(modules: &BTreeSet<Module>, path: &Module) -> Option<Module> {
    (1..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|prefix| modules.contains(prefix))
}

/// A cycle in a directed graph, as the names round it, if there is one.
fn find_cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|n| n == node) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.to_string());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, edges, stack, done) {
                return Some(cycle);
            }
        }
        stack.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|node| visit(node, edges, &mut Vec::new(), &mut done))
}
