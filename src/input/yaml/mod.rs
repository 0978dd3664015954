//! All YAML reading happens here: text → a tree of nodes, each with its
//! place in the file. granit-parser, the parser beneath serde-saphyr, gives
//! the events with their byte ranges; the tree is built from them directly,
//! as the schema is applied to the tree elsewhere (so that every problem in
//! a file is reported at once).
//!
//! A scalar keeps the text it was written with and how it was written
//! (plain, quoted or a block); what it means (a year, a figure, a heading
//! that happens to look like a number) is for the key that holds it to
//! say. [`Meaning`] is YAML 1.2's core-schema reading of a plain scalar,
//! which the writer uses to quote what another YAML reader would not read
//! as text.
//!
//! | step | module |
//! |---|---|
//! | parser events → nodes, anchors and aliases | `tree` |
//! | what a plain scalar means | `scalar` |
//! | syntax errors in Chinese with hints | `errors` |

mod errors;
mod scalar;
mod tree;

pub use errors::looks_like_mistaken_key;
pub use scalar::{Meaning, plain_meaning};

use crate::base::diagnostic::{Diagnostic, Span};

/// A YAML value with its place in the source.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The value.
    pub value: Value,
    /// Where it is written. For a mapping or sequence, the place of its
    /// first entry.
    pub span: Span,
}

/// The kinds of YAML value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A scalar, as written.
    Scalar(Scalar),
    /// A list.
    Seq(Vec<Node>),
    /// A mapping, in file order; keys are strings with their own places.
    Map(Vec<(EntryKey, Node)>),
}

/// A scalar: its text (escapes resolved, a block's indentation removed)
/// and how it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scalar {
    /// The text.
    pub text: String,
    /// How it was written.
    pub style: Style,
}

/// How a scalar was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Bare, as in `年度: 2024`.
    Plain,
    /// In single or double quotes, or tagged `!!str`: text whatever it says.
    Quoted,
    /// A `|` or `>` block.
    Block,
}

impl Scalar {
    /// What the scalar means to YAML's core schema: a quoted or block
    /// scalar is always text.
    pub fn meaning(&self) -> Meaning {
        match self.style {
            Style::Plain => plain_meaning(&self.text),
            Style::Quoted | Style::Block => Meaning::Text,
        }
    }

    /// Whether the scalar is YAML's null (`~`, `null` or nothing), which
    /// every key reads as absent.
    pub fn is_null(&self) -> bool {
        self.meaning() == Meaning::Null
    }
}

/// A mapping key with its place.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryKey {
    /// The key text.
    pub name: String,
    /// Where the key is written.
    pub span: Span,
}

impl Value {
    /// A plain scalar with `text`.
    pub fn plain(text: impl Into<String>) -> Value {
        Value::Scalar(Scalar {
            text: text.into(),
            style: Style::Plain,
        })
    }

    /// Whether the value is YAML's null.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Scalar(scalar) if scalar.is_null())
    }

    /// The Chinese name of this kind of value, for messages.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::Scalar(scalar) => match scalar.meaning() {
                Meaning::Null => "空值",
                Meaning::Bool(_) => "布尔值",
                Meaning::Int(_) | Meaning::Float(_) => "数字",
                Meaning::Text => "文字",
            },
            Value::Seq(_) => "列表",
            Value::Map(_) => "映射",
        }
    }
}

/// Parses `source` into a node tree, or returns the first mistake with
/// its place and the fix.
pub fn parse(source: &str) -> Result<Node, Diagnostic> {
    let read = read(source, &|_| false);
    match (read.root, read.diagnostics.into_iter().next()) {
        (Some(root), None) => Ok(root),
        (_, Some(first)) => Err(first),
        (None, None) => unreachable!("a file that does not parse has a diagnostic"),
    }
}

/// A file read as far as it can be: its tree, when there is one, and every
/// mistake found on the way.
#[derive(Debug)]
pub struct Read {
    /// The tree; present also when the only mistakes were mended.
    pub root: Option<Node>,
    /// The mistakes, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads `source`, reporting every mistake it can. Full-width colons after
/// keys are all reported, then mended (the mend keeps every byte in place)
/// so that the rest of the file is read too; after any other mistake the
/// reading stops, and the message says so.
///
/// A line mistake after a name `is_key` knows (标题：, a key of the data
/// file) is one even when YAML can read the line, as text; after any other
/// name it is one only when the file does not parse, since `（：` or
/// `主要做法：` may well be text.
pub fn read(source: &str, is_key: &dyn Fn(&str) -> bool) -> Read {
    let strict = tree::build(source, source);
    let mistakes: Vec<errors::LineMistake> = errors::line_mistakes(source)
        .into_iter()
        .filter(|m| strict.is_err() || m.key.as_deref().is_some_and(is_key))
        .collect();
    if mistakes.is_empty() {
        return match strict {
            Ok(root) => Read {
                root: Some(root),
                diagnostics: Vec::new(),
            },
            Err(diagnostic) => Read {
                root: None,
                diagnostics: vec![diagnostic],
            },
        };
    }
    let mut diagnostics: Vec<Diagnostic> = mistakes.iter().map(|m| m.diagnostic.clone()).collect();
    if !mistakes.iter().all(|m| m.mend.is_some()) {
        let stop = "zongjie 在这类错误处停止读取文件；改正后再检查其余部分";
        if let Some(last) = diagnostics.last_mut() {
            last.note = Some(match last.note.take() {
                Some(note) => format!("{note}。{stop}"),
                None => stop.to_string(),
            });
        }
        return Read {
            root: None,
            diagnostics,
        };
    }
    let mut mended = source.to_string();
    for mistake in &mistakes {
        if let Some((range, text)) = &mistake.mend {
            mended.replace_range(range.clone(), text);
        }
    }
    match tree::build(&mended, source) {
        Ok(root) => Read {
            root: Some(root),
            diagnostics,
        },
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            Read {
                root: None,
                diagnostics,
            }
        }
    }
}

#[cfg(test)]
mod tests;
