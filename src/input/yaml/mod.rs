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

/// Parses `source` into a node tree, or returns the first syntax error
/// with its place and a hint for the mistakes clerks make most.
pub fn parse(source: &str) -> Result<Node, Diagnostic> {
    tree::build(source)
}

#[cfg(test)]
mod tests;
