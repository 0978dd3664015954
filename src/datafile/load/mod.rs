//! Loading a data file: the YAML node tree is read against the key table
//! into a [`Report`]. Every problem is collected (wrong type, unknown key,
//! missing key…) instead of stopping at the first, so `check` can list them
//! all. A scalar is read as what its key expects: a heading that looks like
//! a number is still the heading as written.
//!
//! | part of the file | module |
//! |---|---|
//! | the top: bureau, year, kind, dates, circular, layout | `report` |
//! | sections, parts and points | `sections` |
//! | figures | `figures` |

mod figures;
mod report;
mod sections;

use crate::base::diagnostic::{Diagnostic, Diagnostics, LineIndex, Span};
use crate::base::error::Error;
use crate::base::suggest;
use crate::datafile::keys::{self, Field, Key, Place};
use crate::datafile::model::{Report, Text};
use crate::input::yaml::{self, EntryKey, Meaning, Node, Value};

/// What loading a file gives: the report as far as it could be read, and
/// the problems found on the way.
#[derive(Debug)]
pub struct Loaded {
    /// The report; `None` when the file is not YAML or not a mapping.
    pub report: Option<Report>,
    /// Problems found while reading.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads a data file for a command that needs it whole (rollover, diff,
/// merge): the report, or an error listing every problem with the file.
pub fn load_valid(path: &str, source: &str) -> Result<Report, Error> {
    let loaded = load(source);
    let errors: Vec<Diagnostic> = loaded
        .diagnostics
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect();
    match loaded.report {
        Some(report) if errors.is_empty() => Ok(report),
        _ => Err(Error::Invalid(Diagnostics::new(path, source, errors))),
    }
}

/// Reads a data file's text into a report, collecting every schema problem.
pub fn load(source: &str) -> Loaded {
    let read = yaml::read(source, &keys::is_key);
    let Some(root) = read.root else {
        return Loaded {
            report: None,
            diagnostics: read.diagnostics,
        };
    };
    let mut loader = Loader {
        lines: LineIndex::new(source),
        diagnostics: read.diagnostics,
    };
    let report = loader.report(&root);
    Loaded {
        report,
        diagnostics: loader.diagnostics,
    }
}

/// The entries of a mapping node, by key.
struct Entries<'n> {
    found: Vec<(Key, &'n Node)>,
    span: Span,
}

impl<'n> Entries<'n> {
    /// Whether `key` is written, even with nothing after it.
    fn has(&self, key: Key) -> bool {
        self.found.iter().any(|(k, _)| *k == key)
    }

    /// The value of `key`, unless absent or null.
    fn get(&self, key: Key) -> Option<&'n Node> {
        self.found
            .iter()
            .find(|(k, node)| *k == key && !node.value.is_null())
            .map(|(_, node)| *node)
    }
}

/// Reads the tree, keeping every problem it meets.
struct Loader<'s> {
    /// The file's lines, to place what is read in it.
    lines: LineIndex<'s>,
    diagnostics: Vec<Diagnostic>,
}

/// The general readers: mappings against the key table, text, yes/no.
impl Loader<'_> {
    fn error(&mut self, message: String, span: &Span) {
        self.diagnostics
            .push(Diagnostic::error(message, Some(span.clone())));
    }

    /// A text that must say something and is empty (`名称: ""`).
    fn warn_if_empty(&mut self, text: &Option<Text>, what: &str) {
        if let Some(text) = text
            && text.value.is_empty()
        {
            self.diagnostics.push(Diagnostic::warning(
                format!("“{what}”是空的"),
                text.span.clone(),
            ));
        }
    }

    fn wrong_type(&mut self, node: &Node, what: &str, expected: &str) {
        let what = if what.is_empty() {
            "数据文件".to_string()
        } else {
            format!("“{what}”")
        };
        self.error(
            format!("{what}应为{expected}，这里是{}", node.value.kind_name()),
            &node.span,
        );
    }

    fn missing(&mut self, key: &str, what: &str, span: &Span) {
        let place = if what.is_empty() {
            "数据文件".to_string()
        } else {
            format!("“{what}”")
        };
        self.error(format!("{place}缺少必填的键“{key}”"), span);
    }

    /// The entries of a mapping, reporting keys that are not allowed at
    /// `place`.
    fn entries<'n>(&mut self, node: &'n Node, place: Place, what: &str) -> Option<Entries<'n>> {
        let Value::Map(pairs) = &node.value else {
            self.wrong_type(node, what, "映射（键: 值）");
            return None;
        };
        let mut found: Vec<(Key, &'n Node)> = Vec::new();
        for (key, value) in pairs {
            match keys::lookup(place, &key.name) {
                Some(field) if found.iter().any(|(seen, _)| *seen == field.key) => self.error(
                    format!("键“{}”重复出现（中英文键名视为同一个）", field.chinese),
                    &key.span,
                ),
                Some(field) => found.push((field.key, value)),
                None => self.unknown_key(key, place, what),
            }
        }
        Some(Entries {
            found,
            span: node.span.clone(),
        })
    }

    fn unknown_key(&mut self, key: &EntryKey, place: Place, what: &str) {
        let allowed = keys::fields(place);
        let where_ = if what.is_empty() {
            "顶层".to_string()
        } else {
            format!("“{what}”中")
        };
        let mut message = format!("未知的键“{}”", key.name);
        if let Some(suggestion) = closest_key(&key.name, &allowed) {
            message.push_str(&format!("；是不是“{suggestion}”？"));
        }
        let listed: Vec<String> = allowed
            .iter()
            .map(|f| format!("{}（{}）", f.chinese, f.english))
            .collect();
        self.diagnostics.push(
            Diagnostic::error(message, Some(key.span.clone()))
                .with_note(format!("{where_}允许的键：{}", listed.join("、"))),
        );
    }

    fn optional_text(&mut self, fields: &Entries, key: Key, what: &str) -> Option<Text> {
        fields.get(key).and_then(|n| self.text(n, what))
    }

    fn optional_bool(&mut self, fields: &Entries, key: Key, what: &str) -> Option<bool> {
        let node = fields.get(key)?;
        let answer = match &node.value {
            Value::Scalar(scalar) => match scalar.meaning() {
                Meaning::Bool(truth) => Some(truth),
                _ if is_yes(&scalar.text) => Some(true),
                _ if is_no(&scalar.text) => Some(false),
                _ => None,
            },
            _ => None,
        };
        if answer.is_none() {
            self.wrong_type(node, what, "是/否（true/false）");
        }
        answer
    }

    /// A single line of text, as written: a scalar that looks like a
    /// number is the number's text.
    fn text(&mut self, node: &Node, what: &str) -> Option<Text> {
        match &node.value {
            Value::Scalar(scalar) if scalar.is_null() => None,
            Value::Scalar(scalar) => Some(Text {
                value: scalar.text.trim().to_string(),
                span: Some(node.span.clone()),
            }),
            _ => {
                self.wrong_type(node, what, "文字");
                None
            }
        }
    }

    /// Text that may hold several paragraphs: one per line of a string, or
    /// one per item of a list.
    fn paragraphs(&mut self, node: &Node, what: &str) -> Vec<Text> {
        match &node.value {
            Value::Seq(items) => items
                .iter()
                .filter_map(|item| self.text(item, what))
                .filter(|t| !t.value.is_empty())
                .collect(),
            _ => match self.text(node, what) {
                Some(text) => split_paragraphs(&self.lines, &text),
                None => Vec::new(),
            },
        }
    }

    /// A list of one-line texts; a single string is a list of one.
    fn text_list(&mut self, node: &Node, what: &str) -> Vec<Text> {
        match &node.value {
            Value::Seq(items) => items
                .iter()
                .filter_map(|item| self.text(item, what))
                .collect(),
            _ => self.text(node, what).into_iter().collect(),
        }
    }
}

/// Splits text into its lines, each narrowed to where it is written when it
/// can be found in the source.
fn split_paragraphs(lines: &LineIndex, text: &Text) -> Vec<Text> {
    let source = lines.source();
    let Some(span) = &text.span else {
        return vec![text.clone()];
    };
    let mut search_from = span.bytes.start;
    text.value
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| {
            let found = source
                .get(search_from..span.bytes.end.max(search_from))
                .and_then(|window| window.find(line));
            let span = match found {
                Some(at) => {
                    let start = search_from + at;
                    search_from = start + line.len();
                    lines.span(start..start + line.len())
                }
                None => span.clone(),
            };
            Text {
                value: line.to_string(),
                span: Some(span),
            }
        })
        .collect()
}

/// The allowed key nearest to a mistyped one, if any is close; a key
/// typed in English is matched against the English aliases too.
fn closest_key(name: &str, allowed: &[Field]) -> Option<&'static str> {
    let names = allowed.iter().flat_map(|f| [f.chinese, f.english]);
    let nearest = suggest::closest(name, names)?;
    allowed
        .iter()
        .find(|f| f.chinese == nearest || f.english == nearest)
        .map(|f| f.chinese)
}

/// A value for a message: text in quotes, anything else by its kind.
fn describe(node: &Node) -> String {
    match &node.value {
        Value::Scalar(scalar) if !scalar.is_null() => format!("“{}”", scalar.text.trim()),
        other => other.kind_name().to_string(),
    }
}

fn is_yes(text: &str) -> bool {
    matches!(text.trim(), "是" | "对" | "接排" | "分段")
}

fn is_no(text: &str) -> bool {
    matches!(text.trim(), "否" | "不" | "独立成行" | "不分段")
}

#[cfg(test)]
mod tests;
